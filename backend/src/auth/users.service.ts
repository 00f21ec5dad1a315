import { Inject, Injectable } from '@nestjs/common';
import type { AdminUserResponse, StaffRole } from '@einlass/contracts';
import { ApiError, conflict, notFound, validationFailed } from '../common/api-error.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { AuthRepository } from './auth.repository.js';
import { RateLimiter } from '../common/rate-limiter.js';
import { EventsService } from '../events/events.service.js';
import { loginKeyPrefix, rolesOf, type StaffPrincipal } from './auth.service.js';
import { hashPassword } from './password.js';
import type { StaffUserEntity } from './staff-user.entity.js';
import { normalizeUsername } from './username.js';
import type { UserCreateDto, UserUpdateDto } from './users.dto.js';

function toUserResponse(u: StaffUserEntity, locationIds: number[]): AdminUserResponse {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: rolesOf(u.roles),
    locationIds,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  };
}

/**
 * Staff accounts in the admin area. An admin sees and grants only the locations they work at;
 * users of other offices are invisible (404); nobody locks themselves out.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly repo: AuthRepository,
    private readonly limiter: RateLimiter,
    private readonly events: EventsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Lifts the login delays of a user, from every address (see AuthService.login). */
  async unlock(admin: StaffPrincipal, id: number): Promise<void> {
    const { user } = await this.visibleUser(admin, id);
    await this.limiter.resetPrefix(loginKeyPrefix(user.username));
  }

  async list(admin: StaffPrincipal): Promise<AdminUserResponse[]> {
    return (await this.repo.usersAtLocations(admin.locationIds)).map(({ user, locationIds }) => toUserResponse(user, locationIds));
  }

  async create(admin: StaffPrincipal, dto: UserCreateDto): Promise<AdminUserResponse> {
    this.assertOwnLocations(admin, dto.locationIds);
    const taken = () =>
      conflict('conflict', 'This username is taken.', { fields: [{ field: 'username', message: 'this username is taken' }] });
    if (await this.usernameTaken(dto.username)) throw taken();
    let id: number;
    try {
      id = await this.repo.createUser(
        {
          username: normalizeUsername(dto.username),
          displayName: dto.displayName,
          passwordHash: await hashPassword(dto.password),
          roles: dto.roles.join(','),
          active: true,
          createdAt: this.clock.now(),
        },
        dto.locationIds,
      );
    } catch (e) {
      // two admins creating the same name at once: the unique index decides
      if (await this.usernameTaken(dto.username)) throw taken();
      throw e;
    }
    return this.response(id);
  }

  async update(admin: StaffPrincipal, id: number, dto: UserUpdateDto): Promise<AdminUserResponse> {
    const { locationIds: current } = await this.visibleUser(admin, id);
    const self = id === admin.id;
    if (self && dto.active === false) {
      throw new ApiError(422, 'validation_failed', 'You cannot deactivate yourself.', {
        fields: [{ field: 'active', message: 'you cannot deactivate yourself' }],
      });
    }
    if (self && dto.roles && !dto.roles.includes('admin')) {
      throw new ApiError(422, 'validation_failed', 'You cannot take away your own admin role.', {
        fields: [{ field: 'roles', message: 'you cannot take away your own admin role' }],
      });
    }
    let locationIds = dto.locationIds;
    if (locationIds) {
      this.assertOwnLocations(admin, locationIds);
      // locations the admin does not manage stay as they were
      locationIds = [...new Set([...locationIds, ...current.filter((l) => !admin.locationIds.includes(l))])].sort((a, b) => a - b);
      if (self && admin.locationIds.some((l) => !locationIds!.includes(l))) {
        throw validationFailed([{ field: 'locationIds', message: 'you cannot remove your own locations' }]);
      }
    }
    const patch: { displayName?: string; roles?: string; active?: boolean; passwordHash?: string } = {};
    if (dto.displayName !== undefined) patch.displayName = dto.displayName;
    if (dto.roles !== undefined) patch.roles = (dto.roles as StaffRole[]).join(',');
    if (dto.active !== undefined) patch.active = dto.active;
    if (dto.password !== undefined) patch.passwordHash = await hashPassword(dto.password);
    // deactivating or a new password ends the user's sessions, except the caller's own
    const endSessions = dto.active === false || dto.password !== undefined;
    await this.repo.updateUser(id, patch, { locationIds, endSessions, keepSessionId: self ? admin.sessionId : undefined });
    if (endSessions) this.events.disconnectUser(id, self ? admin.sessionId : undefined);
    return this.response(id);
  }

  private async usernameTaken(username: string): Promise<boolean> {
    return (await this.repo.findUserByUsername(normalizeUsername(username))) !== null;
  }

  private assertOwnLocations(admin: StaffPrincipal, locationIds: number[]): void {
    const foreign = locationIds.filter((id) => !admin.locationIds.includes(id));
    if (foreign.length)
      throw validationFailed([{ field: 'locationIds', message: `you can only grant your own locations (not ${foreign.join(', ')})` }]);
  }

  /** The user, if they share a location with the admin; 404 otherwise (other offices' staff are not visible). */
  private async visibleUser(admin: StaffPrincipal, id: number): Promise<{ user: StaffUserEntity; locationIds: number[] }> {
    const user = await this.repo.findUser(id);
    const locationIds = user ? await this.repo.locationIds(id) : [];
    if (!user || !locationIds.some((l) => admin.locationIds.includes(l))) throw notFound('The user');
    return { user, locationIds };
  }

  private async response(id: number): Promise<AdminUserResponse> {
    return toUserResponse((await this.repo.findUser(id))!, await this.repo.locationIds(id));
  }
}
