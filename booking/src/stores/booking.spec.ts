import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiRequestError } from '../api';
import { AVAILABILITY_CHUNK_DAYS, mapServerFieldErrors, useBookingStore, validateForm } from './booking';
import { useSiteStore } from './site';
import { availability, CONCERNS, LOCATION } from '../testing/fixtures';

vi.mock('../api', async (importOriginal) => (await import('../testing/api-mock')).mockApiModule(importOriginal));
const mocked = vi.mocked(api);

async function storeAtDetails() {
  mocked.locations.mockResolvedValue([LOCATION]);
  mocked.concerns.mockResolvedValue(CONCERNS);
  mocked.availability.mockResolvedValue(availability());
  await useSiteStore().load();
  const booking = useBookingStore();
  await booking.loadConcerns('de');
  await booking.selectConcern(10);
  booking.selectDate('2026-12-01');
  booking.selectSlot('2026-12-01T10:00:00+01:00');
  Object.assign(booking.form, { name: '  Erika Mustermann ', email: 'erika@example.org', phone: '', consent: true });
  return booking;
}

beforeEach(() => {
  setActivePinia(createPinia());
  vi.resetAllMocks();
});

describe('validateForm', () => {
  it('asks for name, e-mail and consent', () => {
    expect(validateForm({ name: ' ', email: '', phone: '', consent: false })).toEqual({
      name: 'validation.name.required',
      email: 'validation.email.required',
      consent: 'validation.consent.required',
    });
  });

  it('rejects a malformed e-mail address and phone number', () => {
    expect(validateForm({ name: 'A B', email: 'erika@', phone: 'call me', consent: true })).toEqual({
      email: 'validation.email.invalid',
      phone: 'validation.phone.invalid',
    });
  });

  it('accepts a complete form with an optional phone number', () => {
    expect(validateForm({ name: 'Erika Mustermann', email: 'erika@example.org', phone: '+49 5131 707-270', consent: true })).toEqual({});
  });
});

describe('mapServerFieldErrors', () => {
  it('puts each 422 field onto its input and reports the rest', () => {
    const { errors, other } = mapServerFieldErrors(
      [
        { field: 'email', message: 'email must be an email' },
        { field: 'consent', message: 'consent must be true' },
        { field: 'start', message: 'bad' },
      ],
      { name: 'Erika', email: 'x@y' },
    );
    expect(errors).toEqual({ email: 'validation.email.invalid', consent: 'validation.consent.required' });
    expect(other).toEqual(['start']);
  });
});

describe('availability', () => {
  it('starts a day before the browser today and walks on until the server returns days', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-20T10:00:00Z'), toFake: ['Date'] });
    try {
      mocked.locations.mockResolvedValue([LOCATION]);
      mocked.availability.mockResolvedValueOnce({ days: [] }).mockResolvedValueOnce(availability());
      await useSiteStore().load();
      const booking = useBookingStore();
      await booking.selectConcern(10);
      expect(mocked.availability.mock.calls).toEqual([
        [1, 10, '2026-11-19', '2027-01-18'],
        [1, 10, '2027-01-19', '2027-03-20'],
      ]);
      for (const [, , from, to] of mocked.availability.mock.calls) {
        const span = (Date.parse(to!) - Date.parse(from!)) / 86_400_000 + 1;
        expect(span).toBeLessThanOrEqual(62);
        expect(span).toBe(AVAILABILITY_CHUNK_DAYS);
      }
      // The calendar opens at the first returned day's month, not the browser's.
      expect(booking.firstMonth).toEqual({ year: 2026, month: 12 });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('submit', () => {
  it('reserves with the chosen slot, trimmed data and the page language', async () => {
    const booking = await storeAtDetails();
    mocked.createBooking.mockResolvedValue({ id: 'b1', status: 'reserved', expiresAt: '2026-11-20T12:00:00+01:00' });
    expect(await booking.submit('en')).toBe('created');
    expect(mocked.createBooking).toHaveBeenCalledWith({
      locationId: 1,
      concernId: 10,
      start: '2026-12-01T10:00:00+01:00',
      name: 'Erika Mustermann',
      email: 'erika@example.org',
      language: 'en',
      consent: true,
    });
    expect(booking.created?.expiresAt).toBe('2026-11-20T12:00:00+01:00');
    expect(booking.createdEmail).toBe('erika@example.org');
  });

  it('does not call the API while the form is invalid', async () => {
    const booking = await storeAtDetails();
    booking.form.consent = false;
    booking.form.email = 'nope';
    expect(await booking.submit('de')).toBe('invalid');
    expect(booking.fieldErrors).toEqual({ email: 'validation.email.invalid', consent: 'validation.consent.required' });
    expect(mocked.createBooking).not.toHaveBeenCalled();
  });

  it('on slot_full keeps the personal data, drops the time and reloads fresh times', async () => {
    const booking = await storeAtDetails();
    booking.form.phone = '05131 707270';
    mocked.createBooking.mockRejectedValue(new ApiRequestError(409, { error: 'slot_full', message: 'taken' }));
    const fresh = availability();
    fresh.days[0].slots = fresh.days[0].slots.filter((s) => s.start !== '2026-12-01T10:00:00+01:00');
    mocked.availability.mockClear();
    mocked.availability.mockResolvedValue(fresh);

    expect(await booking.submit('de')).toBe('slot_taken');

    expect(booking.slotNotice).toBe('slot_full');
    expect(booking.selectedStart).toBeNull();
    expect(booking.selectedDate).toBe('2026-12-01');
    expect(booking.form).toEqual({ name: '  Erika Mustermann ', email: 'erika@example.org', phone: '05131 707270', consent: true });
    expect(mocked.availability).toHaveBeenCalled();
    expect(booking.selectedDay?.slots.map((s) => s.start)).not.toContain('2026-12-01T10:00:00+01:00');
    expect(booking.selectedDay?.slots).toHaveLength(11);

    // Choosing another time clears the notice.
    booking.selectSlot('2026-12-01T11:00:00+01:00');
    expect(booking.slotNotice).toBeNull();
  });

  it('maps a 422 from the server onto the fields', async () => {
    const booking = await storeAtDetails();
    mocked.createBooking.mockRejectedValue(
      new ApiRequestError(422, {
        error: 'validation_failed',
        message: 'invalid',
        fields: [{ field: 'email', message: 'email must be an email' }],
      }),
    );
    expect(await booking.submit('de')).toBe('invalid');
    expect(booking.fieldErrors).toEqual({ email: 'validation.email.invalid' });
    expect(booking.submitError).toBeNull();
  });

  it('reports too_many_open_bookings and rate limits as a general error, keeping the slot', async () => {
    const booking = await storeAtDetails();
    mocked.createBooking.mockRejectedValueOnce(new ApiRequestError(409, { error: 'too_many_open_bookings', message: 'x' }));
    expect(await booking.submit('de')).toBe('error');
    expect(booking.submitError?.code).toBe('too_many_open_bookings');
    expect(booking.selectedStart).toBe('2026-12-01T10:00:00+01:00');

    mocked.createBooking.mockRejectedValueOnce(new ApiRequestError(429, { error: 'rate_limited', message: 'x', retryAfterSeconds: 30 }));
    expect(await booking.submit('de')).toBe('error');
    expect(booking.submitError).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 30 });
  });

  it('reset forgets everything personal', async () => {
    const booking = await storeAtDetails();
    booking.reset();
    expect(booking.form).toEqual({ name: '', email: '', phone: '', consent: false });
    expect(booking.concernId).toBeNull();
    expect(booking.days).toEqual([]);
  });
});
