/**
 * The checks on a citizen's personal data that the booking form and the desk's hotline form
 * share; the server checks again. Each field is fine, `required` or `invalid`.
 */
export const NAME_MAX_LENGTH = 200;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_PATTERN = /^\+?[0-9][0-9 ()/-]{3,29}$/;

export type PersonalDataField = 'name' | 'email' | 'phone';
export type PersonalDataProblem = 'required' | 'invalid';

export function isEmailAddress(value: string): boolean {
  return EMAIL_PATTERN.test(value.trim());
}

/** `emailRequired: false` for the hotline, where a caller may have no e-mail address. */
export function personalDataProblems(
  data: { name: string; email: string; phone: string },
  { emailRequired = true } = {},
): Partial<Record<PersonalDataField, PersonalDataProblem>> {
  const problems: Partial<Record<PersonalDataField, PersonalDataProblem>> = {};
  const name = data.name.trim();
  if (!name) problems.name = 'required';
  else if (name.length > NAME_MAX_LENGTH) problems.name = 'invalid';
  const email = data.email.trim();
  if (!email) {
    if (emailRequired) problems.email = 'required';
  } else if (!isEmailAddress(email)) problems.email = 'invalid';
  const phone = data.phone.trim();
  if (phone && !PHONE_PATTERN.test(phone)) problems.phone = 'invalid';
  return problems;
}
