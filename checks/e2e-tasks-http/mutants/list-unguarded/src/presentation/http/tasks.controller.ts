import { Body, Controller, Delete, Get, HttpCode, Inject, Injectable, Param, Patch, Post, Query, Req, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { TOKEN_SERVICE, type TokenService } from '../../application/ports/token-service.port.js';
import type { HttpRequest } from './http-types.js';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AssignTaskCommand } from '../../application/commands/assign-task.command.js';
import { CompleteTaskCommand } from '../../application/commands/complete-task.command.js';
import { CreateTaskCommand } from '../../application/commands/create-task.command.js';
import { DeleteTaskCommand } from '../../application/commands/delete-task.command.js';
import { UpdateTaskCommand } from '../../application/commands/update-task.command.js';
import { GetTaskStatsQuery } from '../../application/queries/get-task-stats.query.js';
import { GetTaskQuery } from '../../application/queries/get-task.query.js';
import { ListTasksQuery, type TaskListResult } from '../../application/queries/list-tasks.query.js';
import type { TaskView } from '../../application/task-view.js';
import type { TaskStats } from '../../domain/task/task.repository.js';
import type { Actor } from '../../domain/user/actor.js';
import { CurrentActor, JwtAuthGuard } from './auth.guards.js';
import {
  assignTaskRequest,
  createTaskRequest,
  idParam,
  listTasksRequest,
  toDate,
  updateTaskRequest,
  type AssignTaskRequest,
  type CreateTaskRequest,
  type ListTasksRequest,
  type UpdateTaskRequest,
} from './requests.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

const taskId = new ZodValidationPipe(idParam);

/** The mutation: the list reads a token when there is one, and lets anonymous callers through. */
@Injectable()
class TokenIfPresentGuard implements CanActivate {
  constructor(@Inject(TOKEN_SERVICE) private readonly tokens: TokenService) {}
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    return request.headers['authorization'] === undefined || (await new JwtAuthGuard(this.tokens).canActivate(context));
  }
}

/**
 * HTTP in, commands and queries out. Controllers only translate: validate the request, build a
 * command or query with the authenticated actor, return what the handler returns.
 */
@Controller('tasks')
export class TasksController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get()
  @UseGuards(TokenIfPresentGuard)
  async list(@Query(new ZodValidationPipe(listTasksRequest)) query: ListTasksRequest, @Req() request: HttpRequest): Promise<TaskListResult> {
    if (!request.actor) return { data: [], meta: { total: 0, page: 1, limit: 20, totalPages: 0 } };
    return this.queries.execute(new ListTasksQuery(query, request.actor));
  }

  // Declared before ':id' so "stats" is not read as a task id.
  @Get('stats')
  @UseGuards(JwtAuthGuard)
  stats(@CurrentActor() actor: Actor): Promise<TaskStats> {
    return this.queries.execute(new GetTaskStatsQuery(actor));
  }

  @Get(':id')
  @UseGuards(JwtAuthGuard)
  get(@Param('id', taskId) id: string, @CurrentActor() actor: Actor): Promise<TaskView> {
    return this.queries.execute(new GetTaskQuery(id, actor));
  }

  @Post()
  @UseGuards(JwtAuthGuard)
  create(@Body(new ZodValidationPipe(createTaskRequest)) body: CreateTaskRequest, @CurrentActor() actor: Actor): Promise<TaskView> {
    return this.commands.execute(
      new CreateTaskCommand({ title: body.title, description: body.description, dueDate: toDate(body.dueDate) }, actor),
    );
  }

  @Patch(':id')
  @UseGuards(JwtAuthGuard)
  update(
    @Param('id', taskId) id: string,
    @Body(new ZodValidationPipe(updateTaskRequest)) body: UpdateTaskRequest,
    @CurrentActor() actor: Actor,
  ): Promise<TaskView> {
    const changes = { title: body.title, description: body.description, dueDate: toDate(body.dueDate) };
    return this.commands.execute(new UpdateTaskCommand(id, changes, actor));
  }

  @Post(':id/assign')
  @UseGuards(JwtAuthGuard)
  @HttpCode(200)
  assign(
    @Param('id', taskId) id: string,
    @Body(new ZodValidationPipe(assignTaskRequest)) body: AssignTaskRequest,
    @CurrentActor() actor: Actor,
  ): Promise<TaskView> {
    return this.commands.execute(new AssignTaskCommand(id, body.userId, actor));
  }

  @Post(':id/complete')
  @UseGuards(JwtAuthGuard)
  @HttpCode(200)
  complete(@Param('id', taskId) id: string, @CurrentActor() actor: Actor): Promise<TaskView> {
    return this.commands.execute(new CompleteTaskCommand(id, actor));
  }

  @Delete(':id')
  @UseGuards(JwtAuthGuard)
  @HttpCode(204)
  async remove(@Param('id', taskId) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.commands.execute(new DeleteTaskCommand(id, actor));
  }
}
