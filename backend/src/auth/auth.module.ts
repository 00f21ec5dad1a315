import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { StaffGuard } from './staff.guard.js';

@Module({
  controllers: [AuthController],
  providers: [AuthRepository, AuthService, StaffGuard],
  exports: [AuthService, StaffGuard],
})
export class AuthModule {}
