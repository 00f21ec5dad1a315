import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from './database.js';
import { type Sql, sqlOf } from './sql.js';

declare const TX: unique symbol;

/**
 * A running transaction as services see it: opaque. A service opens one with
 * UnitOfWork.transaction and hands it on to the repositories (its own and, through their
 * services, other modules'), which alone look inside.
 */
export interface Tx {
  readonly [TX]: true;
}

/** For repositories only: the TypeORM manager behind a transaction. */
export function managerOf(tx: Tx): EntityManager {
  return tx as unknown as EntityManager;
}

/** For repositories only: raw statements in the transaction (see Sql). */
export function sqlIn(tx: Tx): Sql {
  return sqlOf(managerOf(tx));
}

/** For repositories only: wraps a TypeORM manager of a transaction. */
export function txOf(manager: EntityManager): Tx {
  return manager as unknown as Tx;
}

/** Opens transactions for services without showing them the ORM. */
@Injectable()
export class UnitOfWork {
  constructor(private readonly db: Database) {}

  /** One transaction (on SQLite queued behind the others; on MySQL retried on a deadlock). */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction((manager) => work(txOf(manager)));
  }

  /** A transaction of raw statement batches (the booking rush's one round trip, see Database.sqlTransaction). */
  batchTransaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.db.sqlTransaction(work);
  }
}
