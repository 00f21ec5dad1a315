import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StaffUserResponse } from '@einlass/contracts';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ApiErrors, ApiJsonBody, ApiStaffAuth } from '../common/openapi.js';
import { LoginDto } from './auth.dto.js';
import { StaffUserResponseDto } from './auth.response.dto.js';
import { AuthService, SESSION_COOKIE, type StaffPrincipal } from './auth.service.js';
import { assertSameOrigin, sessionToken, Staff, StaffGuard } from './staff.guard.js';

@ApiTags('staff')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in: sets the httpOnly session cookie `einlass_session`' })
  @ApiOkResponse({
    type: StaffUserResponseDto,
    headers: { 'Set-Cookie': { description: 'einlass_session=…; HttpOnly; SameSite=Strict', schema: { type: 'string' } } },
  })
  @ApiJsonBody()
  @ApiErrors({ 401: ['unauthorized'], 429: ['rate_limited'] })
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StaffUserResponse> {
    const { token, user, expiresAt } = await this.auth.login(dto.username, dto.password, req.ip ?? 'unknown');
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.secureCookies,
      path: '/',
      expires: expiresAt,
    });
    return user;
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Log out: ends the session (if any) and clears the cookie' })
  @ApiNoContentResponse({ description: 'Logged out' })
  @ApiErrors({ 403: ['origin_refused'] })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    assertSameOrigin(req, this.config.publicUrl);
    await this.auth.logout(sessionToken(req.headers.cookie));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @UseGuards(StaffGuard)
  @ApiOperation({ summary: 'Who is logged in' })
  @ApiOkResponse({ type: StaffUserResponseDto })
  @ApiStaffAuth(false, true)
  me(@Staff() staff: StaffPrincipal): StaffUserResponse {
    const { sessionId: _sessionId, ...user } = staff;
    return user;
  }
}
