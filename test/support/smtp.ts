import ICAL from 'ical.js';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  port: number;
  all(): ParsedMail[];
  /** Resolves with the first mail (already received or arriving) that matches. */
  waitFor(predicate: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  clear(): void;
  close(): Promise<void>;
}

/**
 * Every calendar file a test receives is read back with a real iCalendar parser: a file that
 * does not parse, or whose event lacks what calendars need, fails the test that waits for it.
 */
export function calendarProblem(mail: ParsedMail): string | null {
  for (const a of mail.attachments) {
    if (!a.filename?.endsWith('.ics') && !a.contentType.startsWith('text/calendar')) continue;
    try {
      const calendar = new ICAL.Component(ICAL.parse(a.content.toString('utf8')));
      for (const event of calendar.getAllSubcomponents('vevent')) {
        for (const name of ['uid', 'dtstamp', 'dtstart', 'dtend', 'summary']) {
          if (!event.getFirstPropertyValue(name)) return `${a.filename}: VEVENT without ${name.toUpperCase()}`;
        }
        const organizer = event.getFirstProperty('organizer');
        const address = organizer?.getFirstValue();
        if (organizer && (typeof address !== 'string' || !/^mailto:[^\s:]+@[^\s:]+$/.test(address))) {
          return `${a.filename}: ORGANIZER value is not a mailto: address (${String(address)})`;
        }
      }
    } catch (error) {
      return `${a.filename}: ${(error as Error).message}`;
    }
  }
  return null;
}

/** A real SMTP server on loopback (a random port unless given) that keeps every mail, parsed. */
export async function startSmtp(listenPort = 0): Promise<TestSmtp> {
  const mails: ParsedMail[] = [];
  const calendarProblems = new Map<ParsedMail, string>();
  const checked = (mail: ParsedMail): Promise<ParsedMail> => {
    const problem = calendarProblems.get(mail);
    return problem ? Promise.reject(new Error(`invalid calendar file in mail "${mail.subject}": ${problem}`)) : Promise.resolve(mail);
  };
  const waiters: { predicate: (m: ParsedMail) => boolean; resolve: (m: ParsedMail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const problem = calendarProblem(mail);
          if (problem) calendarProblems.set(mail, problem);
          mails.push(mail);
          for (const w of [...waiters]) {
            if (w.predicate(mail)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(mail);
            }
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    all: () => [...mails],
    clear: () => void mails.splice(0),
    waitFor(predicate, timeoutMs = 10_000) {
      const found = mails.find(predicate);
      if (found) return checked(found);
      return new Promise<ParsedMail>((resolve, reject) => {
        const waiter = { predicate, resolve: (m: ParsedMail) => (clearTimeout(timer), resolve(m)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(
            new Error(`no matching mail within ${timeoutMs} ms (received ${mails.length}: ${mails.map((m) => m.subject).join(' | ')})`),
          );
        }, timeoutMs);
        waiters.push(waiter);
      }).then(checked);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's text that starts with the prefix. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const match = (mail.text ?? '').match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\S+`));
  if (!match) throw new Error(`no link starting with ${prefix} in mail "${mail.subject}"`);
  return match[0];
}
