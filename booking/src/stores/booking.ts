import type {
  ApiError,
  AvailabilityDay,
  BookingCreatedResponse,
  BookingLanguage,
  ConcernResponse,
  FieldError,
} from '@einlass/contracts';
import { defineStore } from 'pinia';
import { computed, reactive, ref } from 'vue';
import { asApiError, type ApiRequestError } from '@einlass/web-kit/api';
import { api } from '../api';
import { addDays, FALLBACK_TIMEZONE, todayIn } from '@einlass/web-kit/time';
import { compareMonths, lastDayOfMonth, monthOf, type YearMonth } from '../dates';
import { clearChoices, readChoices, writeChoices, type SavedChoices } from './savedChoices';
import { useSiteStore } from './site';

export const FORM_FIELDS = ['name', 'email', 'phone', 'consent'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** An i18n key per invalid field, so messages follow a later language switch. */
export type FieldErrors = Partial<Record<FormField, string>>;

export interface FlowError {
  code: ApiError['error'] | 'network';
  retryAfterSeconds?: number;
  contactEmail?: string;
}

/** Why the chosen time had to be given up; the entered personal data stays. */
export type SlotNotice = 'slot_full' | 'slot_unavailable';

export type SubmitOutcome = 'created' | 'invalid' | 'slot_taken' | 'error';

/**
 * What became of the choices kept from before a reload: all still bookable (`kept`), or given
 * up from the named one on (`slot_gone` covers a time taken meanwhile or already past).
 */
export type ResumeNotice = 'kept' | 'location_gone' | 'concern_gone' | 'slot_gone';
/** `none`: nothing was kept; `failed`: the server could not be asked, the kept choices stay stored. */
export type ResumeOutcome = ResumeNotice | 'none' | 'failed';

/** The API answers at most 62 days per availability request; stay one below. */
export const AVAILABILITY_CHUNK_DAYS = 61;
export const NAME_MAX_LENGTH = 200;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_PATTERN = /^\+?[0-9][0-9 ()/-]{3,29}$/;


/** Client-side checks, the same rules the form explains; the server checks again. */
export function validateForm(form: { name: string; email: string; phone: string; consent: boolean }): FieldErrors {
  const errors: FieldErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = 'validation.name.required';
  else if (name.length > NAME_MAX_LENGTH) errors.name = 'validation.name.invalid';
  const email = form.email.trim();
  if (!email) errors.email = 'validation.email.required';
  else if (!EMAIL_PATTERN.test(email)) errors.email = 'validation.email.invalid';
  const phone = form.phone.trim();
  if (phone && !PHONE_PATTERN.test(phone)) errors.phone = 'validation.phone.invalid';
  if (!form.consent) errors.consent = 'validation.consent.required';
  return errors;
}

/** Maps the server's `422 validation_failed` fields onto the form; `other` names fields outside it. */
export function mapServerFieldErrors(
  fields: FieldError[],
  form: { name: string; email: string },
): { errors: FieldErrors; other: string[] } {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const { field } of fields) {
    const name = field.split('.')[0];
    switch (name) {
      case 'name':
        errors.name = form.name.trim() ? 'validation.name.invalid' : 'validation.name.required';
        break;
      case 'email':
        errors.email = form.email.trim() ? 'validation.email.invalid' : 'validation.email.required';
        break;
      case 'phone':
        errors.phone = 'validation.phone.invalid';
        break;
      case 'consent':
        errors.consent = 'validation.consent.required';
        break;
      default:
        other.push(name);
    }
  }
  return { errors, other };
}

