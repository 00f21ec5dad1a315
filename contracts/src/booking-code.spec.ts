import { describe, expect, it } from 'vitest';
import { BOOKING_CODE_ALPHABET, bookingCodeCharacters, formatBookingCode, normalizeBookingCode } from './booking-code.js';

describe('formatBookingCode', () => {
  it('shows stored codes as XXXX-XXXX and leaves formatted ones alone', () => {
    expect(formatBookingCode('7KQ4M2XD')).toBe('7KQ4-M2XD');
    expect(formatBookingCode('7KQ4-M2XD')).toBe('7KQ4-M2XD');
    expect(formatBookingCode('7kq4m2xd')).toBe('7KQ4-M2XD');
  });
});

describe('normalizeBookingCode', () => {
  it('forgives lower case, O for 0, I/L for 1, spaces and hyphens', () => {
    expect(normalizeBookingCode('7kq4-m2xd')).toBe('7KQ4M2XD');
    expect(normalizeBookingCode(' oiLo abcd ')).toBe('0110ABCD');
    expect(normalizeBookingCode('7KQ4–M2.XD')).toBe('7KQ4M2XD');
  });
  it('is null for what cannot be a code', () => {
    expect(normalizeBookingCode('7KQ4-M2X')).toBeNull();
    expect(normalizeBookingCode('7KQ4-M2XU')).toBeNull();
    expect(normalizeBookingCode('7KQ4/M2XD')).toBeNull();
  });
});

describe('bookingCodeCharacters', () => {
  it('reads every character as a code character and drops any separator', () => {
    expect(bookingCodeCharacters('7k/q4 m2-xd?')).toBe('7KQ4M2XD');
  });
  it('the alphabet has 32 symbols without I, L, O, U', () => {
    expect(BOOKING_CODE_ALPHABET).toHaveLength(32);
    expect(BOOKING_CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });
});
