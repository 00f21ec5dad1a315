import { describe, expect, it } from 'vitest';
import { BOOKING_CODE_ALPHABET, bookingCodeCharacters, formatBookingCode, normalizeBookingCode } from './booking-code.js';

describe('booking-code rules', () => {
  it.each([
    ['7KQ4M2XD', '7KQ4-M2XD'],
    ['7KQ4-M2XD', '7KQ4-M2XD'],
    ['7kq4m2xd', '7KQ4-M2XD'],
    ['7KQ', '7KQ'],
  ])('shows %s as %s', (stored, shown) => expect(formatBookingCode(stored)).toBe(shown));

  it.each([
    ['7kq4-m2xd', '7KQ4M2XD'],
    [' oiLo abcd ', '0110ABCD'],
    ['7KQ4–M2.XD', '7KQ4M2XD'],
    ['7KQ4-M2X', null],
    ['7KQ4-M2XU', null],
    ['7KQ4/M2XD', null],
  ])('reads what was typed, %s, as %s (lower case, O for 0, I/L for 1, spaces and hyphens forgiven)', (typed, stored) =>
    expect(normalizeBookingCode(typed)).toBe(stored),
  );

  it('takes every character as a code character and drops any separator', () => {
    expect(bookingCodeCharacters('7k/q4 m2-xd?')).toBe('7KQ4M2XD');
    expect([...BOOKING_CODE_ALPHABET].filter((c) => 'ILOU'.includes(c))).toEqual([]);
    expect(new Set(BOOKING_CODE_ALPHABET).size).toBe(32);
  });
});
