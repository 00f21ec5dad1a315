import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '@einlass/web-kit/api';
import { api } from '../api';
import { AVAILABILITY_CHUNK_DAYS, useAvailabilityStore } from './availability';
import { useBookingStore } from './booking';
import { mapServerFieldErrors, useBookingFormStore, validateForm } from './bookingForm';
import { useConcernsStore } from './concerns';
import { CHOICES_STORAGE_KEY, writeChoices } from './savedChoices';
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
  await useConcernsStore().loadConcerns('de');
  await booking.selectConcern(10);
  booking.selectDate('2026-12-01');
  booking.selectSlot('2026-12-01T10:00:00+01:00');
  Object.assign(useBookingFormStore().form, { name: '  Erika Mustermann ', email: 'erika@example.org', phone: '', consent: true });
  return booking;
}

beforeEach(() => {
  setActivePinia(createPinia());
  vi.resetAllMocks();
  sessionStorage.clear();
  localStorage.clear();
});

const stored = () => JSON.parse(sessionStorage.getItem(CHOICES_STORAGE_KEY) ?? 'null');
const CHOSEN = { locationId: 1, concernId: 10, date: '2026-12-01', start: '2026-12-01T10:00:00+01:00' };

/** A new page load: fresh Pinia, the API answering as set up. */
function reloadedStore() {
  setActivePinia(createPinia());
  mocked.locations.mockResolvedValue([LOCATION]);
  mocked.concerns.mockResolvedValue(CONCERNS);
  return useBookingStore();
}

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
      expect(useAvailabilityStore().firstMonth).toEqual({ year: 2026, month: 12 });
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
    useBookingFormStore().form.consent = false;
    useBookingFormStore().form.email = 'nope';
    expect(await booking.submit('de')).toBe('invalid');
    expect(useBookingFormStore().fieldErrors).toEqual({ email: 'validation.email.invalid', consent: 'validation.consent.required' });
    expect(mocked.createBooking).not.toHaveBeenCalled();
  });

  it('on slot_full keeps the personal data, drops the time and reloads fresh times', async () => {
    const booking = await storeAtDetails();
    useBookingFormStore().form.phone = '05131 707270';
    mocked.createBooking.mockRejectedValue(new ApiRequestError(409, { error: 'slot_full', message: 'taken' }));
    const fresh = availability();
    fresh.days[0].slots = fresh.days[0].slots.filter((s) => s.start !== '2026-12-01T10:00:00+01:00');
    mocked.availability.mockClear();
    mocked.availability.mockResolvedValue(fresh);

    expect(await booking.submit('de')).toBe('slot_taken');

    expect(booking.slotNotice).toBe('slot_full');
    expect(booking.selectedStart).toBeNull();
    expect(booking.selectedDate).toBe('2026-12-01');
    expect(useBookingFormStore().form).toEqual({
      name: '  Erika Mustermann ',
      email: 'erika@example.org',
      phone: '05131 707270',
      consent: true,
    });
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
    expect(useBookingFormStore().fieldErrors).toEqual({ email: 'validation.email.invalid' });
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
    expect(useBookingFormStore().form).toEqual({ name: '', email: '', phone: '', consent: false });
    expect(booking.concernId).toBeNull();
    expect(useAvailabilityStore().days).toEqual([]);
  });
});

