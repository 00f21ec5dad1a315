import QRCode from 'qrcode';
import { formatBookingCode } from '../common/tokens.js';
import { buildIcs } from './ics.js';
import type { BookingMailPayload, MailKind, RenderedMail } from './mail.types.js';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl.DateTimeFormat is costly: one per language, timezone and style, reused. */
function formatter(language: string, timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${withDate}`;
  let f = formatters.get(key);
  if (!f) {
    const locale = language === 'en' ? 'en-GB' : 'de-DE';
    f = new Intl.DateTimeFormat(
      locale,
      withDate
        ? { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }
        : { timeZone, hour: '2-digit', minute: '2-digit' },
    );
    formatters.set(key, f);
  }
  return f;
}

function when(p: BookingMailPayload, iso: string, withDate = true): string {
  const s = formatter(p.language, p.timezone, withDate).format(new Date(iso));
  return p.language === 'en' ? s : `${s} Uhr`;
}

const T = {
  de: {
    activationSubject: (p: BookingMailPayload) => `Bitte bestätigen Sie Ihren Termin am ${when(p, p.start)}`,
    greeting: (p: BookingMailPayload) => `Guten Tag ${p.citizenName},`,
    activationIntro: 'Ihr Termin im Bürgerbüro wurde eingetragen. Er ist erst gültig, wenn Sie ihn über den folgenden Link bestätigen:',
    activationDeadline: (p: BookingMailPayload) =>
      `Bitte bestätigen Sie bis ${when(p, p.expiresAt!, false)}; danach verfällt die Reservierung und der Termin wird wieder freigegeben.`,
    activationButton: 'Termin bestätigen',
    notYou: 'Wenn Sie diesen Termin nicht gebucht haben, ignorieren Sie diese E-Mail; die Reservierung verfällt dann von selbst.',
    confirmationSubject: (p: BookingMailPayload) => `Terminbestätigung: ${p.concernName} am ${when(p, p.start)}`,
    confirmationIntro: 'Ihr Termin ist bestätigt. Hier finden Sie alles, was Sie dafür brauchen.',
    reminderSubject: (p: BookingMailPayload) => `Erinnerung: ${p.concernName} am ${when(p, p.start)}`,
    reminderIntro: 'wir erinnern Sie an Ihren Termin im Bürgerbüro. Bitte bringen Sie Ihren Buchungscode und die genannten Unterlagen mit.',
    code: 'Ihr Buchungscode',
    codeHint: (p: BookingMailPayload) =>
      `Das Rathaus darf nur mit Termin betreten werden — frühestens ${p.admissionBeforeMinutes ?? 15} Minuten vor Ihrem Termin. Geben Sie am Eingang den Buchungscode am Terminal ein oder halten Sie den QR-Code an den Scanner.`,
    concern: 'Anliegen',
    date: 'Termin',
    place: 'Ort',
    notes: 'Bitte beachten Sie',
    cancel: 'Termin absagen',
    cancelHint: 'Können Sie den Termin nicht wahrnehmen? Bitte sagen Sie ihn ab, damit ein anderer Mensch ihn bekommt:',
    cancellationSubject: (p: BookingMailPayload) => `Termin abgesagt: ${p.concernName} am ${when(p, p.start)}`,
    cancellationIntro: 'Ihr Termin wurde abgesagt. Der Platz ist wieder frei.',
    contact: (p: BookingMailPayload) => `Fragen? Schreiben Sie an ${p.contactEmail} oder rufen Sie an: ${p.hotlinePhone}.`,
    signature: (p: BookingMailPayload) => `Ihr ${p.locationName}`,
    privacy: 'Ihre Angaben verwenden wir nur für diesen Termin und löschen sie kurz danach.',
  },
  en: {
    activationSubject: (p: BookingMailPayload) => `Please confirm your appointment on ${when(p, p.start)}`,
    greeting: (p: BookingMailPayload) => `Dear ${p.citizenName},`,
    activationIntro:
      'Your appointment at the citizen office has been registered. It only becomes valid once you confirm it with this link:',
    activationDeadline: (p: BookingMailPayload) =>
      `Please confirm by ${when(p, p.expiresAt!, false)}; after that the reservation lapses and the time is released.`,
    activationButton: 'Confirm appointment',
    notYou: 'If you did not book this appointment, ignore this e-mail; the reservation then lapses by itself.',
    confirmationSubject: (p: BookingMailPayload) => `Appointment confirmed: ${p.concernName} on ${when(p, p.start)}`,
    confirmationIntro: 'Your appointment is confirmed. Here is everything you need for it.',
    reminderSubject: (p: BookingMailPayload) => `Reminder: ${p.concernName} on ${when(p, p.start)}`,
    reminderIntro:
      'this is a reminder of your appointment at the citizen office. Please bring your booking code and the documents listed below.',
    code: 'Your booking code',
    codeHint: (p: BookingMailPayload) =>
      `The town hall may only be entered with an appointment — at the earliest ${p.admissionBeforeMinutes ?? 15} minutes before it. At the entrance, type the booking code into the terminal or hold the QR code to the scanner.`,
    concern: 'Concern',
    date: 'Appointment',
    place: 'Place',
    notes: 'Please note',
    cancel: 'Cancel appointment',
    cancelHint: 'Cannot make it? Please cancel so that someone else can have the appointment:',
    cancellationSubject: (p: BookingMailPayload) => `Appointment cancelled: ${p.concernName} on ${when(p, p.start)}`,
    cancellationIntro: 'Your appointment has been cancelled. The time is free again.',
    contact: (p: BookingMailPayload) => `Questions? Write to ${p.contactEmail} or call ${p.hotlinePhone}.`,
    signature: (p: BookingMailPayload) => `${p.locationName}`,
    privacy: 'We use your details only for this appointment and erase them shortly afterwards.',
  },
};

function layout(p: BookingMailPayload, body: string): string {
  return `<!doctype html><html lang="${p.language}"><head><meta charset="utf-8"><title>${escapeHtml(p.locationName)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff;margin:0;padding:24px">
<div style="max-width:600px;margin:0 auto">${body}
<p style="color:#444;font-size:14px;margin-top:32px">${escapeHtml(T[p.language].contact(p))}<br>${escapeHtml(T[p.language].privacy)}</p>
</div></body></html>`;
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((para) => `<p>${escapeHtml(para).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

export async function renderMail(kind: MailKind, p: BookingMailPayload, now: Date): Promise<RenderedMail> {
  const t = T[p.language] ?? T.de;
  const facts = (html: boolean) => {
    const rows: [string, string][] = [
      [t.concern, p.concernName],
      [t.date, when(p, p.start)],
      [t.place, `${p.locationName}, ${p.address}`],
    ];
    return html
      ? `<table role="presentation" style="border-collapse:collapse;margin:16px 0">${rows
          .map(
            ([k, v]) =>
              `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;vertical-align:top">${escapeHtml(k)}</th><td style="padding:4px 0">${escapeHtml(v)}</td></tr>`,
          )
          .join('')}</table>`
      : rows.map(([k, v]) => `${k}: ${v}`).join('\n');
  };

  if (kind === 'activation') {
    const text = [
      t.greeting(p),
      '',
      t.activationIntro,
      '',
      p.activationUrl,
      '',
      t.activationDeadline(p),
      '',
      facts(false),
      '',
      t.notYou,
      '',
      t.contact(p),
      '',
      t.signature(p),
    ].join('\n');
    const html = layout(
      p,
      `<p>${escapeHtml(t.greeting(p))}</p><p>${escapeHtml(t.activationIntro)}</p>
<p><a href="${escapeHtml(p.activationUrl!)}" style="display:inline-block;background:#0b4f8a;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px;font-weight:bold">${escapeHtml(t.activationButton)}</a></p>
<p style="word-break:break-all;font-size:14px">${escapeHtml(p.activationUrl!)}</p>
<p><strong>${escapeHtml(t.activationDeadline(p))}</strong></p>${facts(true)}<p>${escapeHtml(t.notYou)}</p>`,
    );
    return { subject: t.activationSubject(p), text, html, attachments: [] };
  }

  const ics = buildIcs({
    uid: `${p.bookingId}@einlass`,
    start: new Date(p.start),
    end: new Date(p.end),
    stamp: now,
    summary: `${p.concernName} – ${p.locationName}`,
    location: `${p.locationName}, ${p.address}`,
    description: p.code ? `${t.code}: ${formatBookingCode(p.code)}\n\n${p.concernNotes}` : p.concernNotes,
    organizerEmail: p.contactEmail,
    organizerName: p.locationName,
    cancelled: kind === 'cancellation',
  });

  if (kind === 'cancellation') {
    const text = [t.greeting(p), '', t.cancellationIntro, '', facts(false), '', t.contact(p), '', t.signature(p)].join('\n');
    const html = layout(p, `<p>${escapeHtml(t.greeting(p))}</p><p>${escapeHtml(t.cancellationIntro)}</p>${facts(true)}`);
    return {
      subject: t.cancellationSubject(p),
      text,
      html,
      attachments: [{ filename: 'termin-abgesagt.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=CANCEL' }],
    };
  }

  const code = formatBookingCode(p.code!);
  const reminder = kind === 'reminder';
  const intro = reminder ? t.reminderIntro : t.confirmationIntro;
  const qr = await QRCode.toBuffer(code, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  const text = [
    t.greeting(p),
    '',
    intro,
    '',
    `${t.code}: ${code}`,
    '',
    t.codeHint(p),
    '',
    facts(false),
    '',
    `${t.notes}:`,
    p.concernNotes,
    '',
    t.cancelHint,
    p.cancelUrl,
    '',
    t.contact(p),
    '',
    t.signature(p),
  ].join('\n');
  const html = layout(
    p,
    `<p>${escapeHtml(t.greeting(p))}</p><p>${escapeHtml(intro)}</p>
<p style="margin:24px 0 8px">${escapeHtml(t.code)}:</p>
<p style="font-size:32px;font-weight:bold;letter-spacing:4px;font-family:'Courier New',monospace;margin:0">${escapeHtml(code)}</p>
<p><img src="cid:booking-code-qr" width="200" height="200" alt="QR-Code ${escapeHtml(code)}"></p>
<p>${escapeHtml(t.codeHint(p))}</p>${facts(true)}
<h2 style="font-size:18px">${escapeHtml(t.notes)}</h2>${paragraphs(p.concernNotes)}
<p>${escapeHtml(t.cancelHint)}<br><a href="${escapeHtml(p.cancelUrl!)}">${escapeHtml(t.cancel)}</a></p>`,
  );
  return {
    subject: reminder ? t.reminderSubject(p) : t.confirmationSubject(p),
    text,
    html,
    attachments: [
      { filename: 'buchungscode.png', content: qr, contentType: 'image/png', cid: 'booking-code-qr', contentDisposition: 'inline' },
      { filename: 'termin.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' },
    ],
  };
}
