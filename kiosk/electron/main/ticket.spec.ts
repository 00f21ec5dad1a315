import { describe, expect, it } from 'vitest';
import { DEFAULT_PRINTER, type TicketPrintJob } from '../shared/bridge';
import { escapeHtml, printOptions, ticketHtml } from './ticket';

const job: TicketPrintJob = {
  lang: 'de',
  dir: 'ltr',
  locationName: 'Bürgerbüro Garbsen',
  heading: 'Ihre Wartenummer',
  ticket: 'A017',
  lines: ['Termin um 10:05 Uhr', 'Anliegen: Personalausweis <beantragen>'],
  footer: 'Bitte nehmen Sie Platz.',
};

describe('ticket HTML', () => {
  it('shows the ticket number, the lines and the office', () => {
    const html = ticketHtml(job);
    expect(html).toContain('<div class="ticket">A017</div>');
    expect(html).toContain('Termin um 10:05 Uhr');
    expect(html).toContain('Bürgerbüro Garbsen');
    expect(html).toContain('lang="de" dir="ltr"');
    expect(html).toContain('size: 80mm auto');
  });

  it('escapes everything it is given and loads nothing from outside', () => {
    const html = ticketHtml({ ...job, ticket: '<script>alert(1)</script>', locationName: '"><img src=x>' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('Personalausweis &lt;beantragen&gt;');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<[^>]*\s(src|href)=/);
  });

  it('lays out right to left for Arabic and refuses odd language tags', () => {
    expect(ticketHtml({ ...job, lang: 'ar', dir: 'rtl' })).toContain('lang="ar" dir="rtl"');
    expect(ticketHtml({ ...job, lang: 'x" onload="', dir: 'ltr' })).toContain('lang="de"');
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });
});

describe('print options', () => {
  it('prints silently on the configured printer, 80 mm wide, in microns', () => {
    const options = printOptions({ ...DEFAULT_PRINTER, enabled: true, deviceName: 'EPSON_TM_T20' }, job);
    expect(options).toMatchObject({ silent: true, deviceName: 'EPSON_TM_T20', margins: { marginType: 'none' } });
    expect(options.pageSize.width).toBe(80_000);
    expect(options.pageSize.height).toBeGreaterThan(50_000);
    expect(options.pageSize.height).toBeLessThan(200_000);
  });

  it('grows the paper with the number of lines', () => {
    const short = printOptions(DEFAULT_PRINTER, { ...job, lines: [] });
    const long = printOptions(DEFAULT_PRINTER, job);
    expect(long.pageSize.height).toBeGreaterThan(short.pageSize.height);
  });
});
