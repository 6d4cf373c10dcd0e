import { z } from 'zod';
import { taskViewSchema } from '../../application/task-view.js';
import { TaskStatus } from '../../domain/task/task-status.js';
import { UserRole } from '../../domain/user/user-role.js';
import {
  assignTaskRequest,
  createTaskRequest,
  listTasksRequest,
  loginRequest,
  registerRequest,
  updateTaskRequest,
} from './requests.js';

/*
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests, so the
 * documentation cannot drift from what the service accepts.
 */

const schema = (s: z.ZodType, io: 'input' | 'output' = 'input') => z.toJSONSchema(s, { io, unrepresentable: 'any' });

const errorBody = z.object({
  statusCode: z.number().int(),
  code: z.string().describe('Stable machine-readable code, e.g. TASK.ALREADY_COMPLETED.'),
  message: z.string(),
  details: z.unknown().optional(),
});

const publicUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(UserRole),
  createdAt: z.iso.datetime(),
});

const taskList = z.object({
  data: z.array(taskViewSchema),
  meta: z.object({ total: z.number().int(), page: z.number().int(), limit: z.number().int(), totalPages: z.number().int() }),
});

const stats = z.object({
  total: z.number().int(),
  byStatus: z.record(z.enum(TaskStatus), z.number().int()),
  overdue: z.number().int(),
});

const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
const error = (description: string) => ({ description, ...json('Error') });
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const secured = { security: [{ bearer: [] }] };
const commonErrors = { 400: error('Invalid request'), 401: error('Missing or invalid token'), 503: error('A dependency is down') };

function queryParameters(s: z.ZodObject): object[] {
  const { properties = {} } = schema(s) as { properties?: Record<string, object> };
  return Object.entries(properties).map(([name, property]) => ({ name, in: 'query', required: false, schema: property }));
}

export function buildOpenApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: { title: 'Task service', version: '1.0.0', description: 'The reference task service of Backend Workbook.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Error: schema(errorBody),
        User: schema(publicUser, 'output'),
        Task: schema(taskViewSchema, 'output'),
        TaskList: schema(taskList, 'output'),
        TaskStats: schema(stats, 'output'),
        RegisterRequest: schema(registerRequest),
        LoginRequest: schema(loginRequest),
        CreateTaskRequest: schema(createTaskRequest),
        UpdateTaskRequest: schema(updateTaskRequest),
        AssignTaskRequest: schema(assignTaskRequest),
      },
    },
    paths: {
      '/auth/register': {
        post: {
          summary: 'Create a member account',
          requestBody: json('RegisterRequest'),
          responses: { 201: { description: 'Created', ...json('User') }, 400: error('Invalid request'), 409: error('Email taken'), 429: error('Rate limited') },
        },
      },
      '/auth/login': {
        post: {
          summary: 'Get an access token (15 minutes)',
          requestBody: json('LoginRequest'),
          responses: {
            200: { description: 'Token', content: { 'application/json': { schema: { type: 'object', properties: { accessToken: { type: 'string' } } } } } },
            401: error('Wrong email or password'),
            429: error('Rate limited'),
          },
        },
      },
      '/tasks': {
        get: { summary: 'List visible tasks', ...secured, parameters: queryParameters(listTasksRequest), responses: { 200: { description: 'A page', ...json('TaskList') }, ...commonErrors } },
        post: { summary: 'Create a task', ...secured, requestBody: json('CreateTaskRequest'), responses: { 201: { description: 'Created', ...json('Task') }, ...commonErrors } },
      },
      '/tasks/stats': {
        get: { summary: 'Counts per status', ...secured, responses: { 200: { description: 'Stats', ...json('TaskStats') }, ...commonErrors } },
      },
      '/tasks/{id}': {
        get: { summary: 'One task', ...secured, parameters: [idParameter], responses: { 200: { description: 'The task', ...json('Task') }, 403: error('Not yours'), 404: error('No such task'), ...commonErrors } },
        patch: { summary: 'Change title, description or due date', ...secured, parameters: [idParameter], requestBody: json('UpdateTaskRequest'), responses: { 200: { description: 'Updated', ...json('Task') }, 403: error('Not yours'), 404: error('No such task'), ...commonErrors } },
        delete: { summary: 'Delete a task', ...secured, parameters: [idParameter], responses: { 204: { description: 'Deleted' }, 403: error('Not yours'), 404: error('No such task'), ...commonErrors } },
      },
      '/tasks/{id}/assign': {
        post: { summary: 'Assign (moves to IN_PROGRESS)', ...secured, parameters: [idParameter], requestBody: json('AssignTaskRequest'), responses: { 200: { description: 'Assigned', ...json('Task') }, 403: error('Not yours'), 404: error('No such task or user'), 409: error('Task completed'), ...commonErrors } },
      },
      '/tasks/{id}/complete': {
        post: { summary: 'Complete', ...secured, parameters: [idParameter], responses: { 200: { description: 'Completed', ...json('Task') }, 403: error('Not yours'), 404: error('No such task'), 409: error('Already completed'), ...commonErrors } },
      },
      '/health': {
        get: { summary: 'Database, cache and queue status', responses: { 200: { description: 'All up' }, 503: { description: 'Something is down' } } },
      },
    },
  };
}
