import { Injectable } from '@nestjs/common';
import type { FieldError, LocationResponse } from '@einlass/contracts';
import { notFound, validationFailed } from '../common/api-error.js';
import { minutesOfDay } from '../common/time.js';
import { TtlCache } from '../common/ttl-cache.js';
import type { Tx } from '../database/unit-of-work.js';
import type { LocationEntity } from './location.entity.js';
import type { LocationUpdateDto } from './locations.dto.js';
import { LocationsRepository } from './locations.repository.js';

export function toLocationResponse(l: LocationEntity): LocationResponse {
  return {
    id: l.id,
    name: l.name,
    address: l.address,
    timezone: l.timezone,
    contactEmail: l.contactEmail,
    hotline: { phone: l.hotlinePhone, hours: l.hotlineHours },
    admission: { beforeMinutes: l.admissionBeforeMin, afterMinutes: l.admissionAfterMin },
    activationTtlMinutes: l.activationTtlMin,
    bookingHorizonDays: l.bookingHorizonDays,
    imprintUrl: l.imprintUrl,
    privacyUrl: l.privacyUrl,
    accessibilityUrl: l.accessibilityUrl,
    retentionDays: l.retentionDays,
    reminderHours: l.reminderHours,
    fairness: {
      reservationsPerMinute: l.limitPerMinute,
      reservationsPerHour: l.limitPerHour,
      openReservationsPerClient: l.limitOpenPerClient,
      mailsPerDomainPerHour: l.limitMailsPerDomainHour,
      challengeAfter: l.challengeAfter,
      rushPerMinute: l.rushPerMinute,
    },
  };
}

/** Told after a location's settings changed (e.g. the schedule extends a longer horizon at once). */
export type LocationChangeListener = (before: LocationEntity, after: LocationEntity) => Promise<void>;

@Injectable()
export class LocationsService {
  private readonly locationCache = new TtlCache<number, LocationEntity | null>(5_000);
  private readonly listeners: LocationChangeListener[] = [];

  constructor(private readonly repo: LocationsRepository) {}

  async list(): Promise<LocationEntity[]> {
    return this.repo.findActive();
  }

  async get(id: number): Promise<LocationEntity> {
    const location = await this.locationCache.get(id, () => this.repo.findById(id));
    if (!location || !location.active) throw notFound('The location');
    return location;
  }

  nextDisplaySeq(tx: Tx, locationId: number): Promise<number> {
    return this.repo.nextDisplaySeq(tx, locationId);
  }

  currentDisplaySeq(locationId: number): Promise<number> {
    return this.repo.currentDisplaySeq(locationId);
  }

  onChange(listener: LocationChangeListener): void {
    this.listeners.push(listener);
  }

  /** The admin's settings: the fields given change, hotline hours sorted. */
  async updateSettings(locationId: number, dto: LocationUpdateDto): Promise<LocationResponse> {
    const before = await this.get(locationId);
    const fields: FieldError[] = [];
    dto.hotline?.hours?.forEach((h, i) => {
      if (minutesOfDay(h.from) >= minutesOfDay(h.to)) fields.push({ field: `hotline.hours.${i}.to`, message: 'to must be after from' });
    });
    if (fields.length) throw validationFailed(fields);
    const patch: Partial<Omit<LocationEntity, 'id' | 'displaySeq'>> = {};
    if (dto.name !== undefined) patch.name = dto.name;
    if (dto.address !== undefined) patch.address = dto.address;
    if (dto.contactEmail !== undefined) patch.contactEmail = dto.contactEmail;
    if (dto.hotline?.phone !== undefined) patch.hotlinePhone = dto.hotline.phone;
    if (dto.hotline?.hours !== undefined) {
      patch.hotlineHours = dto.hotline.hours
        .map((h) => ({ weekday: h.weekday, from: h.from, to: h.to }))
        .sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
    }
    if (dto.admission?.beforeMinutes !== undefined) patch.admissionBeforeMin = dto.admission.beforeMinutes;
    if (dto.admission?.afterMinutes !== undefined) patch.admissionAfterMin = dto.admission.afterMinutes;
    if (dto.activationTtlMinutes !== undefined) patch.activationTtlMin = dto.activationTtlMinutes;
    if (dto.retentionDays !== undefined) patch.retentionDays = dto.retentionDays;
    if (dto.reminderHours !== undefined) patch.reminderHours = dto.reminderHours;
    if (dto.bookingHorizonDays !== undefined) patch.bookingHorizonDays = dto.bookingHorizonDays;
    const f = dto.fairness;
    if (f?.reservationsPerMinute !== undefined) patch.limitPerMinute = f.reservationsPerMinute;
    if (f?.reservationsPerHour !== undefined) patch.limitPerHour = f.reservationsPerHour;
    if (f?.openReservationsPerClient !== undefined) patch.limitOpenPerClient = f.openReservationsPerClient;
    if (f?.mailsPerDomainPerHour !== undefined) patch.limitMailsPerDomainHour = f.mailsPerDomainPerHour;
    if (f?.challengeAfter !== undefined) patch.challengeAfter = f.challengeAfter;
    if (f?.rushPerMinute !== undefined) patch.rushPerMinute = f.rushPerMinute;
    if (dto.imprintUrl !== undefined) patch.imprintUrl = dto.imprintUrl;
    if (dto.privacyUrl !== undefined) patch.privacyUrl = dto.privacyUrl;
    if (dto.accessibilityUrl !== undefined) patch.accessibilityUrl = dto.accessibilityUrl;
    await this.repo.updateSettings(locationId, patch);
    this.locationCache.clear();
    const after = await this.get(locationId);
    for (const listener of this.listeners) await listener(before, after);
    return toLocationResponse(after);
  }
}
