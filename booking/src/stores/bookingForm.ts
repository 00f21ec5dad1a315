import type { FieldError } from '@einlass/contracts';
import { personalDataProblems } from '@einlass/web-kit/personalData';
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';

export const FORM_FIELDS = ['name', 'email', 'phone', 'consent'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** An i18n key per invalid field, so messages follow a later language switch. */
export type FieldErrors = Partial<Record<FormField, string>>;

/** Client-side checks, the same rules the form explains (shared with the desk's hotline); the server checks again. */
export function validateForm(form: { name: string; email: string; phone: string; consent: boolean }): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, problem] of Object.entries(personalDataProblems(form))) errors[field as FormField] = `validation.${field}.${problem}`;
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

/** The citizen's personal data and what is wrong with it; kept only in memory. */
export const useBookingFormStore = defineStore('bookingForm', () => {
  const form = reactive({ name: '', email: '', phone: '', consent: false });
  const fieldErrors = ref<FieldErrors>({});

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

  /** Takes the server's field errors; `other` names the fields outside the form. */
  function applyServerErrors(fields: FieldError[]): string[] {
    const { errors, other } = mapServerFieldErrors(fields, form);
    fieldErrors.value = errors;
    return other;
  }

  function clearForm(): void {
    Object.assign(form, { name: '', email: '', phone: '', consent: false });
    fieldErrors.value = {};
  }

  return { form, fieldErrors, validate, revalidateField, applyServerErrors, clearForm };
});
