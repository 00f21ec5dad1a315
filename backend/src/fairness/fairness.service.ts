import { Injectable } from '@nestjs/common';
import type { BookingLanguage, RateLimitKind } from '@einlass/contracts';
import { ApiError } from '../common/api-error.js';
import type { LocationEntity } from '../locations/location.entity.js';
import { ChallengeService } from './challenge.service.js';
import { clientKey } from './client-address.js';
import { CounterStore } from './counter-store.js';
import { emailDomain } from './email-address.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

export interface ReservationAttempt {
  location: LocationEntity;
  /** The client's address as the trusted proxy reports it. */
  ip: string | undefined;
  /** The address as typed (only its domain is counted). */
  email: string;
  altcha?: string;
  language: BookingLanguage;
}

const MESSAGES = {
  de: {
    wait: (s: string) =>
      `Von Ihrem Internetanschluss wurden gerade sehr viele Termine gebucht. Bitte warten Sie ${s} und versuchen Sie es dann noch einmal. Ihre Eingaben bleiben erhalten.`,
    open: (n: number, s: string) =>
      `Von Ihrem Internetanschluss sind schon ${n} Reservierungen noch nicht bestätigt. Bitte bestätigen Sie diese zuerst über den Link in der E-Mail, oder versuchen Sie es in ${s} noch einmal.`,
    domain: (d: string, s: string) =>
      `An Adressen bei ${d} gingen in der letzten Stunde sehr viele Bestätigungs-E-Mails. Bitte versuchen Sie es in ${s} noch einmal oder buchen Sie über die Hotline.`,
    proof:
      'Bitte kurz warten: Ihr Browser bestätigt mit einer kleinen Rechenaufgabe, dass hier ein Mensch bucht. Dann wird der Termin gebucht.',
    seconds: (n: number) => (n < 120 ? `${n} Sekunden` : `${Math.ceil(n / 60)} Minuten`),
  },
  en: {
    wait: (s: string) =>
      `A great many appointments were just booked from your internet connection. Please wait ${s} and try again. What you entered is kept.`,
    open: (n: number, s: string) =>
      `Your internet connection already holds ${n} reservations that are not confirmed yet. Please confirm them with the link in the e-mail first, or try again in ${s}.`,
    domain: (d: string, s: string) =>
      `A great many confirmation e-mails went to addresses at ${d} in the last hour. Please try again in ${s} or book through the hotline.`,
    proof: 'One moment, please: your browser proves with a small calculation that a person is booking. Then the appointment is booked.',
    seconds: (n: number) => (n < 120 ? `${n} seconds` : `${Math.ceil(n / 60)} minutes`),
  },
};

/**
 * Fair booking under a rush, cheapest check first: per-client counters (minute, hour, open
 * reservations), then proof of work where the client books repeatedly or the office is in a
 * rush, then the activation mails per recipient domain. The hotline does not come here.
 */
@Injectable()
export class FairnessService {
  /**
   * Clients refused for booking too often, until their window ends (clock ms): their further
   * attempts are refused at the door (FloodGate) — a flood then costs next to nothing.
   */
  private readonly refused = new Map<string, { until: number; limit: RateLimitKind }>();

  constructor(
    private readonly store: CounterStore,
    private readonly challenges: ChallengeService,
  ) {}

  /**
   * Throws 429 (with Retry-After) or 428 (with a fresh challenge) unless the attempt may reserve.
   * `stillReserved` tells how many of the given bookings are still unconfirmed holds.
   */
  async admit(a: ReservationAttempt, stillReserved: (bookingIds: string[]) => Promise<number>): Promise<void> {
    const l = a.location;
    const client = clientKey(a.ip);
    const t = MESSAGES[a.language];
    const clientWindows = [
      { key: `c:${client}:m`, windowMs: MINUTE },
      { key: `c:${client}:h`, windowMs: HOUR },
    ];
    const [minute, hour, office] = await this.store.add([...clientWindows, { key: `l:${l.id}:m`, windowMs: MINUTE }]);
    if (minute.count > l.limitPerMinute) throw this.refuse(client, 'per_minute', minute.resetInMs, a.language);
    if (hour.count > l.limitPerHour) throw this.refuse(client, 'per_hour', hour.resetInMs, a.language);

    const holds = await this.store.members(`holds:${client}`);
    if (holds.length >= l.limitOpenPerClient) {
      const open = await stillReserved(holds.map((h) => h.member));
      if (open >= l.limitOpenPerClient) {
        // the soonest hold to lapse frees the first place (a confirmation frees one sooner)
        throw this.limited('open_reservations', holds[0].untilMs - this.store.nowMs(), (s) => t.open(open, s), a.language);
      }
    }

    if (hour.count > l.challengeAfter || office.count > l.rushPerMinute) {
      if (!(await this.challenges.accept(a.altcha))) {
        // asking is no booking: the retry with the solution counts once
        await this.store.add(clientWindows, -1);
        throw new ApiError(428, 'challenge_required', t.proof, { challenge: await this.challenges.create() });
      }
    }

    const domain = emailDomain(a.email);
    const [mails] = await this.store.add([{ key: `d:${domain}:h`, windowMs: HOUR }]);
    if (mails.count > l.limitMailsPerDomainHour) throw this.limited('mail_domain', mails.resetInMs, (s) => t.domain(domain, s), a.language);
  }

  /** The reservation made after `admit` counts as the client's open hold until it lapses. */
  async held(ip: string | undefined, bookingId: string, until: Date): Promise<void> {
    await this.store.addMember(`holds:${clientKey(ip)}`, bookingId, until.getTime());
  }

  /** The refusal a client still has to wait out, or null: asked before anything else of a booking. */
  refusalAtTheDoor(ip: string | undefined, language: BookingLanguage): ApiError | null {
    const client = clientKey(ip);
    const refused = this.refused.get(client);
    if (!refused) return null;
    const wait = refused.until - this.store.nowMs();
    if (wait <= 0) {
      this.refused.delete(client);
      return null;
    }
    return this.limited(refused.limit, wait, (s) => MESSAGES[language].wait(s), language);
  }

  private refuse(client: string, limit: 'per_minute' | 'per_hour', waitMs: number, language: BookingLanguage): ApiError {
    const now = this.store.nowMs();
    if (this.refused.size > 10_000) for (const [k, r] of this.refused) if (r.until <= now) this.refused.delete(k);
    this.refused.set(client, { until: now + waitMs, limit });
    return this.limited(limit, waitMs, (s) => MESSAGES[language].wait(s), language);
  }

  private limited(limit: RateLimitKind, waitMs: number, message: (wait: string) => string, language: BookingLanguage): ApiError {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return new ApiError(
      429,
      'rate_limited',
      message(MESSAGES[language].seconds(seconds)),
      { retryAfterSeconds: seconds, limit },
      { 'Retry-After': String(seconds) },
    );
  }
}
