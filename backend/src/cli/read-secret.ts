import type { Readable, Writable } from 'node:stream';

/**
 * Asks for a secret on a terminal without echoing it: the typed characters never reach the
 * screen (nor a screen recording or a colleague's eyes). Without a terminal (a pipe, CI) the
 * first line of the input is read as it is.
 */
export function readSecret(
  prompt: string,
  input: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown } = process.stdin,
  output: Writable = process.stdout,
): Promise<string> {
  output.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const tty = Boolean(input.isTTY && input.setRawMode);
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.off('end', onEnd);
      if (tty) input.setRawMode!(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onEnd = () => finish();
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    if (tty) input.setRawMode!(true);
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}
