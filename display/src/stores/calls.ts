import type { DisplayCall, DisplayCallEvent, DisplaySnapshot } from '@einlass/contracts';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { callKey, type AnnouncedCall } from '../announcement';
import type { ConnectionFactory, DisplayConnection } from '../connection';

/** The newest call plus this many earlier ones are shown; older calls are dropped. */
export const HISTORY_SIZE = 8;
export const MAX_CALLS = 1 + HISTORY_SIZE;
/** How many announced calls are remembered to announce each at most once. */
export const ANNOUNCED_KEYS_LIMIT = 200;
/** Call events that arrive before the snapshot of their connection are held, at most this many. */
export const PENDING_LIMIT = 50;
/** After a reconnect, at most this many missed calls are announced (the rest are only shown). */
export const CATCH_UP_LIMIT = 3;
/** The "connection lost" mark appears after this long without a synchronised connection. */
export const OFFLINE_MARK_DELAY_MS = 3000;
/** A connection that has not sent its snapshot after this long is dropped and made again. */
export const SNAPSHOT_TIMEOUT_MS = 5000;
/** How long a freshly announced call stays highlighted. */
export const FRESH_MS = 10_000;

export type DisplayLocation = DisplaySnapshot['location'];

export interface CallsStartOptions {
  connect: ConnectionFactory;
  announce: (call: AnnouncedCall) => void;
  onUnauthorized: () => void;
}

/**
 * Newest first, one line per ticket (a recall or transfer replaces the earlier line), at most
 * MAX_CALLS. The order is the server's (snapshot newest first, events as they come), not the
 * timestamps': clocks of several backend instances need not agree.
 */
function normalise(calls: readonly DisplayCall[]): DisplayCall[] {
  const seen = new Set<string>();
  const result: DisplayCall[] = [];
  for (const { ticket, counter, calledAt } of calls) {
    if (seen.has(ticket)) continue;
    seen.add(ticket);
    result.push({ ticket, counter, calledAt });
    if (result.length === MAX_CALLS) break;
  }
  return result;
}

/**
 * The calls shown on the display and the sequence protocol that keeps them right: a snapshot on
 * every connect, then `call` events numbered seq+1; a gap or a reconnect resynchronises from a
 * new snapshot. Each call (ticket + calledAt) is announced at most once, and the history present
 * at first load is never announced.
 */
