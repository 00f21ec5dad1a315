/** localStorage that never throws (private mode, disabled storage). */
export function readStored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // Remembering is a convenience; the desk works without it.
  }
}

export const STORAGE_KEYS = {
  counter: 'einlass.desk.counterId',
  location: 'einlass.desk.locationId',
  locale: 'einlass.desk.locale',
} as const;
