import { onBeforeUnmount } from 'vue';

/**
 * Handlers for a hidden staff gesture: pressing and holding for `ms` calls `onLongPress`.
 * Used to open the admin screen (behind the PIN) on a touchscreen without a keyboard.
 */
export function useLongPress(onLongPress: () => void, ms = 3000) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = () => {
    clearTimeout(timer);
    timer = setTimeout(onLongPress, ms);
  };
  const cancel = () => clearTimeout(timer);
  onBeforeUnmount(cancel);
  // Keys are event names, for `v-on="longPress"`.
  return { pointerdown: start, pointerup: cancel, pointerleave: cancel, pointercancel: cancel };
}
