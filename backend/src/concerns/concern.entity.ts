import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface ConcernTexts {
  name: string;
  notes: string;
  contactHint?: string;
}

@Entity('concern')
export class ConcernEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'integer', name: 'location_id' }) locationId: number;
  /** Name, notes and contact hint per language: { de: {...}, en: {...} }. German is always present. */
  @Column({ type: 'simple-json' }) translations: Record<string, ConcernTexts>;
  @Column({ type: 'integer', name: 'duration_slots' }) durationSlots: number;
  @Column({ type: 'boolean', name: 'online_bookable' }) onlineBookable: boolean;
  @Column({ type: 'boolean' }) active: boolean;
  @Column({ type: 'integer', name: 'sort_order' }) sortOrder: number;
}
