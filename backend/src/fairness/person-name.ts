import { registerDecorator, type ValidationOptions } from 'class-validator';

export const PERSON_NAME_MAX_LENGTH = 100;

/**
 * A person's name: letters of any script (with their combining marks), spaces and the
 * punctuation names use (' ’ - . ,). No digits, no URLs, no line breaks or other control
 * characters — the name is the only text a stranger chooses that goes into the town's mails.
 */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} '’‘ʼ.,-]*$/u;

export function isPersonName(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const name = value.trim();
  if (name.length < 1 || name.length > PERSON_NAME_MAX_LENGTH) return false;
  if (!NAME.test(name)) return false;
  // "www.example.com" or "bit.ly" are letters and dots too, but no name ("J.R. Smith" and "Dr. Erika" are)
  return !/[\p{L}\p{M}]{2}\.[\p{L}\p{M}]{2}/u.test(name);
}

export function IsPersonName(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isPersonName',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `name must be a name: letters, spaces and ' - . , only (at most ${PERSON_NAME_MAX_LENGTH} characters, no digits, links or line breaks)`,
        ...options,
      },
      validator: { validate: isPersonName },
    });
  };
}
