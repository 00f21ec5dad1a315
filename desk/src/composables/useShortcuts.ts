import { onBeforeUnmount, onMounted } from 'vue';

/** True while the user types somewhere, where a letter must stay a letter. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Single-key shortcuts (case-insensitive letters) for the page while it is mounted.
 * They do nothing while typing in a field, with a modifier held, or for a held-down key.
 */
export function useShortcuts(handlers: Record<string, () => void>): void {
  const map = new Map(Object.entries(handlers).map(([key, fn]) => [key.toLowerCase(), fn]));

  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.repeat) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTypingTarget(event.target)) return;
    const handler = map.get(event.key.toLowerCase());
    if (!handler) return;
    event.preventDefault();
    handler();
  }

  onMounted(() => window.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown));
}
