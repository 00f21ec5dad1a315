import { Logger } from '@nestjs/common';
import { startSystem } from './bootstrap.js';
import { ConfigError, loadConfig, loadDotEnv } from './config/config.js';

async function main(): Promise<void> {
  let config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const system = await startSystem(config);
  const logger = new Logger('Einlass');
  // SIGTERM (systemd, docker stop, Ctrl-C): drain and exit 0; the same signal again a second
  // later ends at once (Ctrl-C reaches every process of the terminal's group, and the npm and
  // start scripts pass it on too, so copies arriving together are one request to stop).
  // Installed before the first line is printed, so a signal right after start still drains.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: draining — new requests get 503, running ones finish`);
      const first = process.hrtime.bigint();
      process.on(signal, () => {
        if (process.hrtime.bigint() - first > 1_000_000_000n) process.exit(1);
      });
      system.drain().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`shutdown failed: ${(error as Error).message}`);
          process.exit(1);
        },
      );
    });
  }
  const base = config.publicUrl;
  const demo = config.mode === 'demo';
  logger.log(
    `Einlass (${config.mode} mode, ${config.database.type}) listens on ${system.bound}${config.host === '0.0.0.0' || config.host === '::' ? ' (every interface)' : ''}`,
  );
  logger.log(`booking   ${base}/`);
  logger.log(`desk      ${base}/desk/`);
  logger.log(`display   ${base}/display/${demo ? '?token=demo-display' : ''}`);
  logger.log(`kiosk     ${base}/kiosk/${demo ? '?token=demo-kiosk' : ''}`);
  if (config.apiDocs !== 'off') logger.log(`API docs  ${base}/api/docs${config.apiDocs === 'json' ? '/openapi.json' : ''}`);
  if (demo) {
    logger.log('Demo logins: admin / clerk / hotline, password "demo"; device tokens demo-kiosk, demo-display');
    if (system.demoCodes.length) logger.log(`Demo appointments to check in at the kiosk: ${system.demoCodes.join(', ')}`);
    if (!config.smtpUrl) logger.log(`Mail is written to ${config.outboxDir}; each mail's link is printed here.`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
