import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from './support/system.js';

// The README's integration example (examples/integration/book-appointment.ts): its types are
// generated from the live OpenAPI document with openapi-typescript, tsc checks it, and it books.

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '..');
const EXAMPLE = join(REPO, 'examples/integration/book-appointment.ts');
const WORK = join(REPO, 'test-results/integration-example');

describe('the integration example', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
  });
  afterAll(() => system?.close());

  it('is quoted in the README as it is', () => {
    expect(readFileSync(join(REPO, 'README.md'), 'utf8')).toContain(readFileSync(EXAMPLE, 'utf8').trim());
  });

  it('type-checks against types generated from the live document, and books an appointment', async () => {
    const doc = await (await fetch(`${system.url}/api/docs/openapi.json`)).json();
    writeFileSync(join(WORK, 'einlass-api.d.ts'), astToString(await openapiTS(doc)));
    copyFileSync(EXAMPLE, join(WORK, 'book-appointment.ts'));
    writeFileSync(
      join(WORK, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          types: ['node'],
          typeRoots: [join(REPO, 'node_modules/@types')],
          skipLibCheck: true,
        },
        files: ['book-appointment.ts', 'einlass-api.d.ts'],
      }),
    );
    writeFileSync(join(WORK, 'package.json'), JSON.stringify({ type: 'module' }));
    const tsc = await run(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', WORK]).catch(
      (e: { stdout: string }) => e,
    );
    expect(tsc.stdout).toBe('');

    const { stdout } = await run(process.execPath, [join(WORK, 'book-appointment.ts')], {
      env: { ...process.env, EINLASS_URL: system.url, BOOKING_EMAIL: 'integration@example.org' },
    });
    const result = JSON.parse(stdout) as { start: string; booking: { id: string; status: string; expiresAt: string } };
    expect(result.booking).toMatchObject({ status: 'reserved', id: expect.any(String) });
    // the booking is there: its activation mail went out
    const mail = await system.smtp.waitFor(
      (m) => m.headers.get('x-einlass-mail') === 'activation' && JSON.stringify(m.to).includes('integration@example.org'),
    );
    expect(mail.text).toContain('/activate?token=');
  });
});
