import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem as startBackend, type RunningSystem } from '../backend/src/bootstrap.js';
import { loadConfig } from '../backend/src/config/config.js';
import { MailService } from '../backend/src/mail/mail.service.js';

/** Without SMTP_URL (npm start): mails are written as .eml files into the outbox folder. */
describe('mail as .eml files in the outbox folder', () => {
  let dir: string;
  let backend: RunningSystem;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'einlass-eml-'));
    const config = loadConfig(
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
    );
    backend = await startBackend(config);
  });
  afterAll(async () => {
    await backend?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (path: string, body: unknown) =>
    fetch(`${backend.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const emls = () => readdirSync(join(dir, 'outbox')).sort();
  const eml = (suffix: string) =>
    readFileSync(
      join(
        dir,
        'outbox',
        emls().find((f) => f.endsWith(suffix))!,
      ),
      'utf8',
    );

  it('writes the activation mail, then the confirmation with its QR code and calendar file', async () => {
    const availability = (await (await fetch(`${backend.url}/api/v1/locations/1/availability?concernId=3`)).json()) as {
      days: { slots: { start: string }[] }[];
    };
    const start = availability.days.flatMap((d) => d.slots)[0].start;
    const reserved = await post('/bookings', {
      locationId: 1,
      concernId: 3,
      start,
      name: 'Eml Test',
      email: 'eml@example.org',
      consent: true,
    });
    expect(reserved.status).toBe(201);
    expect(await backend.app.get(MailService).processDue()).toBe(1);
    expect(emls()).toEqual([expect.stringMatching(/^\d{6}-activation\.eml$/)]);
    const activation = eml('-activation.eml');
    expect(activation).toMatch(/^To: eml@example\.org$/m);
    expect(activation).toMatch(/^X-Einlass-Mail: activation$/m);
    const decoded = activation
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const token = /activate\?token=([A-Za-z0-9_-]+)/.exec(decoded)?.[1];
    expect(token).toBeDefined();

    expect((await post('/bookings/activate', { token })).status).toBe(200);
    expect(await backend.app.get(MailService).processDue()).toBe(1);
    const confirmation = eml('-confirmation.eml');
    expect(confirmation).toMatch(/Content-Type: image\/png; name=buchungscode\.png/);
    expect(confirmation).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=PUBLISH/);
    // the QR code is a real PNG
    const png = /Content-Type: image\/png[\s\S]*?\n\n([A-Za-z0-9+/=\n]+)\n/.exec(confirmation)?.[1];
    expect(Buffer.from(png!.replace(/\n/g, ''), 'base64').subarray(1, 4).toString()).toBe('PNG');
  });
});
