import { Inject, Injectable } from '@nestjs/common';
import type {
  AdminConcernResponse,
  AdminCounterResponse,
  AdminUserResponse,
  FieldError,
  LocationResponse,
  OpeningHoursResponse,
  OpeningHoursRule,
  ReplanResult,
  ScheduleExceptionCreatedResponse,
  ScheduleExceptionResponse,
} from '@einlass/contracts';
import { AuthService, type StaffPrincipal } from '../auth/auth.service.js';
import { BookingsService } from '../bookings/bookings.service.js';
import { ApiError, conflict, notFound, validationFailed } from '../common/api-error.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { addDays, daysBetween, localDate, minutesOfDay } from '../common/time.js';
import type { ConcernEntity, ConcernTexts } from '../concerns/concern.entity.js';
import { ConcernsService } from '../concerns/concerns.service.js';
import type { CounterEntity, LocationEntity } from '../locations/location.entity.js';
import { LocationsService, toLocationResponse } from '../locations/locations.service.js';
import type { ScheduleExceptionEntity, SlotEntity } from '../schedule/schedule.entity.js';
import { ScheduleService } from '../schedule/schedule.service.js';
import type {
  ConcernCreateDto,
  ConcernTextsOptionalDto,
  ConcernUpdateDto,
  CounterCreateDto,
  CounterUpdateDto,
  ExceptionCreateDto,
  LocationUpdateDto,
  OpeningRuleDto,
  UserCreateDto,
  UserUpdateDto,
} from './admin.dto.js';

/** Bookings hold their seats; these do not. */
const SEATLESS = new Set(['cancelled', 'expired']);

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

export function toAdminCounterResponse(c: CounterEntity & { concernIds: number[] }): AdminCounterResponse {
  return { id: c.id, locationId: c.locationId, name: c.name, concernIds: c.concernIds, active: c.active, sortOrder: c.sortOrder };
}

export function toExceptionResponse(e: ScheduleExceptionEntity): ScheduleExceptionResponse {
  return { id: e.id, locationId: e.locationId, date: e.date, kind: e.kind, from: e.fromTime, to: e.toTime, capacity: e.capacity, note: e.note };
}

