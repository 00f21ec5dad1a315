import { Initial1764100000000 } from './1764100000000-Initial.js';
import { OutboxClaimToken1764200000000 } from './1764200000000-OutboxClaimToken.js';
import { Reminders1764300000000 } from './1764300000000-Reminders.js';
import { AccessibilityStatement1764400000000 } from './1764400000000-AccessibilityStatement.js';
import { EmailGuardUses1764500000000 } from './1764500000000-EmailGuardUses.js';
import { HotIndexes1765000000000 } from './1765000000000-HotIndexes.js';
import { FairBooking1765100000000 } from './1765100000000-FairBooking.js';
import { Hardening1765200000000 } from './1765200000000-Hardening.js';

/** Every migration, in order. Listed explicitly so the same build runs them on MySQL and SQLite. */
export const migrations = [
  Initial1764100000000,
  OutboxClaimToken1764200000000,
  Reminders1764300000000,
  AccessibilityStatement1764400000000,
  EmailGuardUses1764500000000,
  HotIndexes1765000000000,
  FairBooking1765100000000,
  Hardening1765200000000,
];
