import type { EntityManager, QueryResult } from 'typeorm';

/** What one raw statement gave: the rows of a SELECT (or RETURNING), the rows a change touched. */
export interface SqlResult {
  rows: Record<string, unknown>[];
  affected: number;
}

/** One parameterised statement (`?` placeholders). */
export type Statement = readonly [sql: string, params: readonly unknown[]];

/**
 * Raw, parameterised statements inside one transaction, the same on MySQL and SQLite. The hot
 * paths — a booking rush — use it instead of the query builder: one fixed string per
 * statement, no metadata walk per call, and on MySQL several statements in one round trip.
 */
export interface Sql {
  readonly mysql: boolean;
  exec(sql: string, params?: readonly unknown[]): Promise<SqlResult>;
  /** Runs the statements in order (on MySQL in one round trip); stops at the first error. */
  batch(statements: readonly Statement[]): Promise<SqlResult[]>;
}

/** The Sql of a TypeORM transaction (its query runner), for code that already holds one. */
export function sqlOf(tx: EntityManager): Sql {
  const runner = tx.queryRunner;
  if (!runner) throw new Error('sqlOf needs the entity manager of a transaction');
  const exec = async (sql: string, params: readonly unknown[] = []): Promise<SqlResult> => {
    const result = (await runner.query(sql, [...params], true)) as QueryResult;
    return { rows: (result.records ?? []) as Record<string, unknown>[], affected: result.affected ?? 0 };
  };
  return {
    mysql: tx.connection.options.type === 'mysql',
    exec,
    async batch(statements) {
      const results: SqlResult[] = [];
      for (const [sql, params] of statements) results.push(await exec(sql, params));
      return results;
    },
  };
}
