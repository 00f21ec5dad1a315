import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { useClock } from './useClock';

describe('useClock', () => {
  afterEach(() => vi.useRealTimers());

  it("shows the time in the location's timezone, not the device's", () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T09:05:00Z') });
    const scope = effectScope();
    const clock = scope.run(() => useClock('Europe/Berlin', 'de'))!;
    expect(clock.time.value).toBe('10:05');
    expect(clock.date.value).toBe('Dienstag, 1. Dezember');
    scope.stop();
  });

  it('ticks, and changes the day at local midnight (daylight saving included)', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-28T22:59:58Z') }); // 23:59:58 in Berlin, the night of the clock change
    const zone = ref('Europe/Berlin');
    const scope = effectScope();
    const clock = scope.run(() => useClock(zone, 'de'))!;
    expect(clock.day.value).toBe('2026-03-28');
    await vi.advanceTimersByTimeAsync(3000);
    expect(clock.day.value).toBe('2026-03-29');
    expect(clock.time.value).toBe('00:00');
    zone.value = 'Not/AZone';
    await nextTick();
    expect(clock.time.value).toBe('00:00'); // an unknown zone falls back to Europe/Berlin
    scope.stop();
  });
});