export const useCallsStore = defineStore('calls', () => {
  const calls = shallowRef<DisplayCall[]>([]);
  const location = ref<DisplayLocation | null>(null);
  /** A snapshot arrived on the current connection and no gap has been seen since. */
  const synced = ref(false);
  /** Show the "connection lost" mark (not synchronised for OFFLINE_MARK_DELAY_MS). */
  const offline = ref(false);
  const freshKeys = ref<string[]>([]);
  /** Keys of calls that came as a recall (the snapshot does not say; events do). */
  const recallKeys = ref<string[]>([]);
  const seq = ref<number | null>(null);

  let connection: DisplayConnection | null = null;
  let options: CallsStartOptions | null = null;
  let hadSnapshot = false;
  let announced = new Set<string>();
  let pending: DisplayCallEvent[] = [];
  let offlineTimer: ReturnType<typeof setTimeout> | undefined;
  let snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  const freshTimers = new Map<string, ReturnType<typeof setTimeout>>();

  const latest = computed(() => calls.value[0] ?? null);
  const history = computed(() => calls.value.slice(1));

  function remember(key: string) {
    announced.delete(key);
    announced.add(key);
    // a Set iterates in insertion order: the first key is the oldest
    while (announced.size > ANNOUNCED_KEYS_LIMIT) announced.delete(announced.values().next().value as string);
  }

  function markFresh(key: string) {
    clearTimeout(freshTimers.get(key));
    freshKeys.value = [key, ...freshKeys.value.filter((k) => k !== key)].slice(0, MAX_CALLS);
    freshTimers.set(
      key,
      setTimeout(() => {
        freshTimers.delete(key);
        freshKeys.value = freshKeys.value.filter((k) => k !== key);
      }, FRESH_MS),
    );
  }

  function isRecall(call: DisplayCall): boolean {
    return recallKeys.value.includes(callKey(call));
  }

  function isFresh(call: DisplayCall): boolean {
    return freshKeys.value.includes(callKey(call));
  }

  /**
   * Announces a call unless it was announced before. A live recall event is always news: the
   * server's calledAt has whole seconds, so a quick recall can carry the same key as its call.
   */
  function announceOnce(call: AnnouncedCall, live = false) {
    const key = callKey(call);
    if (announced.has(key) && !(live && call.recall)) return;
    remember(key);
    markFresh(key);
    options?.announce({ ticket: call.ticket, counter: call.counter, calledAt: call.calledAt, recall: call.recall });
  }

  function armOfflineMark() {
    if (offlineTimer !== undefined || offline.value) return;
    offlineTimer = setTimeout(() => {
      offlineTimer = undefined;
      if (!synced.value) offline.value = true;
    }, OFFLINE_MARK_DELAY_MS);
  }

  function clearOfflineMark() {
    clearTimeout(offlineTimer);
    offlineTimer = undefined;
    offline.value = false;
  }

  function loseSync() {
    synced.value = false;
    seq.value = null;
    pending = [];
    clearTimeout(snapshotTimer);
    snapshotTimer = undefined;
    armOfflineMark();
  }

  /** Throw away the sequence state and get a fresh snapshot from the server. */
  function resync() {
    if (!connection) return;
    loseSync();
    connection.resync();
  }

  function onConnected() {
    clearTimeout(snapshotTimer);
    snapshotTimer = setTimeout(() => {
      snapshotTimer = undefined;
      if (!synced.value) resync();
    }, SNAPSHOT_TIMEOUT_MS);
  }

  function onSnapshot(snapshot: DisplaySnapshot) {
    clearTimeout(snapshotTimer);
    snapshotTimer = undefined;
    seq.value = snapshot.seq;
    location.value = snapshot.location;
    synced.value = true;
    clearOfflineMark();

    if (!hadSnapshot) {
      // first load: what is on the board already is history, never announced
      hadSnapshot = true;
      for (const call of snapshot.calls) remember(callKey(call));
    } else {
      // after a reconnect: the calls above the newest one we know were made while we were away;
      // they are shown, and announced once (oldest first); everything below is history
      const missed: DisplayCall[] = [];
      for (const call of snapshot.calls) {
        if (announced.has(callKey(call))) break;
        missed.push(call);
      }
      const toAnnounce = missed.slice(0, CATCH_UP_LIMIT).reverse();
      for (const call of snapshot.calls) if (!toAnnounce.includes(call)) remember(callKey(call));
      for (const call of toAnnounce) announceOnce({ ...call, recall: false });
    }
    // the snapshot holds the last calls of the day, more than we show: it is the whole truth
    calls.value = normalise(snapshot.calls);

    const held = pending.filter((event) => event.seq > snapshot.seq).sort((a, b) => a.seq - b.seq);
    pending = [];
    for (const event of held) {
      onCall(event);
      if (!synced.value) break;
    }
  }

  function onCall(event: DisplayCallEvent) {
    if (seq.value === null) {
      // the snapshot of this connection is still on its way
      if (connection && pending.length < PENDING_LIMIT) pending.push(event);
      return;
    }
    if (event.seq <= seq.value) return; // duplicate or old
    if (event.seq !== seq.value + 1) {
      resync(); // a gap: something was missed
      return;
    }
    seq.value = event.seq;
    const call: DisplayCall = { ticket: event.ticket, counter: event.counter, calledAt: event.calledAt };
    calls.value = normalise([call, ...calls.value]);
    if (event.recall) recallKeys.value = [callKey(call), ...recallKeys.value].slice(0, MAX_CALLS);
    announceOnce({ ...call, recall: event.recall }, true);
  }

  function start(token: string, startOptions: CallsStartOptions) {
    stop();
    options = startOptions;
    armOfflineMark();
    connection = startOptions.connect(token, {
      connected: onConnected,
      disconnected: () => loseSync(),
      snapshot: onSnapshot,
      call: onCall,
      unauthorized: () => {
        const onUnauthorized = options?.onUnauthorized;
        stop();
        onUnauthorized?.();
      },
    });
  }

  function stop() {
    connection?.close();
    connection = null;
    options = null;
    synced.value = false;
    seq.value = null;
    pending = [];
    clearTimeout(snapshotTimer);
    snapshotTimer = undefined;
    clearOfflineMark();
  }

  /** Forget everything, e.g. when the display is set up for another location. */
  function reset() {
    stop();
    calls.value = [];
    location.value = null;
    hadSnapshot = false;
    announced = new Set();
    for (const timer of freshTimers.values()) clearTimeout(timer);
    freshTimers.clear();
    freshKeys.value = [];
    recallKeys.value = [];
  }

  return {
    calls: computed(() => calls.value),
    latest,
    history,
    location: computed(() => location.value),
    synced: computed(() => synced.value),
    offline: computed(() => offline.value),
    seq: computed(() => seq.value),
    /** How many call keys are remembered as announced (bounded by ANNOUNCED_KEYS_LIMIT). */
    announcedKeyCount: () => announced.size,
    isFresh,
    isRecall,
    start,
    stop,
    reset,
    resync,
  };
});
