import { validTimeZone } from '@einlass/web-kit/time';
import { computed, onScopeDispose, ref, toValue, type MaybeRefOrGetter } from 'vue';

/**
 * The current time in the location's timezone, ticking on the full second.
 * `now` is injectable for tests.
 */
export function useClock(timeZone: MaybeRefOrGetter<string>, locale: MaybeRefOrGetter<string>, now: () => number = Date.now) {
  const current = ref(now());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    current.value = now();
    timer = setTimeout(tick, 1000 - (current.value % 1000) + 5);
  };
  tick();
  onScopeDispose(() => clearTimeout(timer));

  const zone = computed(() => validTimeZone(toValue(timeZone)));
  const timeFormat = computed(
    () => new Intl.DateTimeFormat(toValue(locale), { timeZone: zone.value, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  );
  const dateFormat = computed(
    () => new Intl.DateTimeFormat(toValue(locale), { timeZone: zone.value, weekday: 'long', day: 'numeric', month: 'long' }),
  );
  const dayFormat = computed(
    () => new Intl.DateTimeFormat('en-CA', { timeZone: zone.value, year: 'numeric', month: '2-digit', day: '2-digit' }),
  );

  return {
    time: computed(() => timeFormat.value.format(current.value)),
    date: computed(() => dateFormat.value.format(current.value)),
    /** The location's calendar day, YYYY-MM-DD: changes at local midnight. */
    day: computed(() => dayFormat.value.format(current.value)),
    iso: computed(() => new Date(current.value).toISOString()),
  };
}
