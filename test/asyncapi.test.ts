import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ASYNCAPI_FILE, generateAsyncApi } from '../scripts/asyncapi.mjs';
import { systemForSuite } from './support/system.js';

// contracts/asyncapi.yaml documents the socket events; it is generated from contracts/src/events.ts.

describe('the AsyncAPI document of the socket events', () => {
  it('is up to date with contracts/src/events.ts (regenerate: node scripts/asyncapi.mjs)', () => {
    expect(readFileSync(ASYNCAPI_FILE, 'utf8')).toBe(generateAsyncApi());
  });

  describe('describes what a display really receives', () => {
    const system = systemForSuite();

    it('snapshot and call match their payload schemas', async () => {
      const doc = parse(readFileSync(ASYNCAPI_FILE, 'utf8')) as {
        channels: Record<string, { address: string; messages: Record<string, { payload: object }> }>;
        components: { schemas: Record<string, object> };
      };
      const ajv = new Ajv({ strict: false, allErrors: true });
      ajv.addSchema({ $id: 'asyncapi', components: doc.components });
      const validator = (event: string) =>
        ajv.compile(
          JSON.parse(
            JSON.stringify(doc.channels.display.messages[event].payload).replaceAll('"#/components', '"asyncapi#/components'),
          ) as object,
        );
      expect(doc.channels.display.address).toBe('/display');

      const display = io(`${system.url}/display`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: { token: system.demo.displayToken },
      });
      try {
        const snapshot = await new Promise<unknown>((resolve) => display.once('snapshot', resolve));
        const checkSnapshot = validator('snapshot');
        expect(checkSnapshot(snapshot), JSON.stringify(checkSnapshot.errors)).toBe(true);

        const call = new Promise<unknown>((resolve) => display.once('call', resolve));
        const booking = await system.bookConfirmed();
        system.clock.set(new Date(new Date(booking.start).getTime() - 5 * 60_000));
        expect((await system.checkIn(booking.code)).status).toBe(200);
        expect(await system.callNext()).not.toBeNull();
        const checkCall = validator('call');
        const event = await call;
        expect(checkCall(event), JSON.stringify(checkCall.errors)).toBe(true);
      } finally {
        display.close();
      }
    });
  });
});
