import type { ValueTransformer } from 'typeorm';

/** Instants are stored as UTC epoch milliseconds (BIGINT): identical on MySQL and SQLite. */
export const epochMs: ValueTransformer = {
  to: (value: Date | null | undefined) => (value == null ? value : value.getTime()),
  from: (value: string | number | null) => (value == null ? null : new Date(Number(value))),
};

/** MySQL returns BIGINT as string; numbers we keep as numbers. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value == null ? null : Number(value)),
};
