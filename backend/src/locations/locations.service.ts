import { Injectable } from '@nestjs/common';
import type { CounterResponse, LocationResponse } from '@einlass/contracts';
import type { EntityManager } from 'typeorm';
import { notFound } from '../common/api-error.js';
import { TtlCache } from '../common/ttl-cache.js';
import type { CounterEntity, LocationEntity } from './location.entity.js';
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

@Injectable()
export class LocationsService {
  private readonly locationCache = new TtlCache<number, LocationEntity | null>(5_000);
  private readonly counterCache = new TtlCache<number, (CounterEntity & { concernIds: number[] }) | null>(5_000);

  constructor(private readonly repo: LocationsRepository) {}

  async list(): Promise<LocationEntity[]> {
    return this.repo.findActive();
  }

  async get(id: number): Promise<LocationEntity> {
    const location = await this.locationCache.get(id, () => this.repo.findById(id));
    if (!location || !location.active) throw notFound('The location');
    return location;
  }

  async counters(locationId: number): Promise<CounterResponse[]> {
    const counters = await this.repo.findCounters(locationId);
    const concerns = await this.repo.concernIdsByCounter(counters.map((c) => c.id));
    return counters.map((c) => ({ id: c.id, locationId: c.locationId, name: c.name, concernIds: concerns.get(c.id) ?? [] }));
  }

  async counter(id: number): Promise<CounterEntity & { concernIds: number[] }> {
    const counter = await this.counterCache.get(id, async () => {
      const c = await this.repo.findCounter(id);
      return c ? Object.assign(c, { concernIds: (await this.repo.concernIdsByCounter([id])).get(id) ?? [] }) : null;
    });
    if (!counter || !counter.active) throw notFound('The counter');
    return counter;
  }

  nextDisplaySeq(tx: EntityManager, locationId: number): Promise<number> {
    return this.repo.nextDisplaySeq(tx, locationId);
  }

  currentDisplaySeq(locationId: number): Promise<number> {
    return this.repo.currentDisplaySeq(locationId);
  }

  // ----- admin -----

  /** Every counter of the location with its concerns, inactive ones too, uncached. */
  async allCounters(locationId: number): Promise<(CounterEntity & { concernIds: number[] })[]> {
    const counters = await this.repo.findAllCounters(locationId);
    const concerns = await this.repo.concernIdsByCounter(counters.map((c) => c.id));
    return counters.map((c) => Object.assign(c, { concernIds: concerns.get(c.id) ?? [] }));
  }

  /** A counter, inactive too, or 404. */
  async anyCounter(id: number): Promise<CounterEntity & { concernIds: number[] }> {
    const c = await this.repo.findCounter(id);
    if (!c) throw notFound('The counter');
    return Object.assign(c, { concernIds: (await this.repo.concernIdsByCounter([id])).get(id) ?? [] });
  }

  async createCounter(counter: Omit<CounterEntity, 'id'>, concernIds: number[]): Promise<CounterEntity & { concernIds: number[] }> {
    const id = await this.repo.insertCounter(counter, concernIds);
    this.counterCache.clear();
    return this.anyCounter(id);
  }

  async updateCounter(id: number, patch: Partial<Pick<CounterEntity, 'name' | 'active'>>, concernIds?: number[]): Promise<CounterEntity & { concernIds: number[] }> {
    await this.repo.updateCounter(id, patch, concernIds);
    this.counterCache.clear();
    return this.anyCounter(id);
  }

  async updateLocation(id: number, patch: Partial<Omit<LocationEntity, 'id' | 'displaySeq'>>): Promise<LocationEntity> {
    await this.repo.updateLocation(id, patch);
    this.locationCache.clear();
    return this.get(id);
  }
}
