#!/usr/bin/env node
// Prints what a waiting-room display receives: `npm run watch:display [-- URL TOKEN]`
// (defaults: http://localhost:3000 and the demo display token).
import { io } from 'socket.io-client';

const [url = 'http://localhost:3000', token = 'demo-display'] = process.argv.slice(2);
const socket = io(`${url.replace(/\/$/, '')}/display`, { auth: { token }, transports: ['websocket'] });
socket.on('connect', () => console.log(`connected to ${url}/display`));
socket.on('connect_error', (e) => console.log(`cannot connect: ${e.message} (retrying)`));
socket.on('disconnect', (reason) => console.log(`disconnected: ${reason}`));
socket.on('snapshot', (s) =>
  console.log(`snapshot seq=${s.seq} ${s.location.name}: ${s.calls.map((c) => `${c.ticket}→${c.counter}`).join(', ') || 'no calls yet'}`),
);
socket.on('call', (c) => console.log(`call     seq=${c.seq} ${c.ticket} → ${c.counter}${c.recall ? ' (again)' : ''} at ${c.calledAt}`));
