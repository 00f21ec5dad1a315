import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { FairnessService } from './fairness.service.js';

/** At most this many refusals are held back at once (each costs a timer and an open socket). */
const MAX_HELD = 2_000;

/**
 * Refuses a reservation at the door while its client still waits out a 429: no validation,
 * no database, no Redis — and the answer is held back a moment (FLOOD_TARPIT_MS), so a client
 * that keeps firing while told to wait slows itself down instead of everybody else's bookings.
 */
@Injectable()
export class FloodGate implements NestMiddleware {
  private held = 0;

  constructor(
    private readonly fairness: FairnessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const body = req.body as { language?: unknown } | undefined;
    const refusal = this.fairness.refusalAtTheDoor(req.ip, body?.language === 'en' ? 'en' : 'de');
    if (!refusal) return next();
    const send = () => {
      if (res.headersSent || res.destroyed) return;
      for (const [k, v] of Object.entries(refusal.headers)) res.setHeader(k, v);
      res.status(429).json(refusal.getResponse());
    };
    const delay = this.config.floodTarpitMs;
    if (delay <= 0 || this.held >= MAX_HELD) return send();
    this.held++;
    setTimeout(() => {
      this.held--;
      send();
    }, delay).unref();
  }
}
