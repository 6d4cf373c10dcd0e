import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Res as Response,
  UseGuards,
} from '@nestjs/common';
import type { Account } from '../core/account.js';
import type { Task } from '../core/task.js';
import { BearerGuard, Caller } from './bearer.js';
import { CONTEXT, type Context } from './context.js';
import type { Res } from './http-types.js';
import { assignment, credentials, listing, newTask, read, registration, taskChange, taskId } from './input.js';
import { openApiDocument } from './openapi.js';

@Controller('auth')
export class AuthController {
  constructor(@Inject(CONTEXT) private readonly ctx: Context) {}

  @Post('register')
  register(@Body() body: unknown): Promise<Account> {
    return this.ctx.accounts.register(read(registration, body));
  }

  @Post('login')
  @HttpCode(200)
  logIn(@Body() body: unknown): Promise<{ accessToken: string }> {
    const { email, password } = read(credentials, body);
    return this.ctx.accounts.logIn(email, password);
  }
}

@Controller('tasks')
@UseGuards(BearerGuard)
export class TasksController {
  constructor(@Inject(CONTEXT) private readonly ctx: Context) {}

  @Post()
  create(@Caller() me: string, @Body() body: unknown): Promise<Task> {
    const input = read(newTask, body);
    return this.ctx.commands.create(me, input.title, input.description ?? null);
  }

  @Get()
  async list(@Caller() me: string, @Query() query: unknown) {
    const { page, limit } = read(listing, query);
    const { items, total } = await this.ctx.queries.page(me, page, limit);
    return { data: items, meta: { total, page, limit, totalPages: Math.ceil(total / limit) } };
  }

  @Get(':id')
  one(@Caller() me: string, @Param('id') id: string): Promise<Task> {
    return this.ctx.queries.one(me, taskId(id));
  }

  @Patch(':id')
  edit(@Caller() me: string, @Param('id') id: string, @Body() body: unknown): Promise<Task> {
    return this.ctx.commands.edit(me, taskId(id), read(taskChange, body));
  }

  @Post(':id/assign')
  @HttpCode(200)
  assign(@Caller() me: string, @Param('id') id: string, @Body() body: unknown): Promise<Task> {
    return this.ctx.commands.assign(me, taskId(id), read(assignment, body).userId);
  }

  @Post(':id/complete')
  @HttpCode(200)
  complete(@Caller() me: string, @Param('id') id: string): Promise<Task> {
    return this.ctx.commands.complete(me, taskId(id));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Caller() me: string, @Param('id') id: string): Promise<void> {
    await this.ctx.commands.remove(me, taskId(id));
  }
}

@Controller()
export class MetaController {
  constructor(@Inject(CONTEXT) private readonly ctx: Context) {}

  @Get('health')
  async health(@Response() res: Res): Promise<void> {
    const parts = await this.ctx.health();
    const ok = Object.values(parts).every((state) => state !== 'down');
    if (ok) res.status(200).json({ status: 'ok', ...parts });
    else
      res.status(503).json({
        statusCode: 503,
        code: 'HEALTH.DOWN',
        message: `A dependency is down: ${JSON.stringify(parts)}`,
      });
  }

  @Get('openapi.json')
  openapi(): object {
    return openApiDocument;
  }
}
