import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { JobLockRepository } from './job-lock.repository.js';

/** A periodic job: its name (also its lock's), how often it runs, and what it does. */
export interface JobDefinition {
  name: string;
  everyMs: number;
  /** Resolves the services it needs from the app and does one pass; the result is reported to whoever ran it. */
  run(app: ModuleRef): Promise<unknown>;
}

export const JOB_LIST = Symbol('JOB_LIST');

export type JobOutcome =
  | { job: string; status: 'done'; result: unknown }
  | { job: string; status: 'failed'; error: unknown }
  /** `running`: this process is still at the last pass; `locked`: another instance runs it; `stopped`: shutting down. */
  | { job: string; status: 'skipped'; reason: 'running' | 'locked' | 'stopped' };

/**
 * Runs the periodic jobs of JOB_LIST: each on its own interval, one pass at a time per job in
 * this process and — under a database lock — in all instances; failures are logged with the
 * job's name; a shutdown waits for the passes under way (before the database closes).
 * With EINLASS_JOBS=off no timer starts; tests run a job by name with run().
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<JobOutcome>>();
  private readonly byName: Map<string, JobDefinition>;
  private stopped = false;

  constructor(
    @Inject(JOB_LIST) jobs: readonly JobDefinition[],
    private readonly lock: JobLockRepository,
    private readonly app: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'jobs'>,
  ) {
    this.byName = new Map(jobs.map((j) => [j.name, j]));
    if (this.byName.size !== jobs.length) throw new Error('two periodic jobs share a name');
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  onApplicationBootstrap(): void {
    if (!this.config.jobs) return;
    for (const job of this.byName.values()) this.timers.push(setInterval(() => void this.run(job.name), job.everyMs));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
    await Promise.all(this.running.values());
  }

  /** One pass of the named job, now (as its timer would). Never throws: a failure is logged and reported. */
  run(name: string): Promise<JobOutcome> {
    const job = this.byName.get(name);
    if (!job) throw new Error(`no periodic job named ${name} (known: ${this.names.join(', ')})`);
    return this.runExclusive(name, () => job.run(this.app));
  }

  /** Runs `body` as the job `name`: skipped while a pass of it runs here or, under the lock, in another instance. */
  runExclusive(name: string, body: () => Promise<unknown>): Promise<JobOutcome> {
    if (this.stopped) return Promise.resolve({ job: name, status: 'skipped', reason: 'stopped' });
    if (this.running.has(name)) return Promise.resolve({ job: name, status: 'skipped', reason: 'running' });
    const pass = (async (): Promise<JobOutcome> => {
      try {
        const locked = await this.lock.withLock(name, body);
        return locked.acquired ? { job: name, status: 'done', result: locked.value } : { job: name, status: 'skipped', reason: 'locked' };
      } catch (error) {
        this.logger.error(
          `job ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
          error instanceof Error ? error.stack : undefined,
        );
        return { job: name, status: 'failed', error };
      }
    })().finally(() => this.running.delete(name));
    this.running.set(name, pass);
    return pass;
  }
}
