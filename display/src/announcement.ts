import type { DisplayCall } from '@einlass/contracts';

/** A call as the announcer receives it: what is shown plus whether it is a recall. */
export interface AnnouncedCall extends DisplayCall {
  recall: boolean;
}

/** The identity of one call for "announce at most once": a recall has a new calledAt. */
export function callKey(call: Pick<DisplayCall, 'ticket' | 'calledAt'>): string {
  return `${call.ticket}\u0000${call.calledAt}`;
}

/**
 * How a ticket number is spoken: letters spelled one by one, numbers without leading zeros,
 * so that a synthesiser says "A siebzehn" rather than "A null siebzehn" or "Aoh".
 * "A017" → "A 17", "AB007" → "A B 7", "017" → "17", "B000" → "B 0".
 */
export function spokenTicket(ticket: string): string {
  const parts: string[] = [];
  for (const match of ticket.matchAll(/(\p{L}+)|(\d+)/gu)) {
    if (match[1] !== undefined) parts.push(...Array.from(match[1].toUpperCase()));
    else if (match[2] !== undefined) parts.push(String(Number.parseInt(match[2], 10)));
  }
  return parts.length > 0 ? parts.join(' ') : ticket.trim();
}

export type Translate = (key: string, values: Record<string, unknown>) => string;

/** The sentence spoken for a call, e.g. "Nummer A 17, bitte zu Schalter 3." */
export function announcementText(t: Translate, call: Pick<AnnouncedCall, 'ticket' | 'counter' | 'recall'>): string {
  const values = { number: spokenTicket(call.ticket), counter: call.counter.trim() };
  return t(call.recall ? 'speech.recall' : 'speech.call', values);
}
