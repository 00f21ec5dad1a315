import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { AppSecretEntity } from './app-secret.entity.js';

@Injectable()
export class FairnessRepository {
  constructor(private readonly db: Database) {}

  /**
   * The secret of that name, created with `candidate` if there is none yet. The first instance
   * to insert wins; every other instance reads the same value back.
   */
  async sharedSecret(name: string, candidate: string): Promise<string> {
    await this.db.manager.createQueryBuilder().insert().into(AppSecretEntity).values({ name, value: candidate }).orIgnore().execute();
    const row = await this.db.manager.findOneOrFail(AppSecretEntity, { where: { name } });
    return row.value;
  }
}