/** The citizen's way through the booking: concern → day and time → personal data → sent. */
export const useBookingStore = defineStore('booking', () => {
  const site = useSiteStore();

  const concerns = ref<ConcernResponse[]>([]);
  const concernsLoading = ref(false);
  const concernsError = ref<ApiRequestError | null>(null);
  const concernId = ref<number | null>(null);
  const concern = computed(() => concerns.value.find((c) => c.id === concernId.value) ?? null);

  const days = ref<AvailabilityDay[]>([]);
  const availabilityLoading = ref(false);
  const availabilityError = ref<ApiRequestError | null>(null);
  /** The last date asked for (or, without a range, the last date answered). */
  let requestedTo: string | null = null;
  let exhausted = false;
  let availabilityGeneration = 0;
  const dayMap = computed(() => new Map(days.value.map((d) => [d.date, d])));
  /** The calendar starts at the month of the first day the server returned, not at the browser's today. */
  const firstMonth = computed<YearMonth | null>(() => (days.value.length ? monthOf(days.value[0].date) : null));
  const lastMonth = computed<YearMonth | null>(() => {
    if (!days.value.length) return null;
    const horizonDays = site.location?.bookingHorizonDays;
    const end = horizonDays ? addDays(days.value[0].date, horizonDays) : days.value[days.value.length - 1].date;
    const last = monthOf(end);
    const known = monthOf(days.value[days.value.length - 1].date);
    return compareMonths(last, known) > 0 ? last : known;
  });

  const selectedDate = ref<string | null>(null);
  const selectedStart = ref<string | null>(null);
  const selectedDay = computed(() => (selectedDate.value ? (dayMap.value.get(selectedDate.value) ?? null) : null));

  const form = reactive({ name: '', email: '', phone: '', consent: false });
  const fieldErrors = ref<FieldErrors>({});
  const submitting = ref(false);
  const submitError = ref<FlowError | null>(null);
  const slotNotice = ref<SlotNotice | null>(null);
  const created = ref<BookingCreatedResponse | null>(null);
  const createdEmail = ref('');

  const resuming = ref(false);
  const resumeError = ref<ApiRequestError | null>(null);
  const resumeNotice = ref<ResumeNotice | null>(null);
  /** Stored choices are taken up once per page load; later visits of the page find them in memory. */
  let resumeChecked = false;

  /** Concerns for one office and language; a request already on its way is shared, and only the latest answer counts. */
  let concernsRequest: { key: string; promise: Promise<void> } | null = null;
  function loadConcerns(language: BookingLanguage): Promise<void> {
    const locationId = site.locationId;
    if (locationId === null) return Promise.resolve();
    const key = `${locationId}:${language}`;
    if (concernsRequest?.key === key) return concernsRequest.promise;
    const request: { key: string; promise: Promise<void> } = { key, promise: Promise.resolve() };
    const latest = () => concernsRequest === request;
    concernsRequest = request;
    request.promise = (async () => {
      concernsLoading.value = true;
      concernsError.value = null;
      try {
        const answer = await api.concerns(locationId, language);
        if (latest()) concerns.value = answer;
      } catch (e) {
        if (latest()) concernsError.value = asApiError(e);
      } finally {
        if (latest()) {
          concernsLoading.value = false;
          concernsRequest = null;
        }
      }
    })();
    return request.promise;
  }

  function mergeDays(more: AvailabilityDay[]): void {
    const merged = new Map(days.value.map((d) => [d.date, d]));
    for (const day of more) merged.set(day.date, day);
    days.value = [...merged.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  /**
   * The browser's clock may differ from the server's, so the first request starts a day before
   * the browser's today (the server skips past days) and, while nothing comes back, walks on
   * range by range to the end of the booking horizon. The calendar then opens at the first
   * day the server returned.
   */
  async function fetchFirstRange(locationId: number, id: number): Promise<AvailabilityDay[]> {
    const location = site.location;
    const today = todayIn(location?.timezone ?? FALLBACK_TIMEZONE);
    const limit = addDays(today, (location?.bookingHorizonDays ?? AVAILABILITY_CHUNK_DAYS) + 1);
    let from = addDays(today, -1);
    for (;;) {
      const to = addDays(from, AVAILABILITY_CHUNK_DAYS - 1);
      const { days: found } = await api.availability(locationId, id, from, to);
      requestedTo = to;
      if (found.length || to >= limit) return found;
      from = addDays(to, 1);
    }
  }

  /** (Re)loads the free times of the chosen concern from the first bookable day on. */
  async function loadAvailability(): Promise<void> {
    const locationId = site.locationId;
    const id = concernId.value;
    if (locationId === null || id === null) return;
    const generation = ++availabilityGeneration;
    availabilityLoading.value = true;
    availabilityError.value = null;
    try {
      const first = await fetchFirstRange(locationId, id);
      if (generation !== availabilityGeneration) return;
      days.value = [];
      exhausted = first.length === 0;
      mergeDays(first);
    } catch (e) {
      if (generation === availabilityGeneration) availabilityError.value = asApiError(e);
    } finally {
      if (generation === availabilityGeneration) availabilityLoading.value = false;
    }
  }

  /** Fetches further ranges until `month` is covered (the calendar calls it when paging forward). */
  async function ensureMonthLoaded(month: YearMonth): Promise<void> {
    const locationId = site.locationId;
    const id = concernId.value;
    if (locationId === null || id === null || requestedTo === null) return;
    const generation = availabilityGeneration;
    const until = lastDayOfMonth(month);
    availabilityLoading.value = true;
    try {
      while (!exhausted && requestedTo < until) {
        const from = addDays(requestedTo, 1);
        const to = addDays(from, AVAILABILITY_CHUNK_DAYS - 1);
        const { days: more } = await api.availability(locationId, id, from, to);
        if (generation !== availabilityGeneration) return;
        requestedTo = to;
        if (!more.length) exhausted = true;
        mergeDays(more);
      }
    } catch (e) {
      if (generation === availabilityGeneration) availabilityError.value = asApiError(e);
    } finally {
      if (generation === availabilityGeneration) availabilityLoading.value = false;
    }
  }

  function resetSelection(): void {
    availabilityGeneration++;
    days.value = [];
    requestedTo = null;
    exhausted = false;
    availabilityError.value = null;
    availabilityLoading.value = false;
    selectedDate.value = null;
    selectedStart.value = null;
    slotNotice.value = null;
  }

  function currentChoices(): SavedChoices {
    return { locationId: site.locationId, concernId: concernId.value, date: selectedDate.value, start: selectedStart.value };
  }

  /** Keeps the non-personal choices in this tab's sessionStorage (see savedChoices.ts); after the reservation nothing is kept. */
  function persist(): void {
    if (resuming.value) return;
    if (created.value) clearChoices();
    else writeChoices(currentChoices());
  }

  async function selectConcern(id: number): Promise<void> {
    resumeNotice.value = null;
    if (id !== concernId.value || !days.value.length) {
      resetSelection();
      concernId.value = id;
      persist();
      await loadAvailability();
    }
  }

  function selectDate(date: string): void {
    selectedDate.value = date;
    if (selectedStart.value && !selectedDay.value?.slots.some((s) => s.start === selectedStart.value)) selectedStart.value = null;
    persist();
  }

  function selectSlot(start: string): void {
    selectedStart.value = start;
    slotNotice.value = null;
    resumeNotice.value = null;
    submitError.value = null;
    persist();
  }

  /**
   * Takes up choices from before a reload, each checked against fresh answers of the server:
   * the office must still be offered, the concern still bookable online, the time still free
   * (the server lists only future times with seats). Where a choice no longer holds, it and
   * everything after it are dropped and `resumeNotice` says why; the day's times then come
   * fresh from the API. Personal data is never part of it.
   */
  async function resumeFrom(saved: SavedChoices, language: BookingLanguage, quiet: boolean): Promise<ResumeOutcome> {
    resuming.value = true;
    resumeError.value = null;
    resumeNotice.value = null;
    let outcome: ResumeNotice;
    try {
      await site.load();
      if (site.error) {
        resumeError.value = site.error;
        return 'failed';
      }
      outcome = await check(saved, language);
    } catch (e) {
      resumeError.value = asApiError(e);
      return 'failed';
    } finally {
      resuming.value = false;
    }
    resumeNotice.value = quiet && outcome === 'kept' ? null : outcome;
    persist();
    return outcome;
  }

  /** Applies what still holds of `saved`; throws the API error when the server could not be asked. */
  async function check(saved: SavedChoices, language: BookingLanguage): Promise<ResumeNotice> {
    if (saved.locationId === null || !site.locations.some((l) => l.id === saved.locationId)) {
      resetSelection();
      concernId.value = null;
      return 'location_gone';
    }
    site.select(saved.locationId);
    if (saved.concernId === null) {
      resetSelection();
      concernId.value = null;
      return 'kept';
    }
    await loadConcerns(language);
    // The language may have been switched meanwhile: wait for the answer that counts.
    while (concernsRequest) await concernsRequest.promise;
    if (concernsError.value) throw concernsError.value;
    if (!concerns.value.find((c) => c.id === saved.concernId)?.onlineBookable) {
      resetSelection();
      concernId.value = null;
      return 'concern_gone';
    }
    resetSelection();
    concernId.value = saved.concernId;
    await loadAvailability();
    if (saved.date && !availabilityError.value) await ensureMonthLoaded(monthOf(saved.date));
    if (availabilityError.value) throw availabilityError.value;
    const day = saved.date ? dayMap.value.get(saved.date) : undefined;
    if (day) selectedDate.value = day.date;
    if (!saved.start) return 'kept';
    if (!day?.slots.some((s) => s.start === saved.start && s.free > 0)) return 'slot_gone';
    selectedStart.value = saved.start;
    return 'kept';
  }

  /** Once per page load: the choices this tab kept before a reload, if any. */
  async function resume(language: BookingLanguage): Promise<ResumeOutcome> {
    if (resumeChecked) return 'none';
    resumeChecked = true;
    const saved = readChoices();
    if (!saved || created.value) return 'none';
    return resumeFrom(saved, language, false);
  }

  /** After `failed`: asks the server again. */
  async function retryResume(language: BookingLanguage): Promise<ResumeOutcome> {
    const saved = readChoices();
    if (!saved) {
      resumeError.value = null;
      return 'none';
    }
    return resumeFrom(saved, language, false);
  }

  /**
   * The page came back from the browser's back/forward cache with its old state: the times it
   * shows may be taken by now, so the choices in memory are checked like stored ones.
   */
  async function recheck(language: BookingLanguage): Promise<ResumeOutcome> {
    if (created.value || concernId.value === null || resuming.value) return 'none';
    return resumeFrom(currentChoices(), language, true);
  }

  function dismissResumeNotice(): void {
    resumeNotice.value = null;
  }

  function validate(): boolean {
    fieldErrors.value = validateForm(form);
    return Object.keys(fieldErrors.value).length === 0;
  }

  /** Clears one field's message once the citizen has corrected it. */
  function revalidateField(field: FormField): void {
    if (!fieldErrors.value[field]) return;
    const next = { ...fieldErrors.value };
    const message = validateForm(form)[field];
    if (message) next[field] = message;
    else delete next[field];
    fieldErrors.value = next;
  }

  async function giveUpSlot(notice: SlotNotice): Promise<void> {
    slotNotice.value = notice;
    selectedStart.value = null;
    persist();
    const month = selectedDate.value ? monthOf(selectedDate.value) : null;
    await loadAvailability();
    if (month) await ensureMonthLoaded(month);
  }

  async function submit(language: BookingLanguage): Promise<SubmitOutcome> {
    submitError.value = null;
    slotNotice.value = null;
    resumeNotice.value = null;
    if (!validate()) return 'invalid';
    const locationId = site.locationId;
    if (locationId === null || concernId.value === null || !selectedStart.value) return 'error';
    submitting.value = true;
    try {
      const phone = form.phone.trim();
      created.value = await api.createBooking({
        locationId,
        concernId: concernId.value,
        start: selectedStart.value,
        name: form.name.trim(),
        email: form.email.trim(),
        ...(phone ? { phone } : {}),
        language,
        consent: true,
      });
      createdEmail.value = form.email.trim();
      // Reserved: a new booking starts clean, also after a reload.
      clearChoices();
      return 'created';
    } catch (e) {
      const error = asApiError(e);
      if (error.code === 'slot_full' || error.code === 'slot_unavailable') {
        await giveUpSlot(error.code);
        return 'slot_taken';
      }
      if (error.code === 'validation_failed' && error.body.fields?.length) {
        const { errors, other } = mapServerFieldErrors(error.body.fields, form);
        fieldErrors.value = errors;
        if (other.includes('start')) {
          await giveUpSlot('slot_unavailable');
          return 'slot_taken';
        }
        if (Object.keys(errors).length) return 'invalid';
      }
      submitError.value = {
        code: error.code,
        retryAfterSeconds: error.body.retryAfterSeconds,
        contactEmail: error.body.contactEmail ?? site.location?.contactEmail,
      };
      return 'error';
    } finally {
      submitting.value = false;
    }
  }

  /** Starts over for another booking; nothing personal is kept. */
  function reset(): void {
    resetSelection();
    concernId.value = null;
    Object.assign(form, { name: '', email: '', phone: '', consent: false });
    fieldErrors.value = {};
    submitError.value = null;
    created.value = null;
    createdEmail.value = '';
    resumeError.value = null;
    resumeNotice.value = null;
    clearChoices();
  }

  return {
    concerns,
    concernsLoading,
    concernsError,
    concernId,
    concern,
    days,
    dayMap,
    firstMonth,
    lastMonth,
    availabilityLoading,
    availabilityError,
    selectedDate,
    selectedStart,
    selectedDay,
    form,
    fieldErrors,
    submitting,
    submitError,
    slotNotice,
    created,
    createdEmail,
    resuming,
    resumeError,
    resumeNotice,
    loadConcerns,
    loadAvailability,
    ensureMonthLoaded,
    selectConcern,
    selectDate,
    selectSlot,
    validate,
    revalidateField,
    submit,
    reset,
    persist,
    resume,
    retryResume,
    recheck,
    dismissResumeNotice,
  };
});