describe('choices kept over a reload', () => {
  it('stores each choice in sessionStorage as it is made, never the personal data', async () => {
    const booking = await storeAtDetails();
    expect(stored()).toEqual(CHOSEN);
    useBookingFormStore().form.phone = '05131 707270';
    booking.selectDate('2026-12-03');
    expect(stored()).toEqual({ ...CHOSEN, date: '2026-12-03', start: null });
    booking.selectSlot('2026-12-03T10:00:00+01:00');
    const everything = JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage });
    for (const personal of ['Erika', 'Mustermann', 'erika@example.org', '707270', 'consent']) expect(everything).not.toContain(personal);
    expect(Object.keys(stored()).sort()).toEqual(['concernId', 'date', 'locationId', 'start']);
  });

  it('takes up concern, day and time after a reload, with fresh times from the API', async () => {
    writeChoices(CHOSEN);
    const booking = reloadedStore();
    mocked.availability.mockResolvedValue(availability());
    const resumed = booking.resume('de');
    expect(booking.resuming).toBe(true);
    expect(await resumed).toBe('kept');
    expect(booking.resuming).toBe(false);
    expect(useSiteStore().locationId).toBe(1);
    expect(booking.concernId).toBe(10);
    expect(booking.selectedDate).toBe('2026-12-01');
    expect(booking.selectedStart).toBe('2026-12-01T10:00:00+01:00');
    expect(booking.resumeNotice).toBe('kept');
    expect(useBookingFormStore().form).toEqual({ name: '', email: '', phone: '', consent: false });
    expect(mocked.concerns).toHaveBeenCalledTimes(1);
    expect(mocked.availability).toHaveBeenCalled();
    // Only once per page load.
    expect(await booking.resume('de')).toBe('none');
  });

  it('is not misled by a language switch while the concerns load', async () => {
    writeChoices(CHOSEN);
    const booking = reloadedStore();
    mocked.availability.mockResolvedValue(availability());
    const answers: ((concerns: typeof CONCERNS) => void)[] = [];
    mocked.concerns.mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    const resumed = booking.resume('de');
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    void useConcernsStore().loadConcerns('en');
    expect(answers).toHaveLength(2);
    answers[0](CONCERNS);
    await flushPromises();
    answers[1](CONCERNS.map((c) => ({ ...c, name: `${c.name} (en)` })));
    expect(await resumed).toBe('kept');
    expect(booking.concern?.name).toBe('Personalausweis beantragen (en)');
    expect(booking.selectedStart).toBe(CHOSEN.start);
  });

  it('loads further ranges until the kept day is covered', async () => {
    vi.useFakeTimers({ now: new Date('2026-10-01T10:00:00Z'), toFake: ['Date'] });
    try {
      writeChoices(CHOSEN);
      const booking = reloadedStore();
      const october = { days: [{ date: '2026-10-05', slots: [{ start: '2026-10-05T09:00:00+02:00', free: 1 }] }] };
      mocked.availability.mockResolvedValueOnce(october).mockResolvedValueOnce(availability());
      expect(await booking.resume('de')).toBe('kept');
      expect(mocked.availability).toHaveBeenCalledTimes(2);
      expect(booking.selectedStart).toBe('2026-12-01T10:00:00+01:00');
    } finally {
      vi.useRealTimers();
    }
  });

  it('when the kept time is taken meanwhile, keeps the day, offers its fresh times and says why', async () => {
    writeChoices(CHOSEN);
    const booking = reloadedStore();
    const fresh = availability();
    fresh.days[0].slots.find((s) => s.start === CHOSEN.start)!.free = 0;
    mocked.availability.mockResolvedValue(fresh);
    expect(await booking.resume('de')).toBe('slot_gone');
    expect(booking.concernId).toBe(10);
    expect(booking.selectedDate).toBe('2026-12-01');
    expect(booking.selectedStart).toBeNull();
    expect(booking.resumeNotice).toBe('slot_gone');
    expect(stored()).toEqual({ ...CHOSEN, start: null });
    // Choosing another time clears the notice.
    booking.selectSlot('2026-12-01T10:20:00+01:00');
    expect(booking.resumeNotice).toBeNull();
  });

  it('when the kept day is past (the server no longer lists it), drops day and time', async () => {
    writeChoices(CHOSEN);
    const booking = reloadedStore();
    const fresh = availability();
    fresh.days.shift();
    mocked.availability.mockResolvedValue(fresh);
    expect(await booking.resume('de')).toBe('slot_gone');
    expect(booking.selectedDate).toBeNull();
    expect(booking.selectedStart).toBeNull();
    expect(useAvailabilityStore().days.map((d) => d.date)).toEqual(['2026-12-02', '2026-12-03']);
  });

  it('when the concern can no longer be booked online, goes back to the concerns', async () => {
    writeChoices(CHOSEN);
    const booking = reloadedStore();
    mocked.concerns.mockResolvedValue([{ ...CONCERNS[0], onlineBookable: false }, CONCERNS[1]]);
    expect(await booking.resume('de')).toBe('concern_gone');
    expect(booking.concernId).toBeNull();
    expect(booking.selectedStart).toBeNull();
    expect(mocked.availability).not.toHaveBeenCalled();
    expect(stored()).toEqual({ locationId: 1, concernId: null, date: null, start: null });
  });

  it('when the office is gone, starts from the beginning', async () => {
    writeChoices({ ...CHOSEN, locationId: 7 });
    const booking = reloadedStore();
    expect(await booking.resume('de')).toBe('location_gone');
    expect(booking.concernId).toBeNull();
    expect(useSiteStore().locationId).toBe(1);
  });

  it('without an answer from the server keeps the stored choices for a retry', async () => {
    writeChoices(CHOSEN);
    const booking = reloadedStore();
    mocked.availability.mockRejectedValueOnce(new ApiRequestError(0, { error: 'network', message: 'offline' }));
    expect(await booking.resume('de')).toBe('failed');
    expect(booking.resumeError?.code).toBe('network');
    expect(booking.selectedStart).toBeNull();
    expect(stored()).toEqual(CHOSEN);

    mocked.availability.mockResolvedValue(availability());
    expect(await booking.retryResume('de')).toBe('kept');
    expect(booking.resumeError).toBeNull();
    expect(booking.selectedStart).toBe(CHOSEN.start);
  });

  it('a check of the choices in memory (back/forward cache) drops a taken time without a notice for kept ones', async () => {
    const booking = await storeAtDetails();
    expect(await booking.recheck('de')).toBe('kept');
    expect(booking.resumeNotice).toBeNull();
    expect(useBookingFormStore().form.name).toBe('  Erika Mustermann ');
    const fresh = availability();
    fresh.days[0].slots = fresh.days[0].slots.filter((s) => s.start !== CHOSEN.start);
    mocked.availability.mockResolvedValue(fresh);
    expect(await booking.recheck('de')).toBe('slot_gone');
    expect(booking.selectedStart).toBeNull();
    expect(useBookingFormStore().form.email).toBe('erika@example.org');
  });

  it('forgets the stored choices once the reservation is made, and on starting over', async () => {
    const booking = await storeAtDetails();
    mocked.createBooking.mockResolvedValue({ id: 'b1', status: 'reserved', expiresAt: '2026-11-20T12:00:00+01:00' });
    expect(await booking.submit('de')).toBe('created');
    expect(sessionStorage.getItem(CHOICES_STORAGE_KEY)).toBeNull();
    // A reload on the "check your e-mail" page finds nothing to take up.
    expect(await reloadedStore().resume('de')).toBe('none');

    const again = await storeAtDetails();
    expect(stored()).toEqual(CHOSEN);
    again.reset();
    expect(sessionStorage.getItem(CHOICES_STORAGE_KEY)).toBeNull();
  });
});
