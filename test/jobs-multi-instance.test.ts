import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../backend/src/jobs/job-runner.js';
import { JOBS } from '../backend/src/jobs/jobs.js';
import { mysqlAvailable } from './support/mysql.js';
import { startSystem, type TestSystem } from './support/system.js';

/** A job's pass that holds until the test lets it go, so "at the same time" needs no timing. */
function heldPass() {
  let release!: () => void;
  let entered!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const started = new Promise<void>((r) => (entered = r));
  return { release, started, body: async () => (entered(), await held, 'held') };
}

/** Two backend instances on one MySQL: each periodic job runs in one of them at a time. */
describe.runIf(mysqlAvailable)('periodic jobs of two instances sharing MySQL', () => {
  let a: TestSystem;
  let b: TestSystem;
  let other: TestSystem;
  beforeAll(async () => {
    a = await startSystem({ database: 'mysql' });
    b = await startSystem({ database: 'mysql', shareDatabaseOf: a });
    other = await startSystem({ database: 'mysql' });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await other?.close();
  });

  const runner = (s: TestSystem) => s.backend.app.get(JobRunner);

  it('skips a job on instance B while its pass runs on instance A, and runs it once A is done', async () => {
    const pass = heldPass();
    const onA = runner(a).runExclusive('close-past-days', pass.body);
    await pass.started;
    expect(await runner(b).run('close-past-days')).toEqual({ job: 'close-past-days', status: 'skipped', reason: 'locked' });
    pass.release();
    expect(await onA).toEqual({ job: 'close-past-days', status: 'done', result: 'held' });
    expect(await runner(b).run('close-past-days')).toEqual({ job: 'close-past-days', status: 'done', result: { tickets: 0, bookings: 0 } });
  });

  it('skips a second pass in the same instance while the first runs', async () => {
    const pass = heldPass();
    const first = runner(a).runExclusive('expire-reservations', pass.body);
    await pass.started;
    expect(await runner(a).run('expire-reservations')).toEqual({ job: 'expire-reservations', status: 'skipped', reason: 'running' });
    pass.release();
    expect((await first).status).toBe('done');
  });

  it('locks per database: an instance of another database on the same server is not held up', async () => {
    const pass = heldPass();
    const onA = runner(a).runExclusive('extend-horizon', pass.body);
    await pass.started;
    expect((await runner(other).run('extend-horizon')).status).toBe('done');
    pass.release();
    await onA;
  });

  it('runs every job of the list by name, on either instance', async () => {
    for (const job of JOBS) {
      expect((await runner(a).run(job.name)).status, job.name).toBe('done');
      expect((await runner(b).run(job.name)).status, job.name).toBe('done');
    }
  });
});
