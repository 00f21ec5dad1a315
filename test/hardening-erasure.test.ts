import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingsService } from '../backend/src/bookings/bookings.service.js';
import { Database } from '../backend/src/database/database.js';
import { MailService, MAX_MAIL_ATTEMPTS } from '../backend/src/mail/mail.service.js';
import { mysqlAvailable } from './support/mysql.js';
import { startSystem, type TestSystem } from './support/system.js';

/** Every row of every table of the database, as text. */
async function everything(db: Database): Promise<string> {
  const mysql = db.dataSource.options.type === 'mysql';
  const tables = (
    (await db.manager.query(
      mysql
        ? 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()'
        : "SELECT name FROM sqlite_master WHERE type = 'table'",
    )) as { name: string }[]
  ).map((t) => t.name);
  expect(tables).toEqual(expect.arrayContaining(['booking', 'mail_outbox', 'email_guard']));
  const out: string[] = [];
  for (const table of tables)
    out.push(`${table}: ${JSON.stringify(await db.manager.query(`SELECT * FROM ${mysql ? `\`${table}\`` : `"${table}"`}`))}`);
  return out.join('\n');
}

for (const database of ['sqlite', 'mysql'] as const) {
  describe.runIf(database === 'sqlite' || mysqlAvailable)(`DSGVO erasure reaches the mail outbox (${database})`, () => {
    let system: TestSystem;
    let smtp: SMTPServer;
    beforeAll(async () => {
      // a mail server that never takes mail for one address, so its activation mail fails for good
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onRcptTo(address, _session, callback) {
          if (address.address === 'vergessen@example.org')
            return callback(Object.assign(new Error('mailbox vergessen@example.org unavailable'), { responseCode: 450 }));
          callback();
        },
        onData(stream, _session, callback) {
          stream.on('end', () => callback());
          stream.resume();
        },
      });
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      system = await startSystem({ database, env: { SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}` } });
    });
    afterAll(async () => {
      await system?.close();
      await new Promise<void>((r) => smtp.close(() => r()));
    });

    it('leaves no personal data of erased bookings in any table, failed mails included', async () => {
      const mail = system.backend.app.get(MailService);
      const bookings = system.backend.app.get(BookingsService);
      const concernId = system.demo.concernIds.certificate;
      // an online booking whose activation mail fails for good, and a phone booking whose confirmation went out
      const start = await system.firstFreeStart(concernId);
      const res = await system.api('/bookings', {
        method: 'POST',
        json: {
          locationId: 1,
          concernId,
          start,
          name: 'Erika Vergessen',
          email: 'vergessen@example.org',
          phone: '+49 5131 999888',
          consent: true,
        },
      });
      expect(res.status).toBe(201);
      const online = ((await res.json()) as { id: string }).id;
      const phone = await system.bookConfirmed({ name: 'Otto Telefon', email: 'otto.telefon@example.org' });
      for (let i = 0; i <= MAX_MAIL_ATTEMPTS; i++) {
        await mail.processDue();
        system.clock.advance(2 * 3_600_000);
      }
      const [failed] = await mail.mailsForBooking(online);
      expect(failed).toMatchObject({ status: 'failed', recipient: 'vergessen@example.org' });
      const token = (JSON.parse(failed.payload!) as { activationUrl: string }).activationUrl.split('token=')[1];
      expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect((await mail.mailsForBooking(phone.id))[0]).toMatchObject({ status: 'sent', recipient: 'otto.telefon@example.org' });

      const personal = ['Erika Vergessen', 'vergessen@example.org', '999888', token, 'Otto Telefon', 'otto.telefon@example.org'];
      const before = await everything(system.backend.app.get(Database));
      for (const p of personal) expect(before, p).toContain(p);

      // retention (14 days) after the later of the two appointments
      const last = Math.max(new Date(start).getTime(), new Date(phone.start).getTime());
      system.clock.set(new Date(last + 16 * 86_400_000));
      expect(await bookings.eraseDue()).toBeGreaterThanOrEqual(2);
      const after = await everything(system.backend.app.get(Database));
      for (const p of personal) expect(after, p).not.toContain(p);
      expect(await mail.mailsForBooking(online)).toEqual([
        expect.objectContaining({ status: 'failed', recipient: '', payload: null, lastError: null }),
      ]);
      expect(await mail.mailsForBooking(phone.id)).toEqual([expect.objectContaining({ status: 'sent', recipient: '' })]);
    });
  });
}
