import { parseArgs } from 'node:util';
import { hashPassword } from '../auth/password.js';
import { normalizeUsername } from '../auth/username.js';
import { StaffUserEntity, StaffUserLocationEntity } from '../auth/staff-user.entity.js';
import { ConfigError, loadConfig, loadDotEnv, resolveFileVariables } from '../config/config.js';
import { openDatabase } from '../database/database.js';
import { readSecret } from './read-secret.js';
import { LOCATION_DEFAULTS } from '../locations/location-defaults.js';
import { LocationEntity } from '../locations/location.entity.js';

/**
 * `npm run admin:create -- --username NAME [--name "Full Name"]` creates the first admin for
 * production, bound to every location. On an empty database it also creates the office's
 * first location (`--location "Bürgerbüro …" --email buergerbuero@… [--timezone Europe/Berlin]`),
 * which the admin then completes in the desk's admin area (address, hotline, opening hours).
 * The password is read from standard input (or EINLASS_ADMIN_PASSWORD / EINLASS_ADMIN_PASSWORD_FILE), never from the command line.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      location: { type: 'string' },
      email: { type: 'string' },
      timezone: { type: 'string' },
    },
  });
  if (values.username) values.username = normalizeUsername(values.username);
  if (!values.username || !/^[a-z0-9._-]{2,64}$/.test(values.username)) {
    throw new Error('--username is required (2–64 letters, digits, . _ -)');
  }
  loadDotEnv();
  let password = resolveFileVariables(process.env).EINLASS_ADMIN_PASSWORD;
  if (!password) {
    password = (await readSecret('Password (at least 12 characters, not shown): ')).trim();
  }
  if (password.length < 12) throw new Error('the password must have at least 12 characters');
  const config = loadConfig();
  const db = await openDatabase(config.database);
  await db.transaction(async (tx) => {
    if (await tx.findOne(StaffUserEntity, { where: { username: values.username! } }))
      throw new Error(`user ${values.username} exists already`);
    const result = await tx.insert(StaffUserEntity, {
      username: values.username!,
      displayName: values.name ?? values.username!,
      passwordHash: await hashPassword(password!),
      roles: 'admin,clerk,hotline',
      active: true,
      createdAt: new Date(),
    });
    const userId = Number(result.identifiers[0].id);
    if ((await tx.count(LocationEntity)) === 0) {
      const timezone = values.timezone ?? 'Europe/Berlin';
      if (!values.email || !/^[^@\s]+@[^@\s]+$/.test(values.email))
        throw new Error('the database has no location yet: give --location "Name" and --email office@example.org');
      Intl.DateTimeFormat('en', { timeZone: timezone });
      await tx.insert(LocationEntity, {
        name: values.location ?? 'Bürgerbüro',
        address: '',
        timezone,
        contactEmail: values.email,
        hotlinePhone: '',
        hotlineHours: [],
        ...LOCATION_DEFAULTS,
      });
      console.log(`Location "${values.location ?? 'Bürgerbüro'}" created; complete it in the desk's admin area.`);
    }
    for (const l of await tx.find(LocationEntity)) await tx.insert(StaffUserLocationEntity, { userId, locationId: l.id });
  });
  console.log(`Admin ${values.username} created.`);
  await db.close();
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `admin:create: ${(error as Error).message}`);
  process.exit(1);
});
