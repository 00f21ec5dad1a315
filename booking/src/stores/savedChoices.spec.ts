import { beforeEach, describe, expect, it } from 'vitest';
import { CHOICES_STORAGE_KEY, clearChoices, readChoices, sanitizeChoices, writeChoices } from './savedChoices';

beforeEach(() => sessionStorage.clear());

describe('saved choices', () => {
  it('keeps exactly the four non-personal fields in sessionStorage, not localStorage', () => {
    localStorage.clear();
    const withExtras = {
      locationId: 1,
      concernId: 10,
      date: '2026-12-01',
      start: '2026-12-01T10:00:00+01:00',
      name: 'Erika Mustermann',
      email: 'erika@example.org',
    };
    writeChoices(withExtras);
    expect(JSON.parse(sessionStorage.getItem(CHOICES_STORAGE_KEY)!)).toEqual({
      locationId: 1,
      concernId: 10,
      date: '2026-12-01',
      start: '2026-12-01T10:00:00+01:00',
    });
    expect(localStorage.length).toBe(0);
    expect(readChoices()).toEqual({ locationId: 1, concernId: 10, date: '2026-12-01', start: '2026-12-01T10:00:00+01:00' });
  });

  it('drops a later choice without the earlier one and anything malformed', () => {
    expect(sanitizeChoices({ concernId: 10 })).toBeNull();
    expect(sanitizeChoices({ locationId: 1, date: '2026-12-01', start: '2026-12-01T10:00:00+01:00' })).toEqual({
      locationId: 1,
      concernId: null,
      date: null,
      start: null,
    });
    expect(sanitizeChoices({ locationId: 1, concernId: 10, start: '2026-12-01T10:00:00+01:00' })).toMatchObject({
      date: null,
      start: null,
    });
    // A start on another day than the chosen one, or no ISO time at all.
    expect(sanitizeChoices({ locationId: 1, concernId: 10, date: '2026-12-02', start: '2026-12-01T10:00:00+01:00' })?.start).toBeNull();
    expect(sanitizeChoices({ locationId: 1, concernId: 10, date: '2026-12-01', start: 'Erika' })?.start).toBeNull();
    expect(sanitizeChoices({ locationId: -1, concernId: 10 })).toBeNull();
    expect(sanitizeChoices({ locationId: '1' })).toBeNull();
    expect(sanitizeChoices('x')).toBeNull();
  });

  it('reads nothing from broken storage and removes the entry when nothing is chosen', () => {
    sessionStorage.setItem(CHOICES_STORAGE_KEY, '{not json');
    expect(readChoices()).toBeNull();
    writeChoices({ locationId: 1, concernId: null, date: null, start: null });
    expect(readChoices()).toEqual({ locationId: 1, concernId: null, date: null, start: null });
    writeChoices({ locationId: null, concernId: null, date: null, start: null });
    expect(sessionStorage.getItem(CHOICES_STORAGE_KEY)).toBeNull();
    writeChoices({ locationId: 1, concernId: 10, date: null, start: null });
    clearChoices();
    expect(sessionStorage.getItem(CHOICES_STORAGE_KEY)).toBeNull();
  });
});
