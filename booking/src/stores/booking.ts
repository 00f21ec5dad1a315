import type { ApiError, BookingCreatedResponse, BookingLanguage } from '@einlass/contracts';
import { asApiError } from '@einlass/web-kit/api';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../api';
import { useResume } from '../composables/useResume';
import { monthOf } from '../dates';
import { useAvailabilityStore } from './availability';
import { useBookingFormStore } from './bookingForm';
import { useConcernsStore } from './concerns';
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
 * store holds the choices, sends them, and takes them up again after a reload or Back/Forward
 * (useResume); the concerns, the free times and the form are stores of their own.
 */
export const useBookingStore = defineStore('booking', () => {
  const site = useSiteStore();
  const concerns = useConcernsStore();
  const availability = useAvailabilityStore();
  const bookingForm = useBookingFormStore();

  const concernId = ref<number | null>(null);
  const concern = computed(() => concerns.concerns.find((c) => c.id === concernId.value) ?? null);
  const selectedDate = ref<string | null>(null);
  const selectedStart = ref<string | null>(null);
  const selectedDay = computed(() => (selectedDate.value ? (availability.dayMap.get(selectedDate.value) ?? null) : null));

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
    if (resumed.resuming.value) return;
    if (created.value) clearChoices();
    else writeChoices(currentChoices());
  }

  const resumed = useResume({
    concernId,
    selectedDate,
    selectedStart,
    isCreated: () => created.value !== null,
    resetSelection,
    persist,
    currentChoices,
  });

  async function selectConcern(id: number): Promise<void> {
    resumed.resumeNotice.value = null;
    if (id !== concernId.value || !availability.days.length) {
      resetSelection();
      concernId.value = id;
      persist();
      await availability.loadAvailability(id);
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
    resumed.resumeNotice.value = null;
    submitError.value = null;
    persist();
  }

  async function giveUpSlot(notice: SlotNotice): Promise<void> {
    slotNotice.value = notice;
    selectedStart.value = null;
    persist();
    const month = selectedDate.value ? monthOf(selectedDate.value) : null;
    await availability.loadAvailability(concernId.value);
    if (month) await availability.ensureMonthLoaded(month);
  }

  async function submit(language: BookingLanguage): Promise<SubmitOutcome> {
    const { form } = bookingForm;
    submitError.value = null;
    slotNotice.value = null;
    resumed.resumeNotice.value = null;
    if (!bookingForm.validate()) return 'invalid';
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
        const other = bookingForm.applyServerErrors(error.body.fields);
        if (other.includes('start')) {
          await giveUpSlot('slot_unavailable');
          return 'slot_taken';
        }
        if (Object.keys(bookingForm.fieldErrors).length) return 'invalid';
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
    bookingForm.clearForm();
    submitError.value = null;
    created.value = null;
    createdEmail.value = '';
    resumed.resumeError.value = null;
    resumed.resumeNotice.value = null;
    clearChoices();
  }

  return {
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
    // resuming after a reload or Back/Forward
    ...resumed,
  };
});
