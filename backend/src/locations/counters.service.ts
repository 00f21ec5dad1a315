import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AdminCounterResponse, CounterResponse } from '@einlass/contracts';
import { LocationAccess } from '../auth/location-access.js';
import { conflict, notFound } from '../common/api-error.js';
import { TtlCache } from '../common/ttl-cache.js';
import { ConcernsService, sameName } from '../concerns/concerns.service.js';
import type { CounterCreateDto, CounterUpdateDto } from './counters.dto.js';
import { CountersRepository } from './counters.repository.js';
import type { CounterEntity } from './location.entity.js';
import { LocationsService } from './locations.service.js';

export type CounterWithConcerns = CounterEntity & { concernIds: number[] };

export function toAdminCounterResponse(c: CounterWithConcerns): AdminCounterResponse {
  return { id: c.id, locationId: c.locationId, name: c.name, concernIds: c.concernIds, active: c.active, sortOrder: c.sortOrder };
}

/** The counters of a location: the desk's list, the queue's lookups and the admin's editing. */
@Injectable()
export class CountersService implements OnModuleInit {
  private readonly cache = new TtlCache<number, CounterWithConcerns | null>(5_000);

  constructor(
    private readonly repo: CountersRepository,
    private readonly locations: LocationsService,
    private readonly concerns: ConcernsService,
    private readonly access: LocationAccess,
  ) {}

  onModuleInit(): void {
    this.access.resolveWith('counter', async (id) => (await this.counter(id)).locationId);
    this.access.resolveWith('anyCounter', async (id) => (await this.anyCounter(id)).locationId);
  }

  /** The active counters of the location with their concerns. */
  async list(locationId: number): Promise<CounterResponse[]> {
    const counters = await this.repo.findActive(locationId);
    const concerns = await this.repo.concernIdsByCounter(counters.map((c) => c.id));
    return counters.map((c) => ({ id: c.id, locationId: c.locationId, name: c.name, concernIds: concerns.get(c.id) ?? [] }));
  }

  /** An active counter (cached briefly), or 404. */
  async counter(id: number): Promise<CounterWithConcerns> {
    const counter = await this.cache.get(id, () => this.load(id));
    if (!counter || !counter.active) throw notFound('The counter');
    return counter;
  }

  // ----- the admin area -----

  async listForAdmin(locationId: number): Promise<AdminCounterResponse[]> {
    await this.locations.get(locationId);
    return (await this.all(locationId)).map(toAdminCounterResponse);
  }

  async create(locationId: number, dto: CounterCreateDto): Promise<AdminCounterResponse> {
    await this.locations.get(locationId);
    await this.check(locationId, dto.name, dto.concernIds);
    const all = await this.all(locationId);
    const sortOrder = all.reduce((max, c) => Math.max(max, c.sortOrder + 1), 0);
    const id = await this.repo.insert({ locationId, name: dto.name, active: true, sortOrder }, dto.concernIds);
    this.cache.clear();
    return toAdminCounterResponse(await this.anyCounter(id));
  }

  async update(id: number, dto: CounterUpdateDto): Promise<AdminCounterResponse> {
    const counter = await this.anyCounter(id);
    await this.check(counter.locationId, dto.name, dto.concernIds, id);
    const patch: { name?: string; active?: boolean; sortOrder?: number } = {};
    if (dto.name !== undefined) patch.name = dto.name;
    if (dto.active !== undefined) patch.active = dto.active;
    if (dto.sortOrder !== undefined) patch.sortOrder = dto.sortOrder;
    await this.repo.update(id, patch, dto.concernIds);
    this.cache.clear();
    return toAdminCounterResponse(await this.anyCounter(id));
  }

  /** A counter, inactive too, or 404. */
  private async anyCounter(id: number): Promise<CounterWithConcerns> {
    const c = await this.load(id);
    if (!c) throw notFound('The counter');
    return c;
  }

  private async load(id: number): Promise<CounterWithConcerns | null> {
    const c = await this.repo.findById(id);
    return c ? Object.assign(c, { concernIds: (await this.repo.concernIdsByCounter([id])).get(id) ?? [] }) : null;
  }

  /** Every counter of the location with its concerns, inactive ones too, uncached. */
  private async all(locationId: number): Promise<CounterWithConcerns[]> {
    const counters = await this.repo.findAll(locationId);
    const concerns = await this.repo.concernIdsByCounter(counters.map((c) => c.id));
    return counters.map((c) => Object.assign(c, { concernIds: concerns.get(c.id) ?? [] }));
  }

  private async check(locationId: number, name: string | undefined, concernIds: number[] | undefined, exceptId?: number): Promise<void> {
    if (concernIds?.length) await this.concerns.assertOfLocation(locationId, concernIds, 'concernIds');
    if (name !== undefined) {
      const clash = (await this.all(locationId)).find((c) => c.id !== exceptId && sameName(c.name, name));
      if (clash)
        throw conflict('conflict', 'A counter with this name exists already.', {
          fields: [{ field: 'name', message: 'a counter with this name exists already' }],
        });
    }
  }
}
