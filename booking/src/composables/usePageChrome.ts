import { nextTick, watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';
import { useSiteStore } from '../stores/site';

/** Moves focus to the heading of the step or state just shown, so screen readers announce it. */
export async function focusHeading(): Promise<void> {
  await nextTick();
  const heading = document.querySelector<HTMLElement>('[data-focus-heading]');
  heading?.focus();
}

/** Keeps `document.title` at "<what the page shows> – <office>". */
export function useDocumentTitle(title: () => string): void {
  const site = useSiteStore();
  const { t } = useI18n();
  watchEffect(() => {
    document.title = [title(), site.location?.name ?? t('app.defaultOffice')].filter(Boolean).join(' – ');
  });
}
