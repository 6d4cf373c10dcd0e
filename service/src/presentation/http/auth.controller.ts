import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { LogInCommand } from '../../application/commands/log-in.command.js';
import { RegisterUserCommand } from '../../application/commands/register-user.command.js';
import type { PublicUser } from '../../domain/user/user.entity.js';
import { UserRole } from '../../domain/user/user-role.js';
import { AuthRateLimitGuard } from './auth.guards.js';
import { loginRequest, registerRequest, type LoginRequest, type RegisterRequest } from './requests.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

/** Accounts and tokens. Rate-limited: these are the endpoints password guessers hit. */
@Controller('auth')
@UseGuards(AuthRateLimitGuard)
export class AuthController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** 201 with the new user (never the hash). Self-service accounts are always members. */
  @Post('register')
  register(@Body(new ZodValidationPipe(registerRequest)) body: RegisterRequest): Promise<PublicUser> {
    return this.commands.execute(new RegisterUserCommand(body.email, body.name, body.password, UserRole.MEMBER));
  }

  /** 200 with `{ accessToken }`, a JWT valid for 15 minutes. */
  @Post('login')
  @HttpCode(200)
  login(@Body(new ZodValidationPipe(loginRequest)) body: LoginRequest): Promise<{ accessToken: string }> {
    return this.commands.execute(new LogInCommand(body.email, body.password));
  }
}
