import type { CounterResponse, DeskTicketEvent, TicketResponse } from '@einlass/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../api';
import { readStored, writeStored } from '@einlass/web-kit/storage';
import { STORAGE_KEYS } from '../lib/storage';

/** Call order as the backend applies it: appointment time, then check-in time. */
export function compareCallOrder(a: TicketResponse, b: TicketResponse): number {
  return Date.parse(a.start) - Date.parse(b.start) || Date.parse(a.checkedInAt) - Date.parse(b.checkedInAt) || a.id - b.id;
}

/** A waiting ticket belongs to a counter when it was transferred there, or else when the counter serves its concern. */
export function waitsFor(counter: CounterResponse, ticket: TicketResponse): boolean {
  if (ticket.status !== 'checked_in') return false;
  const target = ticket.targetCounter ?? ticket.counter;
  if (target) return target.id === counter.id;
  return counter.concernIds.includes(ticket.concern.id);
}

function isAtCounter(counterId: number, ticket: TicketResponse): boolean {
  return (ticket.status === 'called' || ticket.status === 'serving') && ticket.counter?.id === counterId;
}

/** The chosen counter, its current ticket and its live queue. */
export const useQueueStore = defineStore('queue', () => {
  const counters = ref<CounterResponse[]>([]);
  const counterId = ref<number | null>(Number(readStored(STORAGE_KEYS.counter)) || null);
  const locationId = ref<number | null>(null);
  const waiting = ref<TicketResponse[]>([]);
  const current = ref<TicketResponse | null>(null);
  const loaded = ref(false);

  const counter = computed(() => counters.value.find((c) => c.id === counterId.value) ?? null);
  const otherCounters = computed(() => counters.value.filter((c) => c.id !== counterId.value));

  /** Tickets seen called or served — to recognise a transfer when one comes back to checked_in. */
  const seenAtCounter = new Set<number>();

  async function loadCounters(forLocation: number): Promise<CounterResponse[]> {
    counters.value = await api.counters(forLocation);
    locationId.value = forLocation;
    return counters.value;
  }

  function selectCounter(id: number): void {
    if (id !== counterId.value) {
      waiting.value = [];
      current.value = null;
      loaded.value = false;
    }
    counterId.value = id;
    writeStored(STORAGE_KEYS.counter, String(id));
  }

  /** Reload queue and current ticket from the server (on open and after every socket (re)connect). */
  async function refresh(): Promise<void> {
    const id = counterId.value;
    if (id === null) return;
    const [queue, now] = await Promise.all([api.queue(id), api.current(id)]);
    if (id !== counterId.value) return;
    waiting.value = queue;
    current.value = now;
    if (now) seenAtCounter.add(now.id);
    loaded.value = true;
  }

  /** Apply one changed ticket — from a socket event or from the answer to our own action. */
  function applyTicket(ticket: TicketResponse): void {
    const c = counter.value;
    if (!c) return;
    if (ticket.status === 'called' || ticket.status === 'serving') seenAtCounter.add(ticket.id);
    const rest = waiting.value.filter((t) => t.id !== ticket.id);
    if (waitsFor(c, ticket)) {
      const at = rest.findIndex((t) => compareCallOrder(ticket, t) < 0);
      rest.splice(at === -1 ? rest.length : at, 0, ticket);
    }
    waiting.value = rest;

    if (isAtCounter(c.id, ticket)) current.value = ticket;
    else if (current.value?.id === ticket.id) current.value = null;
  }

  /** Apply a ticket event from the desk socket; returns a promise when it had to reload instead. */
  function applyEvent(event: DeskTicketEvent): Promise<void> | void {
    if (locationId.value !== null && event.locationId !== locationId.value) return;
    const ticket = event.ticket;
    // A transfer from a backend that does not say which counter the ticket now waits for:
    // only the server knows where it belongs.
    if (ticket.status === 'checked_in' && ticket.targetCounter === undefined && seenAtCounter.has(ticket.id)) {
      seenAtCounter.delete(ticket.id);
      return refresh();
    }
    applyTicket(ticket);
  }

  function requireCounter(): number {
    if (counterId.value === null) throw new Error('No counter selected');
    return counterId.value;
  }
  function requireCurrent(): TicketResponse {
    if (!current.value) throw new Error('No ticket at the counter');
    return current.value;
  }

  /** Calls the next ticket; null when nobody waits. */
  async function callNext(): Promise<TicketResponse | null> {
    const ticket = await api.callNext(requireCounter());
    if (ticket) applyTicket(ticket);
    return ticket;
  }

  async function step(call: (id: number) => Promise<TicketResponse>): Promise<TicketResponse> {
    const ticket = await call(requireCurrent().id);
    applyTicket(ticket);
    return ticket;
  }
  const recall = () => step(api.recall);
  const start = () => step(api.start);
  const finish = () => step(api.finish);
  const noShow = () => step(api.noShow);
  async function transfer(toCounterId: number): Promise<TicketResponse> {
    const ticket = await api.transfer(requireCurrent().id, toCounterId);
    if (ticket.targetCounter !== undefined) {
      applyTicket(ticket);
      return ticket;
    }
    // The answer does not say where the ticket waits now: take it off this desk and ask the server.
    seenAtCounter.delete(ticket.id);
    if (current.value?.id === ticket.id) current.value = null;
    waiting.value = waiting.value.filter((t) => t.id !== ticket.id);
    await refresh();
    return ticket;
  }

  return {
    counters,
    counterId,
    counter,
    otherCounters,
    waiting,
    current,
    loaded,
    loadCounters,
    selectCounter,
    refresh,
    applyTicket,
    applyEvent,
    callNext,
    recall,
    start,
    finish,
    noShow,
    transfer,
  };
});
