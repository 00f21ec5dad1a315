import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingsRepository } from '../bookings/bookings.repository.js';
import type { BookingEntity } from '../bookings/booking.entity.js';
import type { Database } from '../database/database.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { twoOffices } from '../demo/offices.fixture.js';
import { QueueRepository } from './queue.repository.js';
import type { TicketEntity } from './ticket.entity.js';

const T0 = new Date('2026-12-01T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function booking(id: string, over: Partial<BookingEntity> = {}): BookingEntity {
  return {
    id,
    locationId: 1,
    concernId: 1,
    startAt: at(60),
    endAt: at(75),
    name: 'E. M.',
    email: 'e@example.org',
    emailHash: null,
    phone: null,
    language: 'de',
    channel: 'online',
    status: 'reserved',
    code: id.toUpperCase().padEnd(8, 'X').slice(0, 8),
    activationTokenHash: null,
    cancelTokenHash: null,
    expiresAt: at(30),
    createdAt: T0,
    confirmedAt: null,
    cancelledAt: null,
    erasedAt: null,
    reminderSentAt: null,
    reminderTokenHash: null,
    ...over,
  };
}

/** The guarded transitions behind the intent-named repository methods: each happens once, and only from the right state. */
describe('guarded transitions (on SQLite)', () => {
  let db: Database;
  let uow: UnitOfWork;
  let bookings: BookingsRepository;
  let tickets: QueueRepository;
  beforeAll(async () => {
    db = await twoOffices();
    uow = new UnitOfWork(db);
    bookings = new BookingsRepository(db);
    tickets = new QueueRepository(db);
    await uow.batchTransaction((sql) =>
      sql.batch([
        bookings.insertStatement(booking('b-open')),
        bookings.insertStatement(booking('b-late')),
        bookings.insertStatement(booking('b-conf', { status: 'confirmed', expiresAt: null })),
      ]),
    );
  });
  afterAll(() => db.close());

  it('confirms a reservation only before it expires', async () => {
    expect(await uow.transaction((tx) => bookings.confirmIfNotExpired(tx, 'b-late', at(30), 'h1'))).toBe(false);
    expect(await uow.transaction((tx) => bookings.confirmIfNotExpired(tx, 'b-open', at(29), 'h2'))).toBe(true);
    expect(await bookings.findById('b-open')).toMatchObject({
      status: 'confirmed',
      confirmedAt: at(29),
      expiresAt: null,
      cancelTokenHash: 'h2',
    });
    expect(await uow.transaction((tx) => bookings.confirmIfNotExpired(tx, 'b-open', at(29), 'h3'))).toBe(false);
  });

  it('marks a confirmed booking reminded once', async () => {
    expect(await uow.transaction((tx) => bookings.markReminded(tx, 'b-late', at(1), 'r0'))).toBe(false); // still reserved
    expect(await uow.transaction((tx) => bookings.markReminded(tx, 'b-conf', at(1), 'r1'))).toBe(true);
    expect(await uow.transaction((tx) => bookings.markReminded(tx, 'b-conf', at(2), 'r2'))).toBe(false);
    expect(await bookings.findById('b-conf')).toMatchObject({ reminderSentAt: at(1), reminderTokenHash: 'r1' });
  });

  it('recalls only a called ticket, counting each recall', async () => {
    const ticket: Omit<TicketEntity, 'id'> = {
      bookingId: 'b-conf',
      locationId: 1,
      concernId: 1,
      date: '2026-12-01',
      number: 1,
      label: 'A001',
      status: 'checked_in',
      startAt: at(60),
      checkedInAt: at(50),
      calledAt: null,
      startedAt: null,
      finishedAt: null,
      counterId: null,
      targetCounterId: null,
      recallCount: 0,
    };
    const id = await uow.transaction((tx) => tickets.insert(tx, ticket));
    expect(await uow.transaction((tx) => tickets.recall(tx, id, at(51)))).toBe(false);
    expect(
      await uow.transaction((tx) => tickets.transition(tx, id, ['checked_in'], { status: 'called', calledAt: at(52), counterId: 1 })),
    ).toBe(true);
    expect(await uow.transaction((tx) => tickets.transition(tx, id, ['checked_in'], { status: 'called' }))).toBe(false);
    expect(await uow.transaction((tx) => tickets.recall(tx, id, at(53)))).toBe(true);
    expect(await uow.transaction((tx) => tickets.recall(tx, id, at(54)))).toBe(true);
    expect(await tickets.findById(id)).toMatchObject({ status: 'called', calledAt: at(54), recallCount: 2 });
  });
});
