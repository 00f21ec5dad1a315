import { describe, expect, it } from 'vitest';
import { formatBookingCode } from './bookingCode';

describe('formatBookingCode', () => {
  it('shows stored codes as XXXX-XXXX and leaves formatted ones alone', () => {
    expect(formatBookingCode('7KQ4M2XD')).toBe('7KQ4-M2XD');
    expect(formatBookingCode('7KQ4-M2XD')).toBe('7KQ4-M2XD');
    expect(formatBookingCode('7kq4m2xd')).toBe('7KQ4-M2XD');
  });
});
