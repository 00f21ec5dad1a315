import { nextTick, reactive } from 'vue';
import { ApiRequestError } from '@einlass/web-kit/api';

/**
 * Field errors of an admin form: filled by the page's own checks or from the API's 422
 * `fields`, shown beside each input (tied with aria-describedby); the first one gets focus.
 */
export function useFieldErrors() {
  const errors = reactive<Record<string, string>>({});

  function clear(): void {
    for (const key of Object.keys(errors)) delete errors[key];
  }

  function set(field: string, message: string): void {
    errors[field] = message;
  }

  /**
   * Takes the fields of a 422 (or a 409 with fields). `translate` names the field's message in
   * the UI language, or returns undefined to show the server's sentence. Returns whether any field matched.
   */
  function fromApi(error: unknown, translate: (field: string) => string | undefined): boolean {
    if (!(error instanceof ApiRequestError) || !error.body?.fields?.length) return false;
    for (const f of error.body.fields) errors[f.field] = translate(f.field) ?? f.message;
    return true;
  }

  /** Moves focus to the first invalid input of the form, by the `data-field` attribute. */
  async function focusFirst(form: HTMLElement | null): Promise<void> {
    await nextTick();
    const fields = Object.keys(errors);
    const inputs = form ? Array.from(form.querySelectorAll<HTMLElement>('[data-field]')) : [];
    inputs.find((el) => fields.includes(el.dataset.field ?? ''))?.focus();
  }

  const has = (): boolean => Object.keys(errors).length > 0;

  return { errors, clear, set, fromApi, focusFirst, has };
}
