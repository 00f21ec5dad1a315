import { onBeforeUnmount, onMounted, toValue, watch, type MaybeRefOrGetter } from 'vue';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Calls `onIdle` when nobody touched the kiosk for `timeoutMs`: every screen goes back to the
 * start by itself, so the next citizen never finds the last one's answer or half a code.
 */
export function useIdleReset(timeoutMs: MaybeRefOrGetter<number>, onIdle: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;

  function reset(): void {
    clearTimeout(timer);
    timer = setTimeout(onIdle, toValue(timeoutMs));
  }
  function stop(): void {
    clearTimeout(timer);
  }

  onMounted(() => {
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, reset, { capture: true, passive: true });
    reset();
  });
  onBeforeUnmount(() => {
    stop();
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, reset, { capture: true });
  });
  watch(() => toValue(timeoutMs), reset);

  return { reset, stop };
}
