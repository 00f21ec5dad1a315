import { Inject, Injectable } from '@nestjs/common';
import type { StaffRole, StaffUserResponse } from '@einlass/contracts';
import { ApiError, rateLimited } from '../common/api-error.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { RateLimiter } from '../common/rate-limiter.js';
import { hashToken, newToken } from '../common/tokens.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { EventsService } from '../events/events.service.js';
import { AuthRepository } from './auth.repository.js';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from './password.js';
import { normalizeUsername } from './username.js';

export const SESSION_COOKIE = 'einlass_session';

/** Wrong passwords per user and address before the delay starts, the first delay (doubling), its cap, and when failures are forgotten. */
export const LOGIN_FREE_FAILURES = 5;
export const LOGIN_FIRST_DELAY_S = 30;
export const LOGIN_MAX_DELAY_S = 15 * 60;
export const LOGIN_FORGET_S = 60 * 60;
export const loginKeyPrefix = (username: string) => `login:user:${username}:ip:`;
const loginKey = (username: string, ip: string) => `${loginKeyPrefix(username)}${ip}`;

export interface StaffPrincipal extends StaffUserResponse {
  sessionId: string;
}

export function rolesOf(stored: string): StaffRole[] {
  return stored.split(',').filter(Boolean) as StaffRole[];
}

@Injectable()
export class AuthService {
  constructor(
    private readonly repo: AuthRepository,
    private readonly limiter: RateLimiter,
    private readonly events: EventsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Throttled per username and client address together, with a growing delay, so that someone
   * guessing elsewhere never locks the clerk out at her own desk; and per address overall. The
   * same answer for unknown user and wrong password.
   */
  async login(rawUsername: string, password: string, ip: string): Promise<{ token: string; user: StaffUserResponse; expiresAt: Date }> {
    const username = normalizeUsername(rawUsername);
    const key = loginKey(username, ip);
    const perUser = await this.limiter.backoff(key, LOGIN_FREE_FAILURES, LOGIN_FIRST_DELAY_S, LOGIN_MAX_DELAY_S);
    const perIp = await this.limiter.hit(`login:ip:${ip}`, 30, 60);
    if (!perUser.allowed || !perIp.allowed)
      throw rateLimited(Math.max(perUser.allowed ? 0 : perUser.retryAfterSeconds, perIp.allowed ? 0 : perIp.retryAfterSeconds));
    const user = await this.repo.findUserByUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !user.active || !ok) {
      await this.limiter.recordFailure(key, LOGIN_FORGET_S);
      throw new ApiError(401, 'unauthorized', 'Username or password is wrong.');
    }
    await this.limiter.reset(key);
    // scrypt hashes (and Argon2id at an older cost) become current Argon2id with the password at hand
    if (needsRehash(user.passwordHash)) await this.repo.updateUser(user.id, { passwordHash: await hashPassword(password) });
    const token = newToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000);
    await this.repo.insertSession({ id: hashToken(token), userId: user.id, createdAt: now, expiresAt });
    await this.repo.deleteExpiredSessions(now);
    return { token, user: await this.toResponse(user.id), expiresAt };
  }

  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    await this.repo.deleteSession(hashToken(token));
    this.events.disconnectSession(hashToken(token));
  }

  async sessionExpiresAt(sessionId: string): Promise<Date | null> {
    return (await this.repo.findSession(sessionId))?.expiresAt ?? null;
  }

  /** The staff member behind a session cookie, or null. */
  async authenticate(token: string | undefined): Promise<StaffPrincipal | null> {
    if (!token || token.length > 100) return null;
    const session = await this.repo.findSession(hashToken(token));
    if (!session || session.expiresAt <= this.clock.now()) return null;
    const user = await this.repo.findUser(session.userId);
    if (!user || !user.active) return null;
    return { ...(await this.toResponse(user.id)), sessionId: session.id };
  }

  async toResponse(userId: number): Promise<StaffUserResponse> {
    const user = (await this.repo.findUser(userId))!;
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: rolesOf(user.roles),
      locationIds: await this.repo.locationIds(user.id),
    };
  }
}
