import { describe, expect, it } from 'vitest';
import type { OpeningRuleEntity, ScheduleExceptionEntity, SlotEntity } from './schedule.entity.js';
import { fittingStarts, planDay } from './schedule.service.js';

const TZ = 'Europe/Berlin';
const rule = (weekday: number, from: string, to: string, capacity = 2) =>
  ({ id: 0, locationId: 1, weekday, fromTime: from, toTime: to, capacity }) as OpeningRuleEntity;
const exception = (date: string, kind: 'closed' | 'hours', from?: string, to?: string, capacity?: number) =>
  ({
    id: 0,
    locationId: 1,
    date,
    kind,
    fromTime: from ?? null,
    toTime: to ?? null,
    capacity: capacity ?? null,
    note: null,
  }) as ScheduleExceptionEntity;

describe('planDay', () => {
  it('makes slots from the weekly rules of the weekday', () => {
    const slots = planDay('2026-12-01', TZ, 15, [rule(2, '08:00', '09:00'), rule(3, '08:00', '12:00')], []);
    expect(slots.map((s) => s.startAt.toISOString())).toEqual([
      '2026-12-01T07:00:00.000Z',
      '2026-12-01T07:15:00.000Z',
      '2026-12-01T07:30:00.000Z',
      '2026-12-01T07:45:00.000Z',
    ]);
    expect(slots.every((s) => s.capacity === 2)).toBe(true);
  });

  it('gives the right slots on daylight-saving days', () => {
    // Sunday 29 March 2026 clocks go forward; Sunday 25 October back. Open on Sundays for the test.
    const spring = planDay('2026-03-29', TZ, 30, [rule(7, '08:00', '10:00')], []);
    expect(spring.map((s) => s.startAt.toISOString())).toEqual([
      '2026-03-29T06:00:00.000Z',
      '2026-03-29T06:30:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-29T07:30:00.000Z',
    ]);
    const autumn = planDay('2026-10-25', TZ, 30, [rule(7, '08:00', '10:00')], []);
    expect(autumn.map((s) => s.startAt.toISOString())).toEqual([
      '2026-10-25T07:00:00.000Z',
      '2026-10-25T07:30:00.000Z',
      '2026-10-25T08:00:00.000Z',
      '2026-10-25T08:30:00.000Z',
    ]);
    // each slot lasts exactly 30 real minutes
    for (const s of [...spring, ...autumn]) expect(s.endAt.getTime() - s.startAt.getTime()).toBe(30 * 60_000);
  });

  it('honours closures and special hours', () => {
    expect(planDay('2026-12-01', TZ, 15, [rule(2, '08:00', '12:00')], [exception('2026-12-01', 'closed')])).toEqual([]);
    const special = planDay('2026-12-01', TZ, 15, [rule(2, '08:00', '12:00')], [exception('2026-12-01', 'hours', '14:00', '14:30', 5)]);
    expect(special).toHaveLength(2);
    expect(special[0].capacity).toBe(5);
    expect(special[0].startAt.toISOString()).toBe('2026-12-01T13:00:00.000Z');
  });

  it('adds up capacities of overlapping rules', () => {
    const slots = planDay('2026-12-01', TZ, 30, [rule(2, '08:00', '09:00', 2), rule(2, '08:30', '09:30', 1)], []);
    expect(slots.map((s) => s.capacity)).toEqual([2, 3, 1]);
  });
});

describe('fittingStarts', () => {
  const slot = (id: number, startMin: number, capacity: number, booked: number) =>
    ({
      id,
      locationId: 1,
      startAt: new Date(startMin * 60_000),
      endAt: new Date((startMin + 15) * 60_000),
      capacity,
      booked,
    }) as SlotEntity;

  it('needs n contiguous slots each with a free seat', () => {
    const slots = [slot(1, 0, 2, 0), slot(2, 15, 2, 2), slot(3, 30, 2, 1), slot(4, 45, 2, 0), slot(5, 120, 2, 0)];
    expect(fittingStarts(slots, 1).map((f) => f.slot.id)).toEqual([1, 3, 4, 5]);
    const two = fittingStarts(slots, 2);
    expect(two.map((f) => [f.slot.id, f.free])).toEqual([[3, 1]]); // 4→5 is not contiguous
  });
});
