import { Global, Module } from '@nestjs/common';
import { Database } from './database.js';
import { UnitOfWork } from './unit-of-work.js';

/** The Database instance is opened (and migrated) before the app is created and handed in. */
@Global()
@Module({})
export class DatabaseModule {
  static forDatabase(db: Database) {
    return { module: DatabaseModule, providers: [{ provide: Database, useValue: db }, UnitOfWork], exports: [Database, UnitOfWork] };
  }
}
