import { nextTick, ref, type Ref, useTemplateRef, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useSessionStore } from '../stores/session';
import { useErrorMessage } from './useErrorMessage';
import { useFeedback } from './useFeedback';
import { useFieldErrors } from './useFieldErrors';

/**
 * What every admin page shares: the session, the live-region feedback (shown by FeedbackRegion)
 * and one busy flag that disables the submit buttons while a form is being sent.
 */
export function useAdminPage() {
  const session = useSessionStore();
  const errorMessage = useErrorMessage();
  const feedback = useFeedback();
  const busy = ref(false);

  /** Announces a failure as one readable sentence. */
  const fail = (error: unknown): Promise<void> => feedback.say(errorMessage(error), 'error');

  /** Runs an action; a failure is announced instead of thrown. */
  async function attempt(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (e) {
      await fail(e);
    }
  }

  /**
   * Loads the page's data now and again whenever the chosen location changes; `loading` is true
   * meanwhile. Without a chosen location nothing is loaded unless `needsLocation` is false.
   */
  function loadPerLocation(fetch: () => Promise<void>, { needsLocation = true } = {}): Ref<boolean> {
    const loading = ref(true);
    async function load(): Promise<void> {
      if (needsLocation && session.locationId === null) return;
      loading.value = true;
      try {
        await fetch();
      } catch (e) {
        await fail(e);
      } finally {
        loading.value = false;
      }
    }
    watch(() => session.locationId, load, { immediate: true });
    return loading;
  }

  return { session, feedback, busy, fail, attempt, loadPerLocation };
}

export type AdminPage = ReturnType<typeof useAdminPage>;

/**
 * One form of an admin page: its field errors (tied to the inputs by AdminField), the page's own
 * check before sending and the answer to a 409/422 — each announced in the live region, with focus
 * on the first invalid field (found by `data-field` inside the element with ref `formRef`).
 * `headingRef` names the form's heading, which gets focus when a row is taken into the form.
 */
export function useAdminForm(page: AdminPage, formRef: string, headingRef?: string) {
  const { t } = useI18n();
  const fields = useFieldErrors();
  const formEl = useTemplateRef<HTMLFormElement>(formRef);
  const heading = headingRef ? useTemplateRef<HTMLElement>(headingRef) : null;

  /** After the page's own checks: when any field failed, announces it, focuses it and returns true. */
  async function rejected(): Promise<boolean> {
    if (!fields.has()) return false;
    await page.feedback.say(t('errors.validation_failed'), 'error');
    await fields.focusFirst(formEl.value);
    return true;
  }

  /**
   * Sends the form while busy. On failure the API's field errors are shown (`fieldMessage` gives
   * the UI's own sentence for a field, or undefined for the server's), the error is announced
   * and focus goes to the first invalid field.
   */
  async function submit(send: () => Promise<void>, fieldMessage: (field: string) => string | undefined): Promise<void> {
    page.busy.value = true;
    try {
      await send();
    } catch (e) {
      fields.fromApi(e, fieldMessage);
      await page.fail(e);
      await fields.focusFirst(formEl.value);
    } finally {
      page.busy.value = false;
    }
  }

  /** Takes a row into the form: clears old errors, fills the form, then focuses its heading. */
  async function edit(fill: () => void): Promise<void> {
    fields.clear();
    fill();
    await nextTick();
    heading?.value?.focus();
  }

  return { fields, rejected, submit, edit };
}

/** The rows of an admin table, kept in step with what the API returns after a create or update. */
export function useAdminRows<T extends { id: number }>() {
  const rows = ref([]) as Ref<T[]>;
  const add = (created: T): void => {
    rows.value = [...rows.value, created];
  };
  const replace = (updated: T): void => {
    rows.value = rows.value.map((r) => (r.id === updated.id ? updated : r));
  };
  return { rows, add, replace };
}
