import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AdminConcernResponse, ConcernResponse } from '@einlass/contracts';
import { LocationAccess } from '../auth/location-access.js';
import { conflict, notFound, validationFailed } from '../common/api-error.js';
import { TtlCache } from '../common/ttl-cache.js';
import type { LocationEntity } from '../locations/location.entity.js';
import { LocationsService } from '../locations/locations.service.js';
import type { ConcernEntity, ConcernTexts } from './concern.entity.js';
import type { ConcernCreateDto, ConcernTextsOptionalDto, ConcernUpdateDto } from './concerns.dto.js';
import { ConcernsRepository } from './concerns.repository.js';

/** The concern's texts in the language, falling back to German field by field. */
export function concernTexts(concern: ConcernEntity, language: string): ConcernTexts {
  const de = concern.translations.de;
  const other = concern.translations[language];
  return {
    name: other?.name || de.name,
    notes: other?.notes || de.notes,
    contactHint: other?.contactHint || de.contactHint,
  };
}

/** The concern's name in every language the office keeps it in, e.g. { de: …, en: … }. */
export function concernNames(concern: ConcernEntity): Record<string, string> {
  return Object.fromEntries(Object.entries(concern.translations).map(([lang, texts]) => [lang, texts.name]));
}

export function toConcernResponse(concern: ConcernEntity, language: string, slotMinutes: number): ConcernResponse {
  const texts = concernTexts(concern, language);
  const out: ConcernResponse = {
    id: concern.id,
    name: texts.name,
    notes: texts.notes,
    durationMinutes: concern.durationSlots * slotMinutes,
    onlineBookable: concern.onlineBookable,
  };
  if (!concern.onlineBookable && texts.contactHint) out.contactHint = texts.contactHint;
  return out;
}

export function toAdminConcernResponse(c: ConcernEntity, slotMinutes: number): AdminConcernResponse {
  const texts = (t: ConcernTexts | undefined) => {
    const out: { name: string; notes: string; contactHint?: string } = { name: t?.name ?? '', notes: t?.notes ?? '' };
    if (t?.contactHint) out.contactHint = t.contactHint;
    return out;
  };
  return {
    id: c.id,
    locationId: c.locationId,
    translations: { de: texts(c.translations.de), en: texts(c.translations.en) },
    durationMinutes: c.durationSlots * slotMinutes,
    onlineBookable: c.onlineBookable,
    active: c.active,
    sortOrder: c.sortOrder,
  };
}

function cleanTexts(t: { name: string; notes: string; contactHint?: string }): ConcernTexts {
  const out: ConcernTexts = { name: t.name, notes: t.notes };
  if (t.contactHint) out.contactHint = t.contactHint;
  return out;
}

/** Names compare trimmed and without case, the German way. */
export const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('de') === b.trim().toLocaleLowerCase('de');

@Injectable()
export class ConcernsService implements OnModuleInit {
  private readonly cache = new TtlCache<number, ConcernEntity | null>(5_000);

  constructor(
    private readonly repo: ConcernsRepository,
    private readonly locations: LocationsService,
    private readonly access: LocationAccess,
  ) {}

  onModuleInit(): void {
    this.access.resolveWith('concern', async (id) => (await this.get(id)).locationId);
  }

  /** What citizens see: the active concerns of the location in their language. */
  async listPublic(locationId: number, language: string): Promise<ConcernResponse[]> {
    const location = await this.locations.get(locationId);
    return (await this.listActive(locationId)).map((c) => toConcernResponse(c, language, location.slotMinutes));
  }

  private find(id: number): Promise<ConcernEntity | null> {
    return this.cache.get(id, () => this.repo.findById(id));
  }

  listActive(locationId: number): Promise<ConcernEntity[]> {
    return this.repo.findActiveByLocation(locationId);
  }

  /** An active concern of the location, or 404 — a concern of another location is unknown here. */
  async getForLocation(id: number, locationId: number): Promise<ConcernEntity> {
    const concern = await this.find(id);
    if (!concern || !concern.active || concern.locationId !== locationId) throw notFound('The concern');
    return concern;
  }

