import { Logger } from '@nestjs/common';
import { startSystem } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/config.js';

async function main(): Promise<void> {
  let config;
  try {
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
  const base = config.publicUrl;
  logger.log(`Einlass (${config.mode} mode, ${config.database.type}) listens on ${system.url}`);
  logger.log(`  booking  ${base}/\n  desk     ${base}/desk/\n  display  ${base}/display/\n  kiosk    ${base}/kiosk/\n  API docs ${base}/api/docs`);
  if (config.mode === 'demo') {
    logger.log('Demo logins: admin / clerk / hotline, password "demo"; device tokens demo-kiosk, demo-display');
    if (system.demoCodes.length) logger.log(`Demo appointments to check in at the kiosk: ${system.demoCodes.join(', ')}`);
    if (!config.smtpUrl) logger.log(`Mail is written to ${config.outboxDir}; each mail's link is printed here.`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
