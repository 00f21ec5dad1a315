import type { ApiError, BookingCreatedResponse, BookingLanguage } from '@einlass/contracts';
import { asApiError } from '@einlass/web-kit/api';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../api';
import { useAvailability } from '../composables/useAvailability';
import { useBookingForm } from '../composables/useBookingForm';
import { useConcerns } from '../composables/useConcerns';
import { useResume } from '../composables/useResume';
import { monthOf } from '../dates';
import { clearChoices, writeChoices, type SavedChoices } from './savedChoices';
import { useSiteStore } from './site';

export interface FlowError {
  code: ApiError['error'] | 'network';
  retryAfterSeconds?: number;
  contactEmail?: string;
}

/** Why the chosen time had to be given up; the entered personal data stays. */
export type SlotNotice = 'slot_full' | 'slot_unavailable';

export type SubmitOutcome = 'created' | 'invalid' | 'slot_taken' | 'error';

/**
 * The citizen's way through the booking: concern → day and time → personal data → sent. This
 * store holds the choices and the sending; each job is a composable of its own: the concerns
 * (useConcerns), the free times paged by month (useAvailability), the form (useBookingForm)
 * and taking up the choices after a reload or Back/Forward (useResume).
 */
export const useBookingStore = defineStore('booking', () => {
  const site = useSiteStore();

  const concernId = ref<number | null>(null);
  const concernsPart = useConcerns(() => site.locationId);
  const concern = computed(() => concernsPart.concerns.value.find((c) => c.id === concernId.value) ?? null);
  const availability = useAvailability(site, () => concernId.value);

  const selectedDate = ref<string | null>(null);
  const selectedStart = ref<string | null>(null);
  const selectedDay = computed(() => (selectedDate.value ? (availability.dayMap.value.get(selectedDate.value) ?? null) : null));

  const formPart = useBookingForm();
  const submitting = ref(false);
  const submitError = ref<FlowError | null>(null);
  const slotNotice = ref<SlotNotice | null>(null);
  const created = ref<BookingCreatedResponse | null>(null);
  const createdEmail = ref('');

  function resetSelection(): void {
    availability.clearAvailability();
    selectedDate.value = null;
    selectedStart.value = null;
    slotNotice.value = null;
  }

  function currentChoices(): SavedChoices {
    return { locationId: site.locationId, concernId: concernId.value, date: selectedDate.value, start: selectedStart.value };
  }

  /** Keeps the non-personal choices in this tab's sessionStorage (see savedChoices.ts); after the reservation nothing is kept. */
  function persist(): void {
    if (resumePart.resuming.value) return;
    if (created.value) clearChoices();
    else writeChoices(currentChoices());
  }

  const resumePart = useResume({
    site,
    ...concernsPart,
    ...availability,
    concernId,
    selectedDate,
    selectedStart,
    isCreated: () => created.value !== null,
    resetSelection,
    persist,
    currentChoices,
  });

  async function selectConcern(id: number): Promise<void> {
    resumePart.resumeNotice.value = null;
    if (id !== concernId.value || !availability.days.value.length) {
      resetSelection();
      concernId.value = id;
      persist();
      await availability.loadAvailability();
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
    resumePart.resumeNotice.value = null;
    submitError.value = null;
    persist();
  }

  async function giveUpSlot(notice: SlotNotice): Promise<void> {
    slotNotice.value = notice;
    selectedStart.value = null;
    persist();
    const month = selectedDate.value ? monthOf(selectedDate.value) : null;
    await availability.loadAvailability();
    if (month) await availability.ensureMonthLoaded(month);
  }

  async function submit(language: BookingLanguage): Promise<SubmitOutcome> {
    const { form } = formPart;
    submitError.value = null;
    slotNotice.value = null;
    resumePart.resumeNotice.value = null;
    if (!formPart.validate()) return 'invalid';
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
        const other = formPart.applyServerErrors(error.body.fields);
        if (other.includes('start')) {
          await giveUpSlot('slot_unavailable');
          return 'slot_taken';
        }
        if (Object.keys(formPart.fieldErrors.value).length) return 'invalid';
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
    formPart.clearForm();
    submitError.value = null;
    created.value = null;
    createdEmail.value = '';
    resumePart.resumeError.value = null;
    resumePart.resumeNotice.value = null;
    clearChoices();
  }

  const { concerns, concernsLoading, concernsError, loadConcerns } = concernsPart;
  const { days, dayMap, firstMonth, lastMonth, availabilityLoading, availabilityError, loadAvailability, ensureMonthLoaded } = availability;
  const { form, fieldErrors, validate, revalidateField } = formPart;
  const { resuming, resumeError, resumeNotice, resume, retryResume, recheck, dismissResumeNotice } = resumePart;
  return {
    // concerns
    concerns,
    concernsLoading,
    concernsError,
    loadConcerns,
    // free times
    days,
    dayMap,
    firstMonth,
    lastMonth,
    availabilityLoading,
    availabilityError,
    loadAvailability,
    ensureMonthLoaded,
    // the choices and sending them
    concernId,
    concern,
    selectedDate,
    selectedStart,
    selectedDay,
    selectConcern,
    selectDate,
    selectSlot,
    submitting,
    submitError,
    slotNotice,
    created,
    createdEmail,
    submit,
    reset,
    persist,
    // the form
    form,
    fieldErrors,
    validate,
    revalidateField,
    // resuming after a reload or Back/Forward
    resuming,
    resumeError,
    resumeNotice,
    resume,
    retryResume,
    recheck,
    dismissResumeNotice,
  };
});
