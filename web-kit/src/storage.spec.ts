import { afterEach, describe, expect, it, vi } from 'vitest';
import { readStored, readStoredJson, writeStored } from './storage';

describe('safe storage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
    sessionStorage.clear();
  });

  it('reads, writes and removes in localStorage or this tab’s sessionStorage', () => {
    writeStored('k', 'v');
    writeStored('s', 'w', 'session');
    expect(localStorage.getItem('k')).toBe('v');
    expect(sessionStorage.getItem('s')).toBe('w');
    expect(readStored('k')).toBe('v');
    expect(readStored('s', 'session')).toBe('w');
    expect(readStored('s')).toBeNull();
    writeStored('k', null);
    expect(readStored('k')).toBeNull();
  });

  it('never throws when storage is switched off or full', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(readStored('k')).toBeNull();
    expect(() => writeStored('k', 'v')).not.toThrow();
  });

  it('reads JSON, and nothing from a broken entry', () => {
    writeStored('j', '{"a":1}');
    expect(readStoredJson('j')).toEqual({ a: 1 });
    writeStored('j', '{not json');
    expect(readStoredJson('j')).toBeNull();
  });
});
