import { type ArgumentMetadata, applyDecorators, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import type { FieldError } from '@einlass/contracts';
import { getMetadataStorage, IS_OPTIONAL, IsObject, IsOptional, ValidateNested, ValidationTypes } from 'class-validator';
import { domainToASCII } from 'node:url';
import { validationFailed } from './api-error.js';

/**
 * Control characters (CR, LF, NUL, the other C0/C1 codes) and bidirectional overrides
 * (U+202A–U+202E, U+2066–U+2069, marks) have no place in a name: they split mail headers, hide
 * text or reverse what a clerk reads. Removed, then the name is trimmed.
 */
const CONTROL_CHARACTERS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** Invisible direction marks and bidi overrides (U+202E turns text around in a mail) — dropped, the rest left to the validators. */
const INVISIBLE_FORMATTING = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;
export const stripInvisible = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(INVISIBLE_FORMATTING, '').trim() : value;
export const cleanText = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(CONTROL_CHARACTERS, '').trim() : value;

/** An internationalised domain is sent as punycode (plain SMTP carries it); the local part stays as typed. */
export const asciiDomainEmail = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const email = value.trim();
  const at = email.lastIndexOf('@');
  if (at < 1 || /^[\x20-\x7e]*$/.test(email.slice(at + 1))) return email;
  const domain = domainToASCII(email.slice(at + 1));
  return domain ? `${email.slice(0, at)}@${domain}` : email;
};

/** An address whose local part needs SMTPUTF8, which the office's mail server is not known to support. */
export const needsSmtpUtf8 = (email: string) => !/^[\x20-\x7e]*$/.test(email.slice(0, email.lastIndexOf('@')));
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

/** Properties of a DTO class that `@IsOptional()` alone makes optional (no `@ValidateIf` that decides about null itself). */
const optionalOnlyCache = new Map<abstract new (...args: never[]) => unknown, Set<string>>();
function optionalOnly(target: abstract new (...args: never[]) => unknown): Set<string> {
  let props = optionalOnlyCache.get(target);
  if (!props) {
    const conditions = getMetadataStorage()
      .getTargetValidationMetadatas(target, '', true, false)
      .filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION);
    const custom = new Set(conditions.filter((m) => m.name !== IS_OPTIONAL).map((m) => m.propertyName));
    props = new Set(conditions.filter((m) => m.name === IS_OPTIONAL && !custom.has(m.propertyName)).map((m) => m.propertyName));
    optionalOnlyCache.set(target, props);
  }
  return props;
}

/** A string that is not well-formed UTF-16 (a lone surrogate) cannot be stored, mailed or hashed as UTF-8. */
const wellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();

function malformedStrings(value: unknown, prefix: string, out: FieldError[], depth = 0): void {
  if (typeof value === 'string') {
    if (!wellFormed(value)) out.push({ field: prefix || 'body', message: `${prefix || 'body'} must be valid text` });
    return;
  }
  if (depth > 32 || value === null || typeof value !== 'object') return;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return; // parsed JSON only
  for (const [key, v] of Object.entries(value)) {
    if (!wellFormed(key)) out.push({ field: prefix || 'body', message: 'property names must be valid text' });
    else malformedStrings(v, prefix ? `${prefix}.${key}` : key, out, depth + 1);
  }
}

/**
 * `@IsOptional()` skips null as well as undefined, so `{ "name": null }` reached the services
 * (and the NOT NULL columns) as a 500. Here "optional" means "may be left out"; a property that
 * may be cleared says so with its own `@ValidateIf` (e.g. the location's links).
 */
function nullsForOptionals(value: unknown, prefix: string, out: FieldError[], depth = 0): void {
  if (depth > 32 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => nullsForOptionals(v, `${prefix}.${i}`, out, depth + 1));
    return;
  }
  const optional =
    value.constructor && value.constructor !== Object ? optionalOnly(value.constructor as abstract new () => unknown) : new Set<string>();
  for (const [key, v] of Object.entries(value)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (v === null && optional.has(key)) out.push({ field, message: `${key} must not be null; leave it out to keep it unchanged` });
    else nullsForOptionals(v, field, out, depth + 1);
  }
}

class EinlassValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // only what a client sent: never a socket or another object handed to a custom decorator
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const refused: FieldError[] = [];
    malformedStrings(value, metadata.type === 'param' ? (metadata.data ?? 'param') : '', refused);
    if (refused.length) throw validationFailed(refused);
    const result: unknown = await super.transform(value, metadata);
    nullsForOptionals(result, '', refused);
    if (refused.length) throw validationFailed(refused);
    return result;
  }
}

/** 422 with the offending fields; unknown properties are refused rather than silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new EinlassValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validateCustomDecorators: false,
    stopAtFirstError: true,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

/**
 * A property holding one object of a DTO class, validated as a whole: its OpenAPI schema, the
 * object check, the nested validation and the transformation into the class, in one decorator.
 */
export function NestedObject(type: new () => object, options: { optional?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    ...(options.optional ? [ApiPropertyOptional({ type }), IsOptional()] : [ApiProperty({ type })]),
    IsObject(),
    ValidateNested(),
    Type(() => type),
  );
}
