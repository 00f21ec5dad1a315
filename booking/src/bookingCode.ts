/** Booking codes are stored as 8 Crockford base32 characters and shown as `XXXX-XXXX` (like the mail and kiosk). */
export function formatBookingCode(code: string): string {
  const plain = code.replace(/[\s-]/g, '').toUpperCase();
  return plain.length === 8 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : code;
}
