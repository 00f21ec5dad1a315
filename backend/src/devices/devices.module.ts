import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { EventsModule } from '../events/events.module.js';
import { LocationsModule } from '../locations/locations.module.js';
import { DeviceGuard } from './device.guard.js';
import { DevicesController } from './devices.controller.js';
import { DevicesRepository } from './devices.repository.js';
import { DevicesService } from './devices.service.js';

@Module({
  imports: [AuthModule, EventsModule, LocationsModule],
  controllers: [DevicesController],
  providers: [DevicesRepository, DevicesService, DeviceGuard],
  exports: [DevicesService, DeviceGuard],
})
export class DevicesModule {}
