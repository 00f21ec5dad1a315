import { describe, expect, it } from 'vitest';
import { isEmailAddress, NAME_MAX_LENGTH, personalDataProblems } from './personalData';

describe('personalDataProblems', () => {
  const ok = { name: 'Erika Mustermann', email: 'erika@example.org', phone: '' };

  it('accepts a name, an e-mail address and an optional phone number', () => {
    expect(personalDataProblems(ok)).toEqual({});
    expect(personalDataProblems({ ...ok, phone: '+49 5131 (70) 7-0' })).toEqual({});
  });

  it('names each missing or malformed field', () => {
    expect(personalDataProblems({ name: ' ', email: '', phone: 'abc' })).toEqual({ name: 'required', email: 'required', phone: 'invalid' });
    expect(personalDataProblems({ ...ok, name: 'x'.repeat(NAME_MAX_LENGTH + 1), email: 'erika@' })).toEqual({
      name: 'invalid',
      email: 'invalid',
    });
  });

  it('lets the hotline book without an e-mail address, but not with a broken one', () => {
    expect(personalDataProblems({ ...ok, email: '' }, { emailRequired: false })).toEqual({});
    expect(personalDataProblems({ ...ok, email: 'a b@c.d' }, { emailRequired: false })).toEqual({ email: 'invalid' });
    expect(isEmailAddress(' erika@example.org ')).toBe(true);
  });
});
