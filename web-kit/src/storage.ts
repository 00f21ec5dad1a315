/**
 * Web storage that never throws (private mode, quota, storage disabled by policy): remembering is
 * a convenience, and every app works without it. `session` is this tab's sessionStorage.
 */
export type StorageArea = 'local' | 'session';

function area(which: StorageArea): Storage | undefined {
  return which === 'session' ? globalThis.sessionStorage : globalThis.localStorage;
}

export function readStored(key: string, which: StorageArea = 'local'): string | null {
  try {
    return area(which)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores `value`; null removes the entry. */
export function writeStored(key: string, value: string | null, which: StorageArea = 'local'): void {
  try {
    if (value === null) area(which)?.removeItem(key);
    else area(which)?.setItem(key, value);
  } catch {
    // Full or switched off: nothing is kept then.
  }
}

/** A stored JSON value, or null when there is none or it does not parse. */
export function readStoredJson(key: string, which: StorageArea = 'local'): unknown {
  const text = readStored(key, which);
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
