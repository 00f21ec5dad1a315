import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@einlass/contracts';
import { validationFailed } from './api-error.js';

/** class-transformer: strings arrive trimmed. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** The validation messages of time and date fields. */
export const TIME_MESSAGE = (field: string) => ({ message: `${field} must be a time HH:MM` });
export const DATE_MESSAGE = (field: string) => ({ message: `${field} must be a date YYYY-MM-DD` });

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      const messages = Object.values(e.constraints);
      out.push({ field, message: messages[messages.length - 1] });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/** 422 with the offending fields; unknown properties are refused rather than silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validateCustomDecorators: false,
    stopAtFirstError: true,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}
