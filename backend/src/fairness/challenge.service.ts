import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AltchaChallenge, AltchaSolution } from '@einlass/contracts';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import { CLOCK, type Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CounterStore } from './counter-store.js';
import { FairnessRepository } from './fairness.repository.js';

/** How long a challenge may be solved and sent back. */
export const CHALLENGE_TTL_MS = 10 * 60_000;

/**
 * ALTCHA proof of work (classic SHA-256 form): challenges signed with a key all instances share,
 * each solution accepted once — remembered until the challenge expires.
 */
@Injectable()
export class ChallengeService {
  private key: Promise<string> | null = null;

  constructor(
    private readonly repo: FairnessRepository,
    private readonly store: CounterStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private hmacKey(): Promise<string> {
    if (this.config.altcha.hmacKey) return Promise.resolve(this.config.altcha.hmacKey);
    this.key ??= this.repo.sharedSecret('altcha_hmac_key', randomBytes(32).toString('hex')).catch((e: unknown) => {
      this.key = null;
      throw e;
    });
    return this.key;
  }

  async create(): Promise<AltchaChallenge> {
    const c = await createChallenge({
      algorithm: 'SHA-256',
      hmacKey: await this.hmacKey(),
      maxnumber: this.config.altcha.maxNumber,
      expires: new Date(this.clock.now().getTime() + CHALLENGE_TTL_MS),
    });
    return {
      algorithm: 'SHA-256',
      challenge: c.challenge,
      maxnumber: c.maxnumber ?? this.config.altcha.maxNumber,
      salt: c.salt,
      signature: c.signature,
    };
  }

  /** True for a correct, unexpired solution of one of our challenges that was not used before. */
  async accept(altcha: string | undefined): Promise<boolean> {
    const payload = parse(altcha);
    if (!payload) return false;
    // expiry by the injected clock (altcha-lib would ask the wall clock)
    const expires = Number(extractParams(payload).expires) * 1000;
    const now = this.clock.now().getTime();
    if (!Number.isFinite(expires) || expires <= now || expires > now + CHALLENGE_TTL_MS + 60_000) return false;
    if (!(await verifySolution(payload, await this.hmacKey(), false))) return false;
    return this.store.claimOnce(`altcha:${payload.signature}`, expires);
  }
}

function parse(altcha: string | undefined): AltchaSolution | null {
  if (!altcha || altcha.length > 2_000) return null;
  try {
    const p = JSON.parse(Buffer.from(altcha, 'base64').toString('utf8')) as Partial<AltchaSolution>;
    if (p?.algorithm !== 'SHA-256' || typeof p.challenge !== 'string' || typeof p.salt !== 'string' || typeof p.signature !== 'string')
      return null;
    if (typeof p.number !== 'number' || !Number.isInteger(p.number) || p.number < 0) return null;
    return p as AltchaSolution;
  } catch {
    return null;
  }
}
