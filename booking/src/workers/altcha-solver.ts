/// <reference lib="webworker" />
/**
 * Solves an ALTCHA challenge (classic SHA-256 form) off the main thread: finds the number n
 * with sha256(salt + n) == challenge. Reports progress now and then; answers `{ number }`
 * (null when there is none up to maxnumber).
 */
export interface SolveRequest {
  challenge: string;
  salt: string;
  maxnumber: number;
}
export type SolverMessage = { progress: number } | { number: number | null };

const encoder = new TextEncoder();

function toBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

self.onmessage = async (event: MessageEvent<SolveRequest>) => {
  const { challenge, salt, maxnumber } = event.data;
  const target = toBytes(challenge.toLowerCase());
  const step = Math.max(1, Math.floor(maxnumber / 20));
  for (let n = 0; n <= maxnumber; n++) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(salt + n)));
    if (same(digest, target)) {
      self.postMessage({ number: n } satisfies SolverMessage);
      return;
    }
    if (n % step === 0) self.postMessage({ progress: n / maxnumber } satisfies SolverMessage);
  }
  self.postMessage({ number: null } satisfies SolverMessage);
};
