import type { AltchaChallenge } from '@einlass/contracts';
import { readonly, ref } from 'vue';
import { ApiRequestError } from '@einlass/web-kit/api';
import type { SolverMessage } from '../workers/altcha-solver';

/** `solving` while the browser works on a challenge; `failed` when it could not. */
export type ProofOfWorkState = 'idle' | 'solving' | 'failed';

// One booking is submitted at a time: the form's notice and the store's submit share this state.
const state = ref<ProofOfWorkState>('idle');
const progress = ref(0);

/** What the booking page shows while the browser proves work (ProofOfWorkNotice). */
export function useProofOfWork() {
  return { state: readonly(state), progress: readonly(progress) };
}

/** Solves the challenge in a Web Worker; resolves the base64 solution for `altcha`, or null when it cannot. */
export function solveChallenge(challenge: AltchaChallenge): Promise<string | null> {
  if (typeof Worker === 'undefined' || !globalThis.crypto?.subtle) return Promise.resolve(null);
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../workers/altcha-solver.ts', import.meta.url), { type: 'module' });
    const done = (value: string | null) => {
      worker.terminate();
      resolve(value);
    };
    worker.onerror = () => done(null);
    worker.onmessage = (event: MessageEvent<SolverMessage>) => {
      if ('progress' in event.data) {
        progress.value = event.data.progress;
        return;
      }
      const { number } = event.data;
      if (number === null) return done(null);
      const { algorithm, challenge: hash, salt, signature } = challenge;
      done(btoa(JSON.stringify({ algorithm, challenge: hash, number, salt, signature })));
    };
    worker.postMessage({ challenge: challenge.challenge, salt: challenge.salt, maxnumber: challenge.maxnumber });
  });
}

/**
 * Sends a request; when the server asks for proof of work (428 challenge_required), the browser
 * solves the challenge it sent — without a click — and sends the request again with the solution.
 */
export async function withProofOfWork<T>(send: (altcha?: string) => Promise<T>): Promise<T> {
  let altcha: string | undefined;
  for (let round = 0; ; round++) {
    try {
      const result = await send(altcha);
      state.value = 'idle';
      return result;
    } catch (e) {
      const challenge = e instanceof ApiRequestError && e.code === 'challenge_required' ? e.body.challenge : undefined;
      // a second challenge only when the first expired meanwhile; more means something else is wrong
      if (!challenge || round >= 2) {
        state.value = e instanceof ApiRequestError && e.code === 'challenge_required' ? 'failed' : 'idle';
        throw e;
      }
      state.value = 'solving';
      progress.value = 0;
      const solution = await solveChallenge(challenge);
      if (!solution) {
        state.value = 'failed';
        throw e;
      }
      altcha = solution;
    }
  }
}
