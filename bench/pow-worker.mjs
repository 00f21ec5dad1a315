// Solves ALTCHA challenges off the load generator's event loop (as the booking page's Web Worker does in the browser).
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, challenge }) => {
  for (let n = 0; n <= challenge.maxnumber; n++) {
    if (
      createHash('sha256')
        .update(challenge.salt + n)
        .digest('hex') === challenge.challenge
    ) {
      const { algorithm, challenge: hash, salt, signature } = challenge;
      parentPort.postMessage({
        id,
        altcha: Buffer.from(JSON.stringify({ algorithm, challenge: hash, number: n, salt, signature })).toString('base64'),
      });
      return;
    }
  }
  parentPort.postMessage({ id, altcha: null });
});
