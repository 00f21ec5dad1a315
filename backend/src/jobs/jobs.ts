import { BookingsService } from '../bookings/bookings.service.js';
import { MailService } from '../mail/mail.service.js';
import { QueueService } from '../queue/queue.service.js';
import { ScheduleService } from '../schedule/schedule.service.js';
import type { JobDefinition } from './job-runner.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Every periodic job of the backend, in one place. Each runs in one instance at a time. */
export const JOBS: readonly JobDefinition[] = [
  /** Reservations not activated in time free their seats. */
  { name: 'expire-reservations', everyMs: 30_000, run: (app) => app.get(BookingsService, { strict: false }).expireDue() },
  /** The outbox: due mails and retries with backoff (mails are also sent right after each commit). */
  { name: 'send-mail', everyMs: 5_000, run: (app) => app.get(MailService, { strict: false }).processDue() },
  /** Reminder mails `reminderHours` before the appointment. */
  { name: 'send-reminders', everyMs: 5 * MINUTE, run: (app) => app.get(BookingsService, { strict: false }).sendReminders() },
  /** Past days: open tickets and missed appointments become final (no-show / done). */
  { name: 'close-past-days', everyMs: 15 * MINUTE, run: (app) => app.get(QueueService, { strict: false }).closePastDays() },
  /** Slots materialised up to each location's booking horizon. */
  { name: 'extend-horizon', everyMs: HOUR, run: (app) => app.get(ScheduleService, { strict: false }).extendAllHorizons() },
  /** DSGVO: personal data erased `retentionDays` after the appointment. */
  { name: 'erase-personal-data', everyMs: HOUR, run: (app) => app.get(BookingsService, { strict: false }).eraseDue() },
];
