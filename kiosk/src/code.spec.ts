import { describe, expect, it } from 'vitest';
import { appendToCode, backspaceCode, extractScannedCode, isCompleteCode, normalizeCode } from './code';

describe('normalizeCode', () => {
  it('upper-cases and re-inserts the hyphen', () => {
    expect(normalizeCode('7kq4m2xd')).toBe('7KQ4-M2XD');
  });
  it('maps O to 0 and I or L to 1', () => {
    expect(normalizeCode('oiLo-abcd')).toBe('0110-ABCD');
  });
  it('strips spaces, hyphens and other separators', () => {
    expect(normalizeCode(' 7K Q4 – M2.XD ')).toBe('7KQ4-M2XD');
    expect(normalizeCode('7KQ4--M2XD')).toBe('7KQ4-M2XD');
  });
  it('leaves short input without a hyphen', () => {
    expect(normalizeCode('7kq')).toBe('7KQ');
    expect(normalizeCode('7kq4')).toBe('7KQ4');
    expect(normalizeCode('7kq4m')).toBe('7KQ4-M');
  });
});

describe('isCompleteCode', () => {
  it('accepts eight alphabet characters in any spelling', () => {
    expect(isCompleteCode('7KQ4-M2XD')).toBe(true);
    expect(isCompleteCode('7kq4 m2xd')).toBe(true);
  });
  it('rejects short codes and U, which is not in the alphabet', () => {
    expect(isCompleteCode('7KQ4-M2X')).toBe(false);
    expect(isCompleteCode('7KQ4-M2XU')).toBe(false);
  });
});

describe('keypad editing', () => {
  it('appends keys up to eight characters', () => {
    let code = '';
    for (const key of '7KQ4M2XDZZ') code = appendToCode(code, key);
    expect(code).toBe('7KQ4-M2XD');
  });
  it('removes the last character and the hyphen with it', () => {
    expect(backspaceCode('7KQ4-M')).toBe('7KQ4');
    expect(backspaceCode('')).toBe('');
  });
});

describe('extractScannedCode', () => {
  it('takes a bare code', () => {
    expect(extractScannedCode('7kq4m2xd')).toBe('7KQ4-M2XD');
  });
  it('takes the code from the end of a URL', () => {
    expect(extractScannedCode('https://termine.example.de/c/7KQ4-M2XD')).toBe('7KQ4-M2XD');
  });
});
