import { Command } from '@nestjs/cqrs';

/** Exchange an email and password for an access token. */
export class LogInCommand extends Command<{ accessToken: string }> {
  constructor(
    readonly email: string,
    readonly password: string,
  ) {
    super();
  }
}
