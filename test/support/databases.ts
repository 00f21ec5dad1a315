import { describe } from 'vitest';
import { mysqlAvailable } from './mysql.js';

export type DatabaseName = 'sqlite' | 'mysql';

/**
 * The databases the system tests run on. MySQL runs when it is reachable; when it is not, its
 * suites are skipped with a loud warning (see mysql.ts), or fail with REQUIRE_MYSQL=1.
 */
export const databases: readonly { name: DatabaseName; run: boolean }[] = [
  { name: 'sqlite', run: true },
  { name: 'mysql', run: mysqlAvailable },
];

/** One suite `${title} on ${database}` per database; a database that is not there marks its suite skipped (no hooks run). */
export function describeEachDatabase(title: string, fn: (database: DatabaseName) => void): void {
  for (const { name, run } of databases) describe.runIf(run)(`${title} on ${name}`, () => fn(name));
}

/** A suite that needs MySQL itself (e.g. two instances sharing one database): skipped like the MySQL suites above. */
export const describeWithMysql = describe.runIf(mysqlAvailable);
