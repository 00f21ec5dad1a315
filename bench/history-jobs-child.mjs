// A backend instance without HTTP that runs one named job on request (from bench/history.mjs),
// against the same database as the measured instance: the real services, their real SQL.
import { dist } from './lib.mjs';

const { loadConfig } = await import(dist('config/config.js'));
const { openDatabase } = await import(dist('database/database.js'));
const { createApp } = await import(dist('app.factory.js'));
const { systemClock } = await import(dist('common/clock.js'));
const { BookingsService } = await import(dist('bookings/bookings.service.js'));
const { MailService } = await import(dist('mail/mail.service.js'));
const { QueueService } = await import(dist('queue/queue.service.js'));
const { HorizonJob } = await import(dist('schedule/horizon.job.js'));

const config = loadConfig({ ...process.env, EINLASS_JOBS: 'off', PORT: '0' });
const db = await openDatabase(config.database);
const app = await createApp({ config, db, clock: systemClock });
await app.init();
const jobs = {
  'no-show (markMissed)': () => app.get(BookingsService).markMissed(),
  'erasure (eraseDue)': () => app.get(BookingsService).eraseDue(),
  'expiry (expireDue)': () => app.get(BookingsService).expireDue(),
  'reminders (sendReminders)': () => app.get(BookingsService).sendReminders(),
  'outbox (processDue)': () => app.get(MailService).processDue(),
  'day closing (closePastDays)': () => app.get(QueueService).closePastDays(),
  'horizon (HorizonJob.run)': () => app.get(HorizonJob).run(),
};
process.send({ ready: Object.keys(jobs) });
let stop = false;
process.on('message', async (msg) => {
  if (msg.stop) {
    stop = true;
    return;
  }
  if (msg.exit) {
    await app.close();
    await db.close();
    process.exit(0);
  }
  if (msg.job) {
    // run the job back to back until told to stop: "while the job runs"
    stop = false;
    const times = [];
    let result;
    do {
      const t0 = performance.now();
      result = await jobs[msg.job]();
      times.push(performance.now() - t0);
    } while (!stop && msg.loop);
    process.send({ done: msg.job, times, result: typeof result === 'object' ? JSON.stringify(result) : String(result) });
  }
});
