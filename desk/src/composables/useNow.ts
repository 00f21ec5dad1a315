import { onBeforeUnmount, onMounted, ref } from 'vue';

/** The current time, refreshed every `intervalMs` — for waiting times that grow while the page is open. */
export function useNow(intervalMs = 15_000) {
  const now = ref(new Date());
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    timer = setInterval(() => {
      now.value = new Date();
    }, intervalMs);
  });
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
