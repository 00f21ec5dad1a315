// npm run bench [-- booking|call|rush]  — runs the named benchmarks (default: all).
const all = { booking: './booking.mjs', call: './call.mjs', rush: './rush.mjs' };
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of names.length ? names : Object.keys(all)) {
  if (!all[name]) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(all).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== bench: ${name} ===`);
  const mod = await import(all[name]);
  await mod.run();
}
process.exit(0);
