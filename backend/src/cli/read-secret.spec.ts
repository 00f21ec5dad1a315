import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSecret } from './read-secret.js';

function fakeTerminal() {
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    rawModes: [] as boolean[],
    setRawMode(raw: boolean) {
      this.rawModes.push(raw);
    },
  });
  const output = new PassThrough();
  let shown = '';
  output.on('data', (c: Buffer) => (shown += c.toString()));
  return { input, output, shown: () => shown };
}

describe('readSecret', () => {
  it('reads the password typed on a terminal without echoing it', async () => {
    const t = fakeTerminal();
    const secret = readSecret('Password: ', t.input, t.output);
    t.input.write('corr');
    t.input.write('ect horse\r');
    await expect(secret).resolves.toBe('correct horse');
    expect(t.shown()).toBe('Password: \n');
    expect(t.input.rawModes).toEqual([true, false]);
  });

  it('honours backspace', async () => {
    const t = fakeTerminal();
    const secret = readSecret('Password: ', t.input, t.output);
    t.input.write('secrex\u007ft\n');
    await expect(secret).resolves.toBe('secret');
  });

  it('is cancelled by Ctrl-C and leaves raw mode', async () => {
    const t = fakeTerminal();
    const secret = readSecret('Password: ', t.input, t.output);
    t.input.write('abc\u0003');
    await expect(secret).rejects.toThrow('cancelled');
    expect(t.input.rawModes).toEqual([true, false]);
  });

  it('reads the first line from a pipe', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const secret = readSecret('Password: ', input, output);
    input.end('from-a-pipe-123\nrest');
    await expect(secret).resolves.toBe('from-a-pipe-123');
  });
});
