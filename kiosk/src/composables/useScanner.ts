import { onBeforeUnmount, onMounted, toValue, type MaybeRefOrGetter } from 'vue';
import { ScanDetector, type ScanDetectorOptions } from '../scanner';

/**
 * Listens for a keyboard-emulating barcode/QR scanner on the whole window, whatever screen is
 * shown. A scan's closing Enter is swallowed so it does not also submit a form.
 */
export function useScanner(onScan: (text: string) => void, enabled: MaybeRefOrGetter<boolean> = true, options?: ScanDetectorOptions) {
  const detector = new ScanDetector(options);

  function onKeydown(event: KeyboardEvent): void {
    if (!toValue(enabled) || event.isComposing) return;
    const scanned = detector.key(event.key, event.timeStamp || performance.now());
    if (scanned !== null) {
      event.preventDefault();
      event.stopPropagation();
      onScan(scanned);
    }
  }

  onMounted(() => window.addEventListener('keydown', onKeydown, { capture: true }));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown, { capture: true }));
  return { detector };
}
