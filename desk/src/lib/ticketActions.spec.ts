import type { TicketStatus } from '@einlass/contracts';
import { describe, expect, it } from 'vitest';
import { ticket } from '../testing/helpers';
import { allowedActions, type DeskAction } from './ticketActions';

describe('allowedActions', () => {
  it('allows only calling the next ticket when nobody is at the counter', () => {
    expect([...allowedActions(null)]).toEqual(['callNext']);
  });

  const cases: [TicketStatus, DeskAction[]][] = [
    ['called', ['noShow', 'recall', 'start', 'transfer']],
    ['serving', ['finish', 'transfer']],
    ['done', ['callNext']],
    ['no_show', ['callNext']],
    ['checked_in', ['callNext']],
  ];
  it.each(cases)('a %s ticket allows %j', (status, actions) => {
    expect([...allowedActions(ticket({ status }))].sort()).toEqual(actions);
  });
});
