import { vi } from 'vitest';
import type * as ApiModule from '../api';

/**
 * The `../api` module for `vi.mock`: every call of the client is a `vi.fn()`, everything else
 * (ApiRequestError, helpers) stays real. vi.mock is hoisted, so a spec passes it like this:
 * `vi.mock('../api', async (importOriginal) => (await import('../testing/api-mock')).mockApiModule(importOriginal))`.
 */
export async function mockApiModule(importOriginal: <T>() => Promise<T>) {
  const actual = await importOriginal<typeof ApiModule>();
  return {
    ...actual,
    api: {
      locations: vi.fn(),
      concerns: vi.fn(),
      availability: vi.fn(),
      createBooking: vi.fn(),
      preview: vi.fn(),
      activate: vi.fn(),
      cancel: vi.fn(),
    },
  };
}
