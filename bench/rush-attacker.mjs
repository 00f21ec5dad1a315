// The attacker of `npm run bench -- rush`, in its own thread (its own event loop, as on its own
// machine): fires reservations from one address back to back and solves every challenge it gets.
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { httpClient } from './lib.mjs';

const { url, starts, concurrency, ip } = workerData;
const client = httpClient(url, concurrency);
const statuses = {};
let attempts = 0;
let stop = false;
parentPort.on('message', (m) => {
  if (m === 'stop') stop = true;
});

function solve(c) {
  for (let n = 0; n <= c.maxnumber; n++) {
    if (
      createHash('sha256')
        .update(c.salt + n)
        .digest('hex') === c.challenge
    ) {
      return Buffer.from(
        JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: n, salt: c.salt, signature: c.signature }),
      ).toString('base64');
    }
  }
  return null;
}

await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (!stop) {
      const n = attempts++;
      const body = {
        locationId: 1,
        concernId: 3,
        start: starts[n % starts.length],
        name: 'Bot Bot',
        email: `bot-${ip}-${n}@bot.example`,
        consent: true,
      };
      try {
        let res = await client('POST', '/api/v1/bookings', body, { 'x-forwarded-for': ip });
        if (res.status === 428)
          res = await client(
            'POST',
            '/api/v1/bookings',
            { ...body, altcha: solve(JSON.parse(res.body).challenge) },
            { 'x-forwarded-for': ip },
          );
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      } catch (e) {
        statuses[e.code ?? 'error'] = (statuses[e.code ?? 'error'] ?? 0) + 1;
      }
    }
  }),
);
parentPort.postMessage({ attempts, statuses });
