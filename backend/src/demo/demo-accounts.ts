import type { StaffRole } from '@einlass/contracts';
import { hashPassword } from '../auth/password.js';
import { StaffUserEntity, StaffUserLocationEntity } from '../auth/staff-user.entity.js';
import { hashToken } from '../common/tokens.js';
import { DeviceEntity } from '../devices/device.entity.js';
import type { DemoSeedHooks } from './demo-seed.js';

/** The demo logins (password "demo") and device tokens listed in the README. Demo mode only. */
export const DEMO_USERS: { username: string; displayName: string; roles: StaffRole[] }[] = [
  { username: 'admin', displayName: 'Demo-Verwaltung', roles: ['admin', 'clerk', 'hotline'] },
  { username: 'clerk', displayName: 'Demo-Sachbearbeitung', roles: ['clerk'] },
  { username: 'hotline', displayName: 'Demo-Telefonservice', roles: ['hotline'] },
];
export const DEMO_PASSWORD = 'demo';
export const DEMO_DEVICES = [
  { kind: 'kiosk' as const, name: 'Eingang (Demo)', token: 'demo-kiosk' },
  { kind: 'display' as const, name: 'Wartebereich (Demo)', token: 'demo-display' },
];

export const demoSeedHooks: DemoSeedHooks = {
  async afterLocation(tx, locationId) {
    const now = new Date();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const u of DEMO_USERS) {
      const result = await tx.insert(StaffUserEntity, {
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        roles: u.roles.join(','),
        active: true,
        createdAt: now,
      });
      await tx.insert(StaffUserLocationEntity, { userId: Number(result.identifiers[0].id), locationId });
    }
    for (const d of DEMO_DEVICES) {
      await tx.insert(DeviceEntity, {
        locationId,
        kind: d.kind,
        name: d.name,
        tokenHash: hashToken(d.token),
        createdAt: now,
        lastSeenAt: null,
        revokedAt: null,
        failedCheckins: 0,
        lockedUntil: null,
        lastFailedAt: null,
      });
    }
  },
};
