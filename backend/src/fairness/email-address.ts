/**
 * Providers that deliver `e.rika@…` to `erika@…`: there the dots of the local part do not tell
 * people apart. (Most providers ignore `+tag`s too, and no provider a citizen uses tells
 * `Erika@` from `erika@`.)
 */
const DOTS_IGNORED = new Set(['gmail.com', 'googlemail.com', 'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me']);
/** Domains that are one mailbox namespace under two names. */
const SAME_MAILBOXES: Record<string, string> = {
  'googlemail.com': 'gmail.com',
  'protonmail.com': 'proton.me',
  'protonmail.ch': 'proton.me',
  'pm.me': 'proton.me',
};

/**
 * The person behind an address, for the per-address limit: lower case, a quoted local part
 * unquoted, the `+tag` dropped, and the dots dropped where the provider ignores them.
 * Only ever compared and hashed — mail still goes to the address as typed.
 */
export function canonicalEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address.trim().toLowerCase();
  let local = address.slice(0, at).trim();
  let domain = address
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.+$/, '');
  if (local.length >= 2 && local.startsWith('"') && local.endsWith('"')) local = local.slice(1, -1).replace(/\\(.)/g, '$1');
  local = local.toLowerCase();
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (DOTS_IGNORED.has(domain)) local = local.replace(/\./g, '');
  domain = SAME_MAILBOXES[domain] ?? domain;
  return `${local}@${domain}`;
}

/** The recipient's domain (lower case), for the limit of activation mails per domain. */
export function emailDomain(address: string): string {
  return canonicalEmail(address).split('@')[1] ?? '';
}
