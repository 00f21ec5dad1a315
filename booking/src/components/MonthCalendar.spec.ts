import type { AvailabilityDay } from '@einlass/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import MonthCalendar from './MonthCalendar.vue';
import { availability } from '../testing/fixtures';
import { mountWithApp } from '../testing/mount';

const days = new Map<string, AvailabilityDay>(availability().days.map((d) => [d.date, d]));
let wrapper: VueWrapper | undefined;

async function mountCalendar(language: 'de' | 'en' = 'de') {
  ({ wrapper } = await mountWithApp(MonthCalendar, {
    language,
    props: {
      month: { year: 2026, month: 12 },
      days,
      selectedDate: null,
      minMonth: { year: 2026, month: 12 },
      maxMonth: { year: 2027, month: 1 },
    },
  }));
  return wrapper;
}

const day = (w: VueWrapper, date: string) => w.get(`[data-date="${date}"]`);

afterEach(() => wrapper?.unmount());

describe('MonthCalendar', () => {
  it('names each day with its free appointments', async () => {
    const w = await mountCalendar();
    expect(w.get('h3').text()).toBe('Dezember 2026');
    expect(day(w, '2026-12-01').attributes('aria-label')).toBe('Dienstag, 1. Dezember, 12 freie Termine');
    expect(day(w, '2026-12-03').attributes('aria-label')).toBe('Donnerstag, 3. Dezember, 1 freier Termin');
    expect(day(w, '2026-12-02').attributes('aria-label')).toBe('Mittwoch, 2. Dezember, ausgebucht');
    expect(day(w, '2026-12-04').attributes('aria-label')).toBe('Freitag, 4. Dezember, keine Termine');
  });

  it('speaks English when the page does', async () => {
    const w = await mountCalendar('en');
    expect(day(w, '2026-12-01').attributes('aria-label')).toBe('Tuesday 1 December, 12 free appointments');
  });

  it('marks only days with free times as choosable', async () => {
    const w = await mountCalendar();
    expect(day(w, '2026-12-01').classes()).toContain('calendar__day--free');
    expect(day(w, '2026-12-01').attributes('aria-disabled')).toBeUndefined();
    expect(day(w, '2026-12-02').attributes('aria-disabled')).toBe('true');
    expect(day(w, '2026-12-04').attributes('aria-disabled')).toBe('true');
    await day(w, '2026-12-02').trigger('click');
    expect(w.emitted('select')).toBeUndefined();
    await day(w, '2026-12-03').trigger('click');
    expect(w.emitted('select')).toEqual([['2026-12-03']]);
  });

  it('has one tab stop, the first free day, and moves with the arrow keys', async () => {
    const w = await mountCalendar();
    const tabbable = w.findAll('.calendar__day').filter((b) => b.attributes('tabindex') === '0');
    expect(tabbable.map((b) => b.attributes('data-date'))).toEqual(['2026-12-01']);

    (day(w, '2026-12-01').element as HTMLElement).focus();
    await day(w, '2026-12-01').trigger('keydown', { key: 'ArrowRight' });
    await w.vm.$nextTick();
    expect(document.activeElement?.getAttribute('data-date')).toBe('2026-12-02');
    await day(w, '2026-12-02').trigger('keydown', { key: 'ArrowDown' });
    await w.vm.$nextTick();
    expect(document.activeElement?.getAttribute('data-date')).toBe('2026-12-09');
    expect(day(w, '2026-12-09').attributes('tabindex')).toBe('0');
    await day(w, '2026-12-09').trigger('keydown', { key: 'Home' });
    await w.vm.$nextTick();
    expect(document.activeElement?.getAttribute('data-date')).toBe('2026-12-07');
  });

  it('pages to the next month with Page Down but not before the first month', async () => {
    const w = await mountCalendar();
    await day(w, '2026-12-01').trigger('keydown', { key: 'ArrowUp' });
    expect(w.emitted('update:month')).toBeUndefined();
    await day(w, '2026-12-31').trigger('keydown', { key: 'PageDown' });
    expect(w.emitted('update:month')).toEqual([[{ year: 2027, month: 1 }]]);
    expect(w.get('button[aria-label="Vorheriger Monat"]').attributes('disabled')).toBeDefined();
  });
});
