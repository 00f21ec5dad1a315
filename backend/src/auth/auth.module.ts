import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { EventsModule } from '../events/events.module.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { LocationAccess } from './location-access.js';
import { StaffGuard } from './staff.guard.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

/** Staff: logins and sessions, staff accounts, and who may act at which location. */
@Module({
  imports: [EventsModule],
  controllers: [AuthController, UsersController],
  providers: [AuthRepository, AuthService, UsersService, LocationAccess, StaffGuard],
  exports: [AuthService, LocationAccess, StaffGuard],
})
export class AuthModule {}
