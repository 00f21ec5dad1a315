import { describe, expect, it } from 'vitest';
import { announcementText, callKey, spokenTicket } from './announcement';
import { createDisplayI18n } from './i18n';

describe('spokenTicket', () => {
  it.each([
    ['A017', 'A 17'],
    ['A001', 'A 1'],
    ['A100', 'A 100'],
    ['B000', 'B 0'],
    ['AB007', 'A B 7'],
    ['017', '17'],
    ['a017', 'A 17'],
    ['A-017', 'A 17'],
    ['Ä12', 'Ä 12'],
  ])('%s is spoken as "%s"', (ticket, spoken) => {
    expect(spokenTicket(ticket)).toBe(spoken);
  });
});

describe('announcementText', () => {
  const i18n = createDisplayI18n('de');
  const t = (key: string, values: Record<string, unknown>) => i18n.global.t(key, values);

  it('says the number spelled and the counter, in German', () => {
    i18n.global.locale.value = 'de';
    expect(announcementText(t, { ticket: 'A017', counter: 'Schalter 3', recall: false })).toBe('Nummer A 17, bitte zu Schalter 3.');
    expect(announcementText(t, { ticket: 'A017', counter: 'Schalter 3', recall: true })).toBe(
      'Erneuter Aufruf: Nummer A 17, bitte zu Schalter 3.',
    );
  });

  it('and in English', () => {
    i18n.global.locale.value = 'en';
    expect(announcementText(t, { ticket: 'C005', counter: 'Counter 12', recall: false })).toBe('Number C 5, please go to Counter 12.');
  });
});

describe('callKey', () => {
  it('tells a recall (new calledAt) from the first call of the same ticket', () => {
    const first = { ticket: 'A017', calledAt: '2026-12-01T09:00:00.000Z' };
    expect(callKey(first)).toBe(callKey({ ...first }));
    expect(callKey(first)).not.toBe(callKey({ ...first, calledAt: '2026-12-01T09:02:00.000Z' }));
  });
});
