import { Logger } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, openDatabase } from '../database/database.js';
import { JobLockRepository } from './job-lock.repository.js';
import { type JobDefinition, JobRunner } from './job-runner.js';

const app = {} as ModuleRef;

describe('JobRunner (on SQLite)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ type: 'sqlite', path: ':memory:' });
  });
  afterAll(() => db.close());
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  const runnerOf = (jobs: JobDefinition[], on = false) => new JobRunner(jobs, new JobLockRepository(db), app, { jobs: on });

  it('runs a job by name and reports its result', async () => {
    const runner = runnerOf([{ name: 'count', everyMs: 1000, run: async () => 3 }]);
    expect(await runner.run('count')).toEqual({ job: 'count', status: 'done', result: 3 });
  });

  it('logs a failure with the job name and reports it instead of throwing', async () => {
    const logged = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const boom = new Error('database gone');
    const runner = runnerOf([{ name: 'close-past-days', everyMs: 1000, run: () => Promise.reject(boom) }]);
    expect(await runner.run('close-past-days')).toEqual({ job: 'close-past-days', status: 'failed', error: boom });
    expect(logged).toHaveBeenCalledWith('job close-past-days failed: database gone', boom.stack);
  });

  it('does not start a second pass of a job while one runs', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let passes = 0;
    const runner = runnerOf([{ name: 'slow', everyMs: 1000, run: async () => (passes++, await held) }]);
    const first = runner.run('slow');
    expect(await runner.run('slow')).toEqual({ job: 'slow', status: 'skipped', reason: 'running' });
    release();
    expect((await first).status).toBe('done');
    expect(passes).toBe(1);
    expect((await runner.run('slow')).status).toBe('done');
  });

  it('waits at shutdown for the pass under way and starts none after', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let finished = false;
    const runner = runnerOf([{ name: 'slow', everyMs: 1000, run: async () => (await held, (finished = true)) }]);
    void runner.run('slow');
    const shutdown = runner.beforeApplicationShutdown().then(() => finished);
    release();
    expect(await shutdown).toBe(true);
    expect(await runner.run('slow')).toEqual({ job: 'slow', status: 'skipped', reason: 'stopped' });
  });

  it('runs each job on its own interval when jobs are on, and not at all when off', async () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const jobs = [
      { name: 'often', everyMs: 1000, run: async () => seen.push('often') },
      { name: 'rarely', everyMs: 5000, run: async () => seen.push('rarely') },
    ];
    const off = runnerOf(jobs, false);
    off.onApplicationBootstrap();
    await vi.advanceTimersByTimeAsync(5000);
    expect(seen).toEqual([]);
    const on = runnerOf(jobs, true);
    on.onApplicationBootstrap();
    await vi.advanceTimersByTimeAsync(5000);
    expect(seen.filter((s) => s === 'often')).toHaveLength(5);
    expect(seen.filter((s) => s === 'rarely')).toHaveLength(1);
    await on.beforeApplicationShutdown();
    await vi.advanceTimersByTimeAsync(5000);
    expect(seen).toHaveLength(6);
  });

  it('refuses unknown names and two jobs of one name', () => {
    expect(() => runnerOf([]).run('nope')).toThrow(/no periodic job named nope/);
    const job = { name: 'twice', everyMs: 1000, run: async () => 0 };
    expect(() => runnerOf([job, job])).toThrow(/share a name/);
  });
});
