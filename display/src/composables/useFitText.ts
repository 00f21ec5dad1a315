import { nextTick, onBeforeUnmount, onMounted, watch, type Ref, type WatchSource } from 'vue';

/** Never shrink below this share of the designed size: better to clip a silly name than to be unreadable. */
export const MIN_FIT = 0.4;

/**
 * Shrinks a one-line text to fit its box: sets `--fit` (0 < fit ≤ 1) on the content, whose font
 * sizes are multiplied by it. A long counter name then stays on one line instead of spilling over.
 */
export function useFitText(box: Ref<HTMLElement | null>, content: Ref<HTMLElement | null>, changes: WatchSource) {
  let observer: ResizeObserver | undefined;

  function fit() {
    const el = content.value;
    const container = box.value;
    if (!el || !container) return;
    el.style.setProperty('--fit', '1');
    const width = el.scrollWidth;
    const height = el.scrollHeight;
    const available = container.clientWidth;
    const availableHeight = container.clientHeight;
    if (!width || !height || !available || !availableHeight) return; // not laid out (tests, hidden)
    const scale = Math.max(MIN_FIT, Math.min(1, available / width, availableHeight / height));
    el.style.setProperty('--fit', scale.toFixed(3));
  }

  onMounted(() => {
    fit();
    if (typeof ResizeObserver !== 'undefined' && box.value) {
      observer = new ResizeObserver(() => fit());
      observer.observe(box.value);
    }
    // web fonts or a late font swap change widths
    void document.fonts?.ready?.then(fit);
  });
  onBeforeUnmount(() => observer?.disconnect());
  watch(changes, () => nextTick(fit));
}
