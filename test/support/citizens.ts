import type { AltchaChallenge } from '@einlass/contracts';
import { solveChallenge } from 'altcha-lib/v1';

let clients = 0;

/** A client address of its own (10.x.y.z), sent as X-Forwarded-For — the test backend trusts loopback proxies. */
export function nextClientAddress(): string {
  clients++;
  return `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`;
}

/** Solves an ALTCHA challenge as the booking page does, and encodes the solution for `altcha`. */
export async function solveAltcha(challenge: AltchaChallenge): Promise<string> {
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  if (!solution) throw new Error('the ALTCHA challenge has no solution up to maxnumber');
  return Buffer.from(
    JSON.stringify({
      algorithm: challenge.algorithm,
      challenge: challenge.challenge,
      number: solution.number,
      salt: challenge.salt,
      signature: challenge.signature,
    }),
  ).toString('base64');
}
