import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSystem as startBackend } from '../backend/src/bootstrap.js';
import { loadConfig } from '../backend/src/config/config.js';

/** A shutdown (SIGTERM, a restart) must end even when a client never lets go of its connection. */
describe('shutdown', () => {
  it('closes a connection that stays open, instead of waiting for it for ever', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'einlass-shutdown-'));
    const backend = await startBackend(
      loadConfig(
        {
          PORT: '0',
          HOST: '127.0.0.1',
          DATABASE_URL: `sqlite:${join(dir, 'd.sqlite')}`,
          EINLASS_JOBS: 'off',
          EINLASS_DEMO_APPOINTMENTS: 'off',
          LOG_LEVEL: 'error',
          MAIL_OUTBOX_DIR: join(dir, 'outbox'),
        },
        dir,
      ),
    );
    try {
      // a request whose headers never end: the connection is busy, so a plain server.close() waits for it
      const { port } = new URL(backend.url);
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write('GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      const closing = backend.close().then(() => 'closed');
      // Node itself would give up on the headers only after headersTimeout (60 s) — longer than this test may take
      expect(await Promise.race([closing, new Promise((r) => setTimeout(() => r('still waiting'), 20_000))])).toBe('closed');
      await ended;
      expect(socket.destroyed).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
