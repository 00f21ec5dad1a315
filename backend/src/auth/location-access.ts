import { Injectable, SetMetadata } from '@nestjs/common';
import type { StaffUserResponse } from '@einlass/contracts';
import { ApiError } from '../common/api-error.js';

/**
 * What a route's location is read from. `location`: the route's id is a location id; the other
 * kinds name a row whose module tells its location (registered with LocationAccess.resolveWith);
 * `body`: the request body's `locationId`.
 */
export type LocationSource = 'location' | 'counter' | 'anyCounter' | 'ticket' | 'concern' | 'exception' | 'device' | 'body';

export interface LocationScope {
  source: LocationSource;
  /** The route parameter holding the id (default `id`). */
  param: string;
}

export const LOCATION_SCOPE = 'einlass:location-scope';

/**
 * The route acts on one location, read from `source`: the StaffGuard lets only staff working
 * there through (403), after the row was found (404 otherwise).
 */
export const AtLocation = (source: LocationSource, param = 'id') => SetMetadata(LOCATION_SCOPE, { source, param } satisfies LocationScope);

type Resolver = (id: number) => Promise<number>;

/**
 * The access rule, in one place: staff act only at the locations they work at. Modules that
 * own a location-bound row register how to find its location; the StaffGuard asks here.
 */
@Injectable()
export class LocationAccess {
  private readonly resolvers = new Map<LocationSource, Resolver>([['location', async (id) => id]]);

  /** Called by the module owning the rows of `source`, at its start. */
  resolveWith(source: Exclude<LocationSource, 'location' | 'body'>, resolver: Resolver): void {
    this.resolvers.set(source, resolver);
  }

  /** The location of the row (404 from the resolver when it does not exist). */
  locationOf(source: LocationSource, id: number): Promise<number> {
    const resolver = this.resolvers.get(source === 'body' ? 'location' : source);
    if (!resolver) throw new Error(`no location resolver registered for ${source}`);
    return resolver(id);
  }

  /** Throws 403 unless the staff member works at the location. */
  require(staff: StaffUserResponse, locationId: number): void {
    if (!this.allows(staff, locationId)) throw new ApiError(403, 'forbidden', 'You do not work at this location.');
  }

  allows(staff: StaffUserResponse, locationId: number): boolean {
    return staff.locationIds.includes(locationId);
  }
}
