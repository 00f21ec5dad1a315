import { nextTick, ref } from 'vue';

/** State for a FeedbackRegion; repeating the same sentence announces it again. */
export function useFeedback() {
  const message = ref('');
  const tone = ref<'ok' | 'error' | 'info'>('info');

  async function say(text: string, kind: 'ok' | 'error' | 'info' = 'ok'): Promise<void> {
    message.value = '';
    await nextTick();
    tone.value = kind;
    message.value = text;
  }
  function clear(): void {
    message.value = '';
  }
  return { message, tone, say, clear };
}
