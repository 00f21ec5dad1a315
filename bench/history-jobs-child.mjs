// A backend instance without HTTP that runs one named job on request (from bench/history.mjs),
// against the same database as the measured instance: the real services, their real SQL.
import { dist } from './lib.mjs';

const { loadConfig } = await import(dist('config/config.js'));
const { openDatabase } = await import(dist('database/database.js'));
const { createApp } = await import(dist('app.factory.js'));
const { systemClock } = await import(dist('common/clock.js'));
const runner = await import(dist('jobs/job-runner.js')).catch(() => null);

const config = loadConfig({ ...process.env, EINLASS_JOBS: 'off', PORT: '0' });
const db = await openDatabase(config.database);
const app = await createApp({ config, db, clock: systemClock });
await app.init();
let jobs;
if (runner) {
  // the declared jobs, each run as production runs it: through the runner, under its database lock
  const { JOBS } = await import(dist('jobs/jobs.js'));
  const jobRunner = app.get(runner.JobRunner);
  jobs = Object.fromEntries(JOBS.map((j) => [j.name, () => jobRunner.run(j.name)]));
} else {
  // a build from before the job runner (main before issue 9): the services' job methods
  const { BookingsService } = await import(dist('bookings/bookings.service.js'));
  const { MailService } = await import(dist('mail/mail.service.js'));
  const { QueueService } = await import(dist('queue/queue.service.js'));
  const { HorizonJob } = await import(dist('schedule/horizon.job.js'));
  jobs = {
    'expire-reservations': () => app.get(BookingsService).expireDue(),
    'send-mail': () => app.get(MailService).processDue(),
    'send-reminders': () => app.get(BookingsService).sendReminders(),
    'close-past-days (incl. no-show)': () => app.get(QueueService).closePastDays(),
    'no-show alone (markMissed)': () => app.get(BookingsService).markMissed(),
    'extend-horizon': () => app.get(HorizonJob).run(),
    'erase-personal-data': () => app.get(BookingsService).eraseDue(),
  };
}
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
