import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

async function reachable(): Promise<boolean> {
  try {
    const conn = await createConnection({ uri: TEST_MYSQL_URL, connectTimeout: 2000 });
    await conn.end();
    return true;
  } catch (error) {
    if (process.env.REQUIRE_MYSQL === '1') {
      throw new Error(`REQUIRE_MYSQL=1 but MySQL at ${TEST_MYSQL_URL} is not reachable: ${(error as Error).message}`, { cause: error });
    }
    console.warn(
      `\n!!! MySQL at ${TEST_MYSQL_URL} is not reachable — the MySQL suites are SKIPPED (set REQUIRE_MYSQL=1 to fail instead) !!!\n`,
    );
    return false;
  }
}

/** Whether the MySQL suites run: decided once per test file. */
export const mysqlAvailable: boolean = await reachable();

/** A fresh, empty database for one test file; drop() removes it. */
export async function createMysqlDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `einlass_t_${randomBytes(5).toString('hex')}`;
  const conn = await createConnection({ uri: TEST_MYSQL_URL });
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  const url = new URL(TEST_MYSQL_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = await createConnection({ uri: TEST_MYSQL_URL });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
