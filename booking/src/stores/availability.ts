import type { AvailabilityDay } from '@einlass/contracts';
import { asApiError, type ApiRequestError } from '@einlass/web-kit/api';
import { addDays, FALLBACK_TIMEZONE, todayIn } from '@einlass/web-kit/time';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../api';
import { compareMonths, lastDayOfMonth, monthOf, type YearMonth } from '../dates';
import { useSiteStore } from './site';

/** The API answers at most 62 days per availability request; stay one below. */
export const AVAILABILITY_CHUNK_DAYS = 61;

/**
 * The free times of one concern, fetched range by range as the calendar pages forward. Only the
 * answers of the latest `loadAvailability` count.
 */
export const useAvailabilityStore = defineStore('availability', () => {
  const site = useSiteStore();
  /** The concern whose times are shown. */
  let concernId: number | null = null;
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

  /** (Re)loads the free times of a concern (by default the one shown) from the first bookable day on. */
  async function loadAvailability(id: number | null = concernId): Promise<void> {
    concernId = id;
    const locationId = site.locationId;
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
    const id = concernId;
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

  /** Forgets every day and drops answers still on their way. */
  function clearAvailability(): void {
    availabilityGeneration++;
    concernId = null;
    days.value = [];
    requestedTo = null;
    exhausted = false;
    availabilityError.value = null;
    availabilityLoading.value = false;
  }

  return {
    days,
    dayMap,
    firstMonth,
    lastMonth,
    availabilityLoading,
    availabilityError,
    loadAvailability,
    ensureMonthLoaded,
    clearAvailability,
  };
});