  async get(id: number): Promise<ConcernEntity> {
    const concern = await this.find(id);
    if (!concern) throw notFound('The concern');
    return concern;
  }

  async byIds(ids: number[]): Promise<Map<number, ConcernEntity>> {
    const rows = await this.repo.findByIds([...new Set(ids)]);
    return new Map(rows.map((c) => [c.id, c]));
  }

  // ----- the admin area -----

  /** Every concern of the location, inactive ones too, uncached. */
  listAll(locationId: number): Promise<ConcernEntity[]> {
    return this.repo.findAllByLocation(locationId);
  }

  async listForAdmin(locationId: number): Promise<AdminConcernResponse[]> {
    const location = await this.locations.get(locationId);
    return (await this.listAll(locationId)).map((c) => toAdminConcernResponse(c, location.slotMinutes));
  }

  async create(locationId: number, dto: ConcernCreateDto): Promise<AdminConcernResponse> {
    const location = await this.locations.get(locationId);
    const durationSlots = this.durationSlots(location, dto.durationMinutes);
    await this.assertNameFree(locationId, dto.translations.de.name);
    const all = await this.listAll(locationId);
    const translations: Record<string, ConcernTexts> = { de: cleanTexts(dto.translations.de) };
    if (dto.translations.en) translations.en = cleanTexts(dto.translations.en);
    const id = await this.repo.insert({
      locationId,
      translations,
      durationSlots,
      onlineBookable: dto.onlineBookable,
      active: dto.active ?? true,
      sortOrder: dto.sortOrder ?? all.reduce((max, c) => Math.max(max, c.sortOrder + 1), 0),
    });
    this.cache.clear();
    return toAdminConcernResponse(await this.get(id), location.slotMinutes);
  }

  async update(id: number, dto: ConcernUpdateDto): Promise<AdminConcernResponse> {
    const concern = await this.get(id);
    const location = await this.locations.get(concern.locationId);
    const patch: Partial<Omit<ConcernEntity, 'id' | 'locationId'>> = {};
    if (dto.durationMinutes !== undefined) patch.durationSlots = this.durationSlots(location, dto.durationMinutes);
    if (dto.translations) {
      const translations = { ...concern.translations };
      if (dto.translations.de) {
        await this.assertNameFree(concern.locationId, dto.translations.de.name, id);
        translations.de = cleanTexts(dto.translations.de);
      }
      if (dto.translations.en) translations.en = cleanTexts(dto.translations.en as ConcernTextsOptionalDto);
      patch.translations = translations;
    }
    if (dto.onlineBookable !== undefined) patch.onlineBookable = dto.onlineBookable;
    if (dto.active !== undefined) patch.active = dto.active;
    if (dto.sortOrder !== undefined) patch.sortOrder = dto.sortOrder;
    await this.repo.update(id, patch);
    this.cache.clear();
    return toAdminConcernResponse(await this.get(id), location.slotMinutes);
  }

  /** Throws 422 unless the concern's ids all belong to the location. */
  async assertOfLocation(locationId: number, concernIds: number[], field: string): Promise<void> {
    if (!concernIds.length) return;
    const ours = new Set((await this.listAll(locationId)).map((c) => c.id));
    const foreign = concernIds.filter((id) => !ours.has(id));
    if (foreign.length) throw validationFailed([{ field, message: `unknown concerns for this location: ${foreign.join(', ')}` }]);
  }

  private durationSlots(location: LocationEntity, minutes: number): number {
    if (minutes % location.slotMinutes !== 0) {
      throw validationFailed([
        { field: 'durationMinutes', message: `durationMinutes must be a multiple of the slot length (${location.slotMinutes} minutes)` },
      ]);
    }
    return minutes / location.slotMinutes;
  }

  private async assertNameFree(locationId: number, name: string, exceptId?: number): Promise<void> {
    const clash = (await this.listAll(locationId)).find((c) => c.id !== exceptId && sameName(c.translations.de?.name ?? '', name));
    if (clash)
      throw conflict('conflict', 'A concern with this name exists already.', {
        fields: [{ field: 'translations.de.name', message: 'a concern with this name exists already' }],
      });
  }
}