function cleanTexts(t: { name: string; notes: string; contactHint?: string }): ConcernTexts {
  const out: ConcernTexts = { name: t.name, notes: t.notes };
  if (t.contactHint) out.contactHint = t.contactHint;
  return out;
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('de') === b.trim().toLocaleLowerCase('de');

/** The office admin area: the rules behind concerns, counters, hours, closures, users and settings. */
@Injectable()
export class AdminService {
  constructor(
    private readonly locations: LocationsService,
    private readonly concerns: ConcernsService,
    private readonly schedule: ScheduleService,
    private readonly auth: AuthService,
    private readonly bookings: BookingsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // ----- concerns -----

  async listConcerns(locationId: number): Promise<AdminConcernResponse[]> {
    const location = await this.locations.get(locationId);
    return (await this.concerns.listAll(locationId)).map((c) => toAdminConcernResponse(c, location.slotMinutes));
  }

  private durationSlots(location: LocationEntity, minutes: number): number {
    if (minutes % location.slotMinutes !== 0) {
      throw validationFailed([{ field: 'durationMinutes', message: `durationMinutes must be a multiple of the slot length (${location.slotMinutes} minutes)` }]);
    }
    return minutes / location.slotMinutes;
  }

  private async assertConcernNameFree(locationId: number, name: string, exceptId?: number): Promise<void> {
    const clash = (await this.concerns.listAll(locationId)).find((c) => c.id !== exceptId && sameName(c.translations.de?.name ?? '', name));
    if (clash) throw conflict('conflict', 'A concern with this name exists already.', { fields: [{ field: 'translations.de.name', message: 'a concern with this name exists already' }] });
  }

  async createConcern(locationId: number, dto: ConcernCreateDto): Promise<AdminConcernResponse> {
    const location = await this.locations.get(locationId);
    const durationSlots = this.durationSlots(location, dto.durationMinutes);
    await this.assertConcernNameFree(locationId, dto.translations.de.name);
    const all = await this.concerns.listAll(locationId);
    const translations: Record<string, ConcernTexts> = { de: cleanTexts(dto.translations.de) };
    if (dto.translations.en) translations.en = cleanTexts(dto.translations.en);
    const created = await this.concerns.create({
      locationId,
      translations,
      durationSlots,
      onlineBookable: dto.onlineBookable,
      active: dto.active ?? true,
      sortOrder: dto.sortOrder ?? all.reduce((max, c) => Math.max(max, c.sortOrder + 1), 0),
    });
    return toAdminConcernResponse(created, location.slotMinutes);
  }

  async concernLocation(id: number): Promise<number> {
    return (await this.concerns.get(id)).locationId;
  }

  async updateConcern(id: number, dto: ConcernUpdateDto): Promise<AdminConcernResponse> {
    const concern = await this.concerns.get(id);
    const location = await this.locations.get(concern.locationId);
    const patch: Partial<Omit<ConcernEntity, 'id' | 'locationId'>> = {};
    if (dto.durationMinutes !== undefined) patch.durationSlots = this.durationSlots(location, dto.durationMinutes);
    if (dto.translations) {
      const translations = { ...concern.translations };
      if (dto.translations.de) {
        await this.assertConcernNameFree(concern.locationId, dto.translations.de.name, id);
        translations.de = cleanTexts(dto.translations.de);
      }
      if (dto.translations.en) translations.en = cleanTexts(dto.translations.en as ConcernTextsOptionalDto);
      patch.translations = translations;
    }
    if (dto.onlineBookable !== undefined) patch.onlineBookable = dto.onlineBookable;
    if (dto.active !== undefined) patch.active = dto.active;
    if (dto.sortOrder !== undefined) patch.sortOrder = dto.sortOrder;
    return toAdminConcernResponse(await this.concerns.update(id, patch), location.slotMinutes);
  }

  // ----- counters -----

  async listCounters(locationId: number): Promise<AdminCounterResponse[]> {
    await this.locations.get(locationId);
    return (await this.locations.allCounters(locationId)).map(toAdminCounterResponse);
  }

  private async checkCounter(locationId: number, name: string | undefined, concernIds: number[] | undefined, exceptId?: number): Promise<void> {
    if (concernIds?.length) {
      const ours = new Set((await this.concerns.listAll(locationId)).map((c) => c.id));
      const foreign = concernIds.filter((id) => !ours.has(id));
      if (foreign.length) throw validationFailed([{ field: 'concernIds', message: `unknown concerns for this location: ${foreign.join(', ')}` }]);
    }
    if (name !== undefined) {
      const clash = (await this.locations.allCounters(locationId)).find((c) => c.id !== exceptId && sameName(c.name, name));
      if (clash) throw conflict('conflict', 'A counter with this name exists already.', { fields: [{ field: 'name', message: 'a counter with this name exists already' }] });
    }
  }

  async createCounter(locationId: number, dto: CounterCreateDto): Promise<AdminCounterResponse> {
    await this.locations.get(locationId);
    await this.checkCounter(locationId, dto.name, dto.concernIds);
    const all = await this.locations.allCounters(locationId);
    const sortOrder = all.reduce((max, c) => Math.max(max, c.sortOrder + 1), 0);
    return toAdminCounterResponse(await this.locations.createCounter({ locationId, name: dto.name, active: true, sortOrder }, dto.concernIds));
  }

  async counterLocation(id: number): Promise<number> {
    return (await this.locations.anyCounter(id)).locationId;
  }

  async updateCounter(id: number, dto: CounterUpdateDto): Promise<AdminCounterResponse> {
    const counter = await this.locations.anyCounter(id);
    await this.checkCounter(counter.locationId, dto.name, dto.concernIds, id);
    const patch: { name?: string; active?: boolean; sortOrder?: number } = {};
    if (dto.name !== undefined) patch.name = dto.name;
    if (dto.active !== undefined) patch.active = dto.active;
    if (dto.sortOrder !== undefined) patch.sortOrder = dto.sortOrder;
    return toAdminCounterResponse(await this.locations.updateCounter(id, patch, dto.concernIds));
  }

  // ----- opening hours, exceptions, re-planning -----

  async openingHours(locationId: number): Promise<OpeningHoursRule[]> {
    await this.locations.get(locationId);
    return (await this.schedule.openingRules(locationId)).map((r) => ({ weekday: r.weekday, from: r.fromTime, to: r.toTime, capacity: r.capacity }));
  }

  async replaceOpeningHours(locationId: number, rules: OpeningRuleDto[]): Promise<OpeningHoursResponse> {
    const location = await this.locations.get(locationId);
    const fields: FieldError[] = [];
    rules.forEach((r, i) => {
      if (minutesOfDay(r.from) >= minutesOfDay(r.to)) fields.push({ field: `rules.${i}.to`, message: 'to must be after from' });
      else if (minutesOfDay(r.to) - minutesOfDay(r.from) < location.slotMinutes) fields.push({ field: `rules.${i}.to`, message: `the hours must hold at least one slot (${location.slotMinutes} minutes)` });
    });
    if (fields.length) throw validationFailed(fields);
    const sorted = [...rules].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
    await this.schedule.replaceOpeningRules(locationId, sorted.map((r) => ({ weekday: r.weekday, fromTime: r.from, toTime: r.to, capacity: r.capacity })));
    const result = await this.replan(location);
    return { rules: await this.openingHours(locationId), ...result };
  }

  async exceptions(locationId: number, from?: string, to?: string): Promise<ScheduleExceptionResponse[]> {
    const location = await this.locations.get(locationId);
    const start = from ?? localDate(this.clock.now(), location.timezone);
    const end = to ?? addDays(start, 400);
    if (end < start) throw validationFailed([{ field: 'to', message: 'to must not be before from' }]);
    if (daysBetween(start, end) > 800) throw validationFailed([{ field: 'to', message: 'the range may span at most 800 days' }]);
    const rows = await this.schedule.exceptionsBetween(locationId, start, end);
    return rows.sort((a, b) => a.date.localeCompare(b.date) || (a.fromTime ?? '').localeCompare(b.fromTime ?? '') || a.id - b.id).map(toExceptionResponse);
  }

  async addException(locationId: number, dto: ExceptionCreateDto): Promise<ScheduleExceptionCreatedResponse> {
    const location = await this.locations.get(locationId);
    const [y, m, d] = dto.date.split('-').map(Number);
    const real = new Date(Date.UTC(y, m - 1, d));
    if (real.getUTCMonth() !== m - 1 || real.getUTCDate() !== d) throw validationFailed([{ field: 'date', message: 'date is not a calendar date' }]);
    if (dto.date < localDate(this.clock.now(), location.timezone)) throw validationFailed([{ field: 'date', message: 'date must not lie in the past' }]);
    if (dto.kind === 'hours' && minutesOfDay(dto.from!) >= minutesOfDay(dto.to!)) throw validationFailed([{ field: 'to', message: 'to must be after from' }]);
    const sameDay = await this.schedule.exceptionsBetween(locationId, dto.date, dto.date);
    if (dto.kind === 'closed' && sameDay.some((e) => e.kind === 'closed')) {
      throw conflict('conflict', 'This day is closed already.', { fields: [{ field: 'date', message: 'this day is closed already' }] });
    }
    const hours = dto.kind === 'hours';
    const id = await this.schedule.addException({
      locationId,
      date: dto.date,
      kind: dto.kind,
      fromTime: hours ? dto.from! : null,
      toTime: hours ? dto.to! : null,
      capacity: hours ? dto.capacity! : null,
      note: dto.note || null,
    });
    const result = await this.replan(location, [dto.date]);
    return { exception: toExceptionResponse((await this.schedule.findException(id))!), ...result };
  }

  async exceptionLocation(id: number): Promise<number> {
    const e = await this.schedule.findException(id);
    if (!e) throw notFound('The exception');
    return e.locationId;
  }

  async deleteException(id: number): Promise<ReplanResult> {
    const e = await this.schedule.findException(id);
    if (!e) throw notFound('The exception');
    const location = await this.locations.get(e.locationId);
    await this.schedule.deleteException(id);
    return this.replan(location, [e.date]);
  }

  /**
   * Plans the materialised future days again and counts the bookings that now lie (wholly or
   * partly) outside the hours. Per run of contiguous kept slots: the bookings starting in it,
   * plus those that started before it and reach into its first slot (that slot's seats minus
   * the bookings starting there).
   */
  private async replan(location: LocationEntity, dates?: string[]): Promise<ReplanResult> {
    const { replannedDays, keptOutside } = await this.schedule.replan(location, dates);
    let bookingsOutsideHours = 0;
    const days: string[] = [];
    for (const { date, slots } of keptOutside) {
      let n = 0;
      for (const run of contiguousRuns(slots)) {
        const first = run[0];
        const startingInRun = await this.seatHoldersStarting(location.id, first.startAt, run[run.length - 1].endAt);
        const startingInFirst = await this.seatHoldersStarting(location.id, first.startAt, first.endAt);
        n += startingInRun + Math.max(0, first.booked - startingInFirst);
      }
      if (n > 0) days.push(date);
      bookingsOutsideHours += n;
    }
    return { replannedDays, bookingsOutsideHours, daysWithBookingsOutsideHours: days };
  }

  private async seatHoldersStarting(locationId: number, from: Date, to: Date): Promise<number> {
    const rows = await this.bookings.countByStatusBetween(locationId, from, to);
    return rows.filter((r) => !SEATLESS.has(r.status)).reduce((sum, r) => sum + Number(r.count), 0);
  }

  // ----- location settings -----

  async updateLocation(locationId: number, dto: LocationUpdateDto): Promise<LocationResponse> {
    const before = await this.locations.get(locationId);
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
      patch.hotlineHours = dto.hotline.hours.map((h) => ({ weekday: h.weekday, from: h.from, to: h.to })).sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
    }
    if (dto.admission?.beforeMinutes !== undefined) patch.admissionBeforeMin = dto.admission.beforeMinutes;
    if (dto.admission?.afterMinutes !== undefined) patch.admissionAfterMin = dto.admission.afterMinutes;
    if (dto.activationTtlMinutes !== undefined) patch.activationTtlMin = dto.activationTtlMinutes;
    if (dto.retentionDays !== undefined) patch.retentionDays = dto.retentionDays;
    if (dto.reminderHours !== undefined) patch.reminderHours = dto.reminderHours;
    if (dto.bookingHorizonDays !== undefined) patch.bookingHorizonDays = dto.bookingHorizonDays;
    if (dto.imprintUrl !== undefined) patch.imprintUrl = dto.imprintUrl;
    if (dto.privacyUrl !== undefined) patch.privacyUrl = dto.privacyUrl;
    if (dto.accessibilityUrl !== undefined) patch.accessibilityUrl = dto.accessibilityUrl;
    const after = await this.locations.updateLocation(locationId, patch);
    // a longer horizon is bookable at once, not only after the next hourly run
    if (after.bookingHorizonDays > before.bookingHorizonDays) await this.schedule.extendHorizon(after);
    return toLocationResponse(after);
  }

  // ----- users -----

  private toUser(u: NonNullable<Awaited<ReturnType<AuthService['findUser']>>>): AdminUserResponse {
    return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, locationIds: u.locationIds, active: u.active, createdAt: u.createdAt.toISOString() };
  }

  async listUsers(admin: StaffPrincipal): Promise<AdminUserResponse[]> {
    return (await this.auth.usersAtLocations(admin.locationIds)).map((u) => this.toUser(u));
  }

  private assertOwnLocations(admin: StaffPrincipal, locationIds: number[]): void {
    const foreign = locationIds.filter((id) => !admin.locationIds.includes(id));
    if (foreign.length) throw validationFailed([{ field: 'locationIds', message: `you can only grant your own locations (not ${foreign.join(', ')})` }]);
  }

  async createUser(admin: StaffPrincipal, dto: UserCreateDto): Promise<AdminUserResponse> {
    this.assertOwnLocations(admin, dto.locationIds);
    const taken = () => conflict('conflict', 'This username is taken.', { fields: [{ field: 'username', message: 'this username is taken' }] });
    if (await this.auth.usernameTaken(dto.username)) throw taken();
    let id: number;
    try {
      id = await this.auth.createUser(dto);
    } catch (e) {
      // two admins creating the same name at once: the unique index decides
      if (await this.auth.usernameTaken(dto.username)) throw taken();
      throw e;
    }
    return this.toUser((await this.auth.findUser(id))!);
  }

  /** The user, if they share a location with the admin; 404 otherwise (other offices' staff are not visible). */
  private async visibleUser(admin: StaffPrincipal, id: number) {
    const user = await this.auth.findUser(id);
    if (!user || !user.locationIds.some((l) => admin.locationIds.includes(l))) throw notFound('The user');
    return user;
  }

  async unlockUser(admin: StaffPrincipal, id: number): Promise<void> {
    await this.visibleUser(admin, id);
    await this.auth.unlockUser(id);
  }

  async updateUser(admin: StaffPrincipal, id: number, dto: UserUpdateDto): Promise<AdminUserResponse> {
    const user = await this.visibleUser(admin, id);
    if (id === admin.id && dto.active === false) {
      throw new ApiError(422, 'validation_failed', 'You cannot deactivate yourself.', { fields: [{ field: 'active', message: 'you cannot deactivate yourself' }] });
    }
    if (id === admin.id && dto.roles && !dto.roles.includes('admin')) {
      throw new ApiError(422, 'validation_failed', 'You cannot take away your own admin role.', { fields: [{ field: 'roles', message: 'you cannot take away your own admin role' }] });
    }
    let locationIds = dto.locationIds;
    if (locationIds) {
      this.assertOwnLocations(admin, locationIds);
      // locations the admin does not manage stay as they were
      locationIds = [...new Set([...locationIds, ...user.locationIds.filter((l) => !admin.locationIds.includes(l))])].sort((a, b) => a - b);
      if (id === admin.id && admin.locationIds.some((l) => !locationIds!.includes(l))) {
        throw validationFailed([{ field: 'locationIds', message: 'you cannot remove your own locations' }]);
      }
    }
    await this.auth.updateUser(id, { ...dto, locationIds }, id === admin.id ? admin.sessionId : undefined);
    return this.toUser((await this.auth.findUser(id))!);
  }
}

function contiguousRuns(slots: SlotEntity[]): SlotEntity[][] {
  const runs: SlotEntity[][] = [];
  for (const s of slots) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1].endAt.getTime() === s.startAt.getTime()) run.push(s);
    else runs.push([s]);
  }
  return runs;
}
