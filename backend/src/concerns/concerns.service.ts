import { Injectable } from '@nestjs/common';
import type { ConcernResponse } from '@einlass/contracts';
import { notFound } from '../common/api-error.js';
import { TtlCache } from '../common/ttl-cache.js';
import type { ConcernEntity, ConcernTexts } from './concern.entity.js';
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

@Injectable()
export class ConcernsService {
  private readonly cache = new TtlCache<number, ConcernEntity | null>(5_000);

  constructor(private readonly repo: ConcernsRepository) {}

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

  // ----- admin -----

  /** Every concern of the location, inactive ones too, uncached. */
  listAll(locationId: number): Promise<ConcernEntity[]> {
    return this.repo.findAllByLocation(locationId);
  }

  async create(concern: Omit<ConcernEntity, 'id'>): Promise<ConcernEntity> {
    const id = await this.repo.insert(concern);
    this.cache.clear();
    return this.get(id);
  }

  async update(id: number, patch: Partial<Omit<ConcernEntity, 'id' | 'locationId'>>): Promise<ConcernEntity> {
    await this.repo.update(id, patch);
    this.cache.clear();
    return this.get(id);
  }
}
