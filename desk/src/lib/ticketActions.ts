import type { TicketResponse } from '@einlass/contracts';

export const DESK_ACTIONS = ['callNext', 'recall', 'start', 'finish', 'noShow', 'transfer'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

/** Keyboard shortcuts, the same in every language so that clerks can learn them once. */
export const SHORTCUTS: Record<DeskAction, string> = {
  callNext: 'N',
  recall: 'R',
  start: 'S',
  finish: 'D',
  noShow: 'X',
  transfer: 'T',
};

/**
 * Which steps fit the ticket currently at the counter. With nobody at the counter the clerk can
 * only call the next one; a called citizen who does not come is recalled, then marked no-show;
 * once serving, the clerk finishes or hands over to another counter.
 */
export function allowedActions(current: TicketResponse | null): Set<DeskAction> {
  if (!current) return new Set(['callNext']);
  switch (current.status) {
    case 'called':
      return new Set(['recall', 'start', 'noShow', 'transfer']);
    case 'serving':
      return new Set(['finish', 'transfer']);
    default:
      // checked_in (transferred away), done, no_show: the counter is free again.
      return new Set(['callNext']);
  }
}
