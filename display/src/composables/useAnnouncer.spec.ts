import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import type { AnnouncedCall } from '../announcement';
import { FakeSound } from '../testing/fakeSound';
import { useAnnouncer, type AnnouncementRecord, type AnnouncerSettings } from './useAnnouncer';

const call = (ticket: string, counter = 'Schalter 1', recall = false): AnnouncedCall => ({
  ticket,
  counter,
  calledAt: '2026-12-01T09:00:00.000Z',
  recall,
});

/** Lets the announcer's promise chain run without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('useAnnouncer', () => {
  let sound: FakeSound;
  let settings: AnnouncerSettings;
  let records: AnnouncementRecord[];

  function announcer(extra: { maxQueue?: number; stepTimeoutMs?: number } = {}) {
    return useAnnouncer({
      gong: sound.gong,
      speech: sound.speech,
      settings: () => settings,
      format: (c) => `${c.recall ? 'again ' : ''}${c.ticket} to ${c.counter}`,
      record: (r) => records.push(r),
      pauseMs: 500,
      ...extra,
    });
  }

  beforeEach(() => {
    vi.useFakeTimers();
    sound = new FakeSound();
    settings = { gong: true, speech: true, lang: 'de-DE' };
    records = [];
  });
  afterEach(() => vi.useRealTimers());

  it('plays the gong, then speaks, and never lets two announcements overlap', async () => {
    const a = announcer();
    a.announce(call('A001'));
    a.announce(call('A002'));
    a.announce(call('A003'));
    await settle();
    expect(sound.log).toEqual([{ kind: 'gong', phase: 'start' }]);

    for (let i = 0; i < 3; i++) {
      sound.finish(); // gong
      await settle();
      expect(sound.playing).toBe(1);
      sound.finish(); // speech
      await settle();
      expect(sound.playing).toBe(0); // the pause between announcements
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(sound.maxActive).toBe(1);
    expect(sound.spoken()).toEqual(['A001 to Schalter 1', 'A002 to Schalter 1', 'A003 to Schalter 1']);
    expect(sound.log.map((e) => `${e.kind}:${e.phase}`)).toEqual(
      Array.from({ length: 3 }, () => ['gong:start', 'gong:end', 'speech:start', 'speech:end']).flat(),
    );
    expect(sound.log.filter((e) => e.kind === 'speech').every((e) => e.lang === 'de-DE')).toBe(true);
  });

  it('records each announcement with its text when it is queued', () => {
    const a = announcer();
    a.announce(call('A017', 'Schalter 3'));
    a.announce(call('A017', 'Schalter 3', true));
    expect(records.map((r) => r.text)).toEqual(['A017 to Schalter 3', 'again A017 to Schalter 3']);
    expect(records[1]).toMatchObject({ ticket: 'A017', counter: 'Schalter 3', recall: true });
  });

  it('does not stall when a backend never finishes', async () => {
    const a = announcer({ stepTimeoutMs: 3000 });
    a.announce(call('A001'));
    a.announce(call('A002'));
    await settle();
    await vi.advanceTimersByTimeAsync(3000); // gong hangs
    expect(sound.spoken()).toEqual(['A001 to Schalter 1']);
    await vi.advanceTimersByTimeAsync(3000 + 500); // speech hangs, then the pause
    expect(sound.log.filter((e) => e.kind === 'gong' && e.phase === 'start')).toHaveLength(2);
  });

  it('keeps only the newest announcements when too many wait', async () => {
    const a = announcer({ maxQueue: 2 });
    for (const t of ['A001', 'A002', 'A003', 'A004', 'A005']) a.announce(call(t));
    await settle();
    // A001 is being announced when the rest arrive; of the waiting ones the newest two stay
    expect(a.waiting.value).toBe(2);
    for (let i = 0; i < 3; i++) {
      sound.finish();
      await settle();
      sound.finish();
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(sound.spoken()).toEqual(['A001 to Schalter 1', 'A004 to Schalter 1', 'A005 to Schalter 1']);
    expect(records).toHaveLength(5);
  });

  it('follows the settings: gong only, speech only, or silent but still recorded', async () => {
    const a = announcer();
    settings = { gong: false, speech: true, lang: 'en-GB' };
    a.announce(call('A001'));
    await settle();
    expect(sound.log).toEqual([{ kind: 'speech', phase: 'start', text: 'A001 to Schalter 1', lang: 'en-GB' }]);
    sound.finish();
    await settle();

    settings = { gong: true, speech: false, lang: 'de-DE' };
    a.announce(call('A002'));
    await settle();
    sound.finish();
    await settle();
    expect(sound.log.at(-1)).toEqual({ kind: 'gong', phase: 'end' });
    expect(sound.spoken()).toHaveLength(1);

    settings = { gong: false, speech: false, lang: 'de-DE' };
    a.announce(call('A003'));
    await settle();
    expect(sound.playing).toBe(0);
    expect(records.map((r) => r.ticket)).toEqual(['A001', 'A002', 'A003']);
  });

  it('stops with its scope and cancels speech', async () => {
    const scope = effectScope();
    const a = scope.run(() => announcer())!;
    a.announce(call('A001'));
    a.announce(call('A002'));
    await settle();
    scope.stop();
    expect(sound.cancelled).toBe(1);
    sound.finish();
    await vi.advanceTimersByTimeAsync(5000);
    expect(sound.spoken()).toEqual([]);
    a.announce(call('A003'));
    expect(records).toHaveLength(2);
  });
});
