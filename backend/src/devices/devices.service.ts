import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { DeviceCreatedResponse, DeviceKind, DeviceResponse, DeviceSelfResponse } from '@einlass/contracts';
import { LocationAccess } from '../auth/location-access.js';
import { notFound } from '../common/api-error.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { hashToken, newToken } from '../common/tokens.js';
import { LocationsService } from '../locations/locations.service.js';
import type { DeviceEntity } from './device.entity.js';
import { EventsService } from '../events/events.service.js';
import { DevicesRepository } from './devices.repository.js';

export function toDeviceResponse(d: DeviceEntity): DeviceResponse {
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    locationId: d.locationId,
    createdAt: d.createdAt.toISOString(),
    lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
    revoked: d.revokedAt !== null,
    lockedUntil: d.lockedUntil?.toISOString() ?? null,
  };
}

@Injectable()
export class DevicesService implements OnModuleInit {
  constructor(
    private readonly repo: DevicesRepository,
    private readonly locations: LocationsService,
    private readonly access: LocationAccess,
    private readonly events: EventsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.access.resolveWith('device', async (id) => (await this.get(id)).locationId);
  }

  /** What a device learns about itself and its location. */
  async self(device: DeviceEntity): Promise<DeviceSelfResponse> {
    const l = await this.locations.get(device.locationId);
    return {
      id: device.id,
      kind: device.kind,
      name: device.name,
      location: { id: l.id, name: l.name, timezone: l.timezone, contactEmail: l.contactEmail },
    };
  }

  /** The admin registers a device at an (active) location. */
  async registerAt(locationId: number, kind: DeviceKind, name: string): Promise<DeviceCreatedResponse> {
    await this.locations.get(locationId);
    return this.register(locationId, kind, name);
  }

  /** The token is returned once and only its hash is kept. */
  async register(locationId: number, kind: DeviceKind, name: string, token = newToken()): Promise<DeviceCreatedResponse> {
    const now = this.clock.now();
    const device: Omit<DeviceEntity, 'id'> = {
      locationId,
      kind,
      name,
      tokenHash: hashToken(token),
      createdAt: now,
      lastSeenAt: null,
      revokedAt: null,
      failedCheckins: 0,
      lockedUntil: null,
      lastFailedAt: null,
    };
    const id = await this.repo.insert(device);
    return { ...toDeviceResponse({ ...device, id }), token };
  }

  async list(locationId: number): Promise<DeviceResponse[]> {
    return (await this.repo.listByLocation(locationId)).map(toDeviceResponse);
  }

  async get(id: number): Promise<DeviceEntity> {
    const d = await this.repo.findById(id);
    if (!d) throw notFound('The device');
    return d;
  }

  async revoke(id: number): Promise<DeviceResponse> {
    await this.repo.revoke(id, this.clock.now());
    this.events.disconnectDevice(id);
    return toDeviceResponse(await this.get(id));
  }

  /** The active device behind a bearer token, or null. Marks it seen (at most once a minute). */
  async authenticate(token: string | undefined, kind?: DeviceKind): Promise<DeviceEntity | null> {
    if (!token || token.length > 200) return null;
    const device = await this.repo.findByTokenHash(hashToken(token));
    if (!device || device.revokedAt || (kind && device.kind !== kind)) return null;
    const now = this.clock.now();
    if (!device.lastSeenAt || now.getTime() - device.lastSeenAt.getTime() > 60_000) await this.repo.touch(device.id, now);
    return device;
  }

  /**
   * Counts an unknown code on a kiosk; from the `threshold`-th in a row (forgotten `forgetMs`
   * after the last) the kiosk answers unknown codes with 429 for a delay that doubles with each
   * one, from `firstDelayMs` up to `maxDelayMs`. Returns the lock's end, or null.
   */
  async recordUnknownCode(
    id: number,
    opts: { threshold: number; forgetMs: number; firstDelayMs: number; maxDelayMs: number },
  ): Promise<Date | null> {
    const now = this.clock.now();
    const count = await this.repo.recordUnknownCode(id, now, new Date(now.getTime() - opts.forgetMs));
    if (count < opts.threshold) return null;
    const until = new Date(now.getTime() + Math.min(opts.maxDelayMs, opts.firstDelayMs * 2 ** (count - opts.threshold)));
    await this.repo.lockUntil(id, until);
    return until;
  }

  async unlock(id: number): Promise<DeviceResponse> {
    await this.repo.unlock(id);
    return toDeviceResponse(await this.get(id));
  }
}
