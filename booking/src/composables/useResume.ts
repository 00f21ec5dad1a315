import type { BookingLanguage } from '@einlass/contracts';
import { asApiError, type ApiRequestError } from '@einlass/web-kit/api';
import { ref, type Ref } from 'vue';
import { monthOf } from '../dates';
import { useAvailabilityStore } from '../stores/availability';
import { useConcernsStore } from '../stores/concerns';
import { readChoices, type SavedChoices } from '../stores/savedChoices';
import { useSiteStore } from '../stores/site';

/**
 * What became of the choices kept from before a reload: all still bookable (`kept`), or given
 * up from the named one on (`slot_gone` covers a time taken meanwhile or already past).
 */
export type ResumeNotice = 'kept' | 'location_gone' | 'concern_gone' | 'slot_gone';
/** `none`: nothing was kept; `failed`: the server could not be asked, the kept choices stay stored. */
export type ResumeOutcome = ResumeNotice | 'none' | 'failed';

/** What resuming needs of the booking store's choices. */
export interface ResumeContext {
  concernId: Ref<number | null>;
  selectedDate: Ref<string | null>;
  selectedStart: Ref<string | null>;
  /** True once the booking is reserved: then nothing is resumed. */
  isCreated(): boolean;
  resetSelection(): void;
  persist(): void;
  currentChoices(): SavedChoices;
}

/**
 * A reload or Back/Forward continues the booking (a part of the booking store): the choices
 * kept before are taken up, each checked against fresh answers of the server.
 */
export function useResume(ctx: ResumeContext) {
  const site = useSiteStore();
  const concernsStore = useConcernsStore();
  const availability = useAvailabilityStore();
  const resuming = ref(false);
  const resumeError = ref<ApiRequestError | null>(null);
  const resumeNotice = ref<ResumeNotice | null>(null);
  /** Stored choices are taken up once per page load; later visits of the page find them in memory. */
  let resumeChecked = false;

  /**
   * The office must still be offered, the concern still bookable online, the time still free
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
    ctx.persist();
    return outcome;
  }

  /** Applies what still holds of `saved`; throws the API error when the server could not be asked. */
  async function check(saved: SavedChoices, language: BookingLanguage): Promise<ResumeNotice> {
    const { concernId } = ctx;
    if (saved.locationId === null || !site.locations.some((l) => l.id === saved.locationId)) {
      ctx.resetSelection();
      concernId.value = null;
      return 'location_gone';
    }
    site.select(saved.locationId);
    if (saved.concernId === null) {
      ctx.resetSelection();
      concernId.value = null;
      return 'kept';
    }
    await concernsStore.loadConcerns(language);
    await concernsStore.concernsSettled();
    if (concernsStore.concernsError) throw concernsStore.concernsError;
    if (!concernsStore.concerns.find((c) => c.id === saved.concernId)?.onlineBookable) {
      ctx.resetSelection();
      concernId.value = null;
      return 'concern_gone';
    }
    ctx.resetSelection();
    concernId.value = saved.concernId;
    await availability.loadAvailability(saved.concernId);
    if (saved.date && !availability.availabilityError) await availability.ensureMonthLoaded(monthOf(saved.date));
    if (availability.availabilityError) throw availability.availabilityError;
    const day = saved.date ? availability.dayMap.get(saved.date) : undefined;
    if (day) ctx.selectedDate.value = day.date;
    if (!saved.start) return 'kept';
    if (!day?.slots.some((s) => s.start === saved.start && s.free > 0)) return 'slot_gone';
    ctx.selectedStart.value = saved.start;
    return 'kept';
  }

  /** Once per page load: the choices this tab kept before a reload, if any. */
  async function resume(language: BookingLanguage): Promise<ResumeOutcome> {
    if (resumeChecked) return 'none';
    resumeChecked = true;
    const saved = readChoices();
    if (!saved || ctx.isCreated()) return 'none';
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
    if (ctx.isCreated() || ctx.concernId.value === null || resuming.value) return 'none';
    return resumeFrom(ctx.currentChoices(), language, true);
  }

  function dismissResumeNotice(): void {
    resumeNotice.value = null;
  }

  return { resuming, resumeError, resumeNotice, resume, retryResume, recheck, dismissResumeNotice };
}
