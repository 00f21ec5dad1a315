import type { PrinterSettings, TicketPrintJob } from '../shared/bridge';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The receipt as a self-contained HTML page (no scripts, no external resources). */
export function ticketHtml(job: TicketPrintJob, paperWidthMm = 80): string {
  const dir = job.dir === 'rtl' ? 'rtl' : 'ltr';
  const lang = /^[a-z]{2}(-[A-Za-z]{2})?$/.test(job.lang) ? job.lang : 'de';
  const lines = job.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  return `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(job.ticket)}</title>
<style>
@page { size: ${paperWidthMm}mm auto; margin: 0; }
body { margin: 0; padding: 4mm; width: ${paperWidthMm - 8}mm; font-family: sans-serif; color: #000; text-align: center; }
.location { font-size: 11pt; margin: 0 0 2mm; }
h1 { font-size: 13pt; margin: 0 0 2mm; }
.ticket { font-size: 44pt; font-weight: bold; letter-spacing: 2pt; margin: 2mm 0 3mm; }
p { font-size: 11pt; margin: 1mm 0; }
.footer { border-top: 1px dashed #000; margin-top: 3mm; padding-top: 2mm; }
</style></head><body>
<p class="location">${escapeHtml(job.locationName)}</p>
<h1>${escapeHtml(job.heading)}</h1>
<div class="ticket">${escapeHtml(job.ticket)}</div>
${lines}
<p class="footer">${escapeHtml(job.footer)}</p>
</body></html>`;
}

/** Options for `webContents.print`: silent, on the configured printer, paper in microns. */
export function printOptions(printer: PrinterSettings, job: TicketPrintJob) {
  const widthMm = printer.paperWidthMm > 0 ? printer.paperWidthMm : 80;
  // Header, ticket number and footer take about 45 mm; each further line about 6 mm.
  const heightMm = 45 + 6 * job.lines.length + 10;
  return {
    silent: true,
    printBackground: false,
    deviceName: printer.deviceName,
    margins: { marginType: 'none' as const },
    pageSize: { width: widthMm * 1000, height: heightMm * 1000 },
  };
}
