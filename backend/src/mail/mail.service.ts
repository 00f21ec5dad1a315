import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Statement } from '../database/sql.js';
import type { Tx } from '../database/unit-of-work.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { MailOutboxEntity } from './mail-outbox.entity.js';
import { MailRepository } from './mail.repository.js';
import { renderMail } from './mail.templates.js';
import type { BookingMailPayload, MailKind } from './mail.types.js';

export const MAX_MAIL_ATTEMPTS = 8;

/** Backoff after the n-th failed attempt: 10 s, 20 s, 40 s … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 10_000 * 2 ** (attempts - 1));
}

/**
 * The same for every attempt at one outbox row, so a mail sent again after a crash is
 * recognisable as the same message (mail servers and clients drop duplicates by it).
 */
export function messageIdOf(mail: Pick<MailOutboxEntity, 'id' | 'createdAt'>, publicUrl: string): string {
  return `<outbox-${mail.id}.${mail.createdAt.getTime()}@${new URL(publicUrl).hostname}>`;
}

/**
 * Transactional outbox: `enqueue` writes the mail in the caller's transaction; the worker
 * sends it afterwards with retries. SMTP being down never loses a booking, and a mail is
 * claimed by exactly one worker, so it is sent once.
 */
@Injectable()
export class MailService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private transport: Transporter;
  private running: Promise<number> | null = null;
  private rerun = false;

  constructor(
    private readonly repo: MailRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.transport = config.smtpUrl
      ? nodemailer.createTransport(config.smtpUrl, { from: config.mailFrom })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  onModuleInit(): void {
    if (!this.config.smtpUrl) mkdirSync(this.config.outboxDir, { recursive: true });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.kickTimer) clearTimeout(this.kickTimer);
    await this.running;
    this.transport.close();
  }

  /** Writes the mail into the outbox in the caller's transaction. */
  async enqueue(tx: Tx, kind: MailKind, to: string, bookingId: string | null, payload: BookingMailPayload): Promise<void> {
    await this.repo.insert(tx, { kind, to, bookingId, payload }, this.clock.now());
  }

  /** The outbox row of a mail, for a caller that sends it with other statements in one batch. */
  enqueueStatement(kind: MailKind, to: string, bookingId: string | null, payload: BookingMailPayload): Statement {
    return this.repo.insertStatement({ kind, to, bookingId, payload }, this.clock.now());
  }

  private kickTimer: NodeJS.Timeout | null = null;

  /**
   * Ask the worker to look at the outbox soon (call after the transaction committed). Kicks
   * within 50 ms are gathered into one pass, so a booking rush sends mails in batches.
   */
  kick(): void {
    if (this.kickTimer) return;
    this.kickTimer = setTimeout(() => {
      this.kickTimer = null;
      void this.processDue();
    }, 50);
  }

  /** Sends every due mail (the mail job, and after a kick); one pass at a time per process. Returns the number sent. */
  processDue(): Promise<number> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      let sent = 0;
      do {
        this.rerun = false;
        sent += await this.pass();
      } while (this.rerun);
      return sent;
    })().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<number> {
    let sent = 0;
    try {
      for (;;) {
        const due = await this.repo.dueIds(this.clock.now(), 50);
        const batch = await this.repo.claimBatch(
          due.map((d) => d.id),
          this.clock.now(),
          60_000,
        );
        // Each mail is marked sent as soon as the server took it: a crash mid-batch leaves only
        // the one mail in flight to be sent again (and its Message-ID tells the retry apart).
        for (const mail of batch) {
          if (await this.send(mail)) {
            await this.repo.markSent(mail.id, this.clock.now());
            sent++;
          }
        }
        if (due.length < 50) break;
      }
    } catch (error) {
      this.logger.error(`outbox pass failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return sent;
  }

  /** Sends one claimed mail; on failure schedules a retry with backoff (or gives up). */
  private async send(mail: MailOutboxEntity): Promise<boolean> {
    if (!mail.payload) return true;
    try {
      const payload = JSON.parse(mail.payload) as BookingMailPayload;
      const rendered = await renderMail(mail.kind as MailKind, payload, this.clock.now());
      const info = await this.transport.sendMail({
        from: this.config.mailFrom,
        to: mail.recipient,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        attachments: rendered.attachments,
        messageId: messageIdOf(mail, this.config.publicUrl),
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Einlass-Mail': mail.kind },
      });
      if (!this.config.smtpUrl) await this.writeEml(mail.id, mail.kind, info as unknown as { message: Buffer }, payload);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retry = mail.attempts < MAX_MAIL_ATTEMPTS ? new Date(this.clock.now().getTime() + retryDelayMs(mail.attempts)) : null;
      this.logger.warn(
        `mail ${mail.id} (${mail.kind}) failed on attempt ${mail.attempts}: ${message}${retry ? '; will retry' : '; giving up'}`,
      );
      await this.repo.markFailed(mail.id, message, retry);
      return false;
    }
  }

  private async writeEml(id: number, kind: string, info: { message: Buffer }, payload: BookingMailPayload): Promise<void> {
    const file = join(this.config.outboxDir, `${String(id).padStart(6, '0')}-${kind}.eml`);
    await writeFile(file, info.message);
    const link = payload.activationUrl ?? payload.cancelUrl;
    this.logger.log(
      `✉ ${kind} mail written to ${file}${link ? `\n    ${kind === 'activation' ? 'activate' : 'cancel'}: ${link}` : ''}${payload.code ? `\n    booking code: ${payload.code.slice(0, 4)}-${payload.code.slice(4)}` : ''}`,
    );
  }

  /**
   * DSGVO erasure: the outbox rows of erased bookings keep neither recipient nor payload (name,
   * link tokens) nor the last error (which may quote the address); a mail not yet sent (pending or
   * failed) is given up, since there is no one left to send it to.
   */
  eraseForBookings(tx: Tx, bookingIds: string[]): Promise<void> {
    return this.repo.eraseForBookings(tx, bookingIds);
  }

  mailsForBooking(bookingId: string) {
    return this.repo.findByBooking(bookingId);
  }

  /** The outbox's backlog for /health: mails waiting to be sent (pending or being sent) and mails given up. */
  async backlog(): Promise<{ waiting: number; failed: number }> {
    const counts = new Map((await this.repo.countByStatus()).map((r) => [r.status, Number(r.count)]));
    return { waiting: (counts.get('pending') ?? 0) + (counts.get('sending') ?? 0), failed: counts.get('failed') ?? 0 };
  }
}
