import { domainToASCII } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingsService } from '../backend/src/bookings/bookings.service.js';
import { MailService } from '../backend/src/mail/mail.service.js';
import { mysqlAvailable } from './support/mysql.js';
import { startSystem, type TestSystem } from './support/system.js';

/** An SMTP server the test steers: refuse every mail for a while, or hold one recipient's mail until released. */
async function steeredSmtp() {
  const attempts: { to: string; messageId: string; accepted: boolean }[] = [];
  const state = { refuseAll: false, holdFor: '', release: () => {}, held: Promise.withResolvers<void>() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address).join(',');
      void simpleParser(stream).then((mail) => {
        const attempt = { to, messageId: mail.messageId ?? '', accepted: !state.refuseAll };
        attempts.push(attempt);
        if (state.refuseAll) return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        if (to === state.holdFor) {
          state.release = () => callback();
          state.held.resolve();
          return;
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, attempts, state, close: () => new Promise<void>((r) => server.close(() => r())) };
}

for (const database of ['sqlite', 'mysql'] as const) {
  describe.runIf(database === 'sqlite' || mysqlAvailable)(`exactly-once mail and clean names (${database})`, () => {
    let system: TestSystem;
    let smtp: Awaited<ReturnType<typeof steeredSmtp>>;
    beforeAll(async () => {
      smtp = await steeredSmtp();
      system = await startSystem({ database, env: { SMTP_URL: smtp.url } });
    });
    afterAll(async () => {
      smtp.state.release();
      await system?.close();
      await smtp?.close();
    });

    const book = async (email: string, name = 'Erika Muster') => {
      const concernId = system.demo.concernIds.certificate;
      const start = await system.firstFreeStart(concernId);
      return system.api('/bookings', { method: 'POST', json: { locationId: 1, concernId, start, name, email, consent: true } });
    };

    it('marks each mail of a batch sent as it goes, with one Message-ID for every attempt', async () => {
      const mail = system.backend.app.get(MailService);
      smtp.state.refuseAll = true;
      const ids: string[] = [];
      for (const email of ['first@example.org', 'held@example.org', 'third@example.org']) {
        const res = await book(email);
        expect(res.status).toBe(201);
        ids.push(((await res.json()) as { id: string }).id);
      }
      await mail.processDue();
      for (const id of ids) expect(await mail.mailsForBooking(id)).toEqual([expect.objectContaining({ status: 'pending', attempts: 1 })]);

      // the server is back; one batch takes all three, and the second hangs mid-send (as in a crash)
      smtp.state.refuseAll = false;
      smtp.state.holdFor = 'held@example.org';
      system.clock.advance(60_000);
      const pass = mail.processDue();
      await smtp.state.held.promise;
      expect((await mail.mailsForBooking(ids[0]))[0]).toMatchObject({ status: 'sent', payload: null });
      expect((await mail.mailsForBooking(ids[1]))[0]).toMatchObject({ status: 'sending' });
      smtp.state.release();
      await pass;
      for (const id of ids) expect((await mail.mailsForBooking(id))[0].status).toBe('sent');

      // every attempt at one outbox row carried the same Message-ID, and no two rows share one
      const byRecipient = new Map<string, Set<string>>();
      for (const a of smtp.attempts) byRecipient.set(a.to, (byRecipient.get(a.to) ?? new Set()).add(a.messageId));
      expect([...byRecipient.values()].map((s) => s.size)).toEqual([1, 1, 1]);
      const messageIds = [...byRecipient.values()].map((s) => [...s][0]);
      expect(new Set(messageIds).size).toBe(3);
      const row = (await mail.mailsForBooking(ids[0]))[0];
      expect(byRecipient.get('first@example.org')).toEqual(new Set([`<outbox-${row.id}.${row.createdAt.getTime()}@127.0.0.1>`]));
    });

    it('refuses line breaks and control characters in an online name, drops bidi overrides, and strips both from the hotline', async () => {
      // online, the name is a name (issue 10): a header or a link smuggled in is refused, not mailed
      const refused = await book('clean@example.org', ' Eve\r\nBcc: evil@example.org\u0000 ');
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as { fields: { field: string }[] }).fields[0].field).toBe('name');
      const res = await book('clean@example.org', ' Eve \u202EMustermann\u2066 ');
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      const stored = await system.backend.app.get(BookingsService).findById(id);
      expect(stored?.name).toBe('Eve Mustermann');
      const hotline = await system.api('/hotline/bookings', {
        method: 'POST',
        cookie: await system.login('hotline'),
        json: {
          locationId: 1,
          concernId: system.demo.concernIds.register,
          start: await system.firstFreeStart(system.demo.concernIds.register),
          name: 'Max\u202E\nMuster',
        },
      });
      expect(hotline.status).toBe(201);
      const h = await system.backend.app.get(BookingsService).findById(((await hotline.json()) as { id: string }).id);
      expect(h?.name).toBe('MaxMuster');
    });

    it('refuses an address that needs SMTPUTF8 with 422 email_not_supported, and sends to an IDN domain as punycode', async () => {
      const refused = await book('jörg@example.org');
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({ error: 'email_not_supported' });

      const idn = await book('erika@bürgerbüro.example');
      expect(idn.status).toBe(201);
      await system.backend.app.get(MailService).processDue();
      const ascii = `erika@${domainToASCII('bürgerbüro.example')}`;
      expect(ascii).toMatch(/^erika@xn--/);
      const [row] = await system.backend.app.get(MailService).mailsForBooking(((await idn.json()) as { id: string }).id);
      expect(row).toMatchObject({ recipient: ascii, status: 'sent' });
      // (the test server shows the domain in Unicode again: smtp-server decodes punycode)
      expect(smtp.attempts.some((a) => a.to === 'erika@bürgerbüro.example' && a.accepted)).toBe(true);
    });
  });
}
