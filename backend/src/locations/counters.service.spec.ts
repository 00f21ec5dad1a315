import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocationAccess } from '../auth/location-access.js';
import { ConcernsRepository } from '../concerns/concerns.repository.js';
import { ConcernsService } from '../concerns/concerns.service.js';
import type { Database } from '../database/database.js';
import { twoOffices } from '../demo/offices.fixture.js';
import { CountersRepository } from './counters.repository.js';
import { CountersService } from './counters.service.js';
import { LocationsRepository } from './locations.repository.js';
import { LocationsService } from './locations.service.js';

const fieldsOf = (e: unknown) => (e as { getResponse(): { fields?: { field: string; message: string }[] } }).getResponse().fields;

/** The admin's rules for concerns and counters, and how their rows tell their location (on SQLite). */
describe('ConcernsService and CountersService', () => {
  let db: Database;
  let concerns: ConcernsService;
  let counters: CountersService;
  let access: LocationAccess;
  beforeAll(async () => {
    db = await twoOffices();
    access = new LocationAccess();
    const locations = new LocationsService(new LocationsRepository(db));
    concerns = new ConcernsService(new ConcernsRepository(db), locations, access);
    counters = new CountersService(new CountersRepository(db), locations, concerns, access);
    concerns.onModuleInit();
    counters.onModuleInit();
  });
  afterAll(() => db.close());

  const texts = (name: string) => ({ de: { name, notes: '' } });

  it('takes durations in whole slots and names unique per location, whatever the case', async () => {
    await expect(concerns.create(1, { translations: texts('Neu'), durationMinutes: 20, onlineBookable: true })).rejects.toSatisfy(
      (e) => fieldsOf(e)?.[0].message === 'durationMinutes must be a multiple of the slot length (15 minutes)',
    );
    const taken = (await concerns.listAll(1))[0].translations.de.name;
    await expect(
      concerns.create(1, { translations: texts(` ${taken.toUpperCase()} `), durationMinutes: 15, onlineBookable: true }),
    ).rejects.toMatchObject({ status: 409 });
    const elsewhere = await concerns.create(2, { translations: texts(taken), durationMinutes: 30, onlineBookable: false });
    expect(elsewhere).toMatchObject({ locationId: 2, durationMinutes: 30, sortOrder: 0, active: true });
  });

  it('gives a counter only concerns of its own location', async () => {
    const foreign = (await concerns.listAll(2))[0].id;
    await expect(counters.create(1, { name: 'Schalter 9', concernIds: [1, foreign] })).rejects.toSatisfy(
      (e) => fieldsOf(e)?.[0].field === 'concernIds',
    );
    const created = await counters.create(1, { name: 'Schalter 9', concernIds: [1] });
    await expect(counters.update(created.id, { name: 'schalter 9 ' })).resolves.toMatchObject({ name: 'schalter 9 ' });
    await expect(counters.create(1, { name: 'SCHALTER 1', concernIds: [] })).rejects.toMatchObject({ status: 409 });
  });

  it('tells the location of a concern or counter, inactive ones too where the admin needs them, 404 for none', async () => {
    const counter = await counters.create(2, { name: 'Außen 1', concernIds: [] });
    expect(await access.locationOf('counter', counter.id)).toBe(2);
    await counters.update(counter.id, { active: false });
    await expect(access.locationOf('counter', counter.id)).rejects.toMatchObject({ status: 404 });
    expect(await access.locationOf('anyCounter', counter.id)).toBe(2);
    expect(await access.locationOf('concern', (await concerns.listAll(2))[0].id)).toBe(2);
    await expect(access.locationOf('concern', 9999)).rejects.toMatchObject({ status: 404 });
  });
});
