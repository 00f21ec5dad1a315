import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { LocationsService } from '../locations/locations.service.js';
import { ScheduleService } from './schedule.service.js';

/** Keeps slots materialised up to each location's booking horizon: at start and every hour. */
@Injectable()
export class HorizonJob implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Horizon');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly locations: LocationsService,
    private readonly schedule: ScheduleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.jobs) this.timer = setInterval(() => void this.run().catch((e) => this.logger.error(e)), 3_600_000);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async run(): Promise<number> {
    let n = 0;
    for (const location of await this.locations.list()) n += await this.schedule.extendHorizon(location);
    return n;
  }
}
