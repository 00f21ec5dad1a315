// npm run bench [-- booking|call|history|rush|ops]  (history is left out of the default: it seeds 1 M bookings; rush takes a few minutes)  — runs the named benchmarks (default: booking and call).
const all = { booking: './booking.mjs', call: './call.mjs', history: './history.mjs', rush: './rush.mjs', ops: './ops.mjs' };
const byDefault = ['booking', 'call'];
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of names.length ? names : byDefault) {
  if (!all[name]) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(all).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== bench: ${name} ===`);
  const mod = await import(all[name]);
  await mod.run();
}
process.exit(0);
