const error = { $ref: '#/components/schemas/Error' };
const task = { $ref: '#/components/schemas/Task' };
const bearer = [{ bearer: [] }];
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];
const failures = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: 'error', ...json(error) }]));

/** Written by hand: the contract of this service, OpenAPI 3.1. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Task service', version: '1.0.0' },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['statusCode', 'code', 'message'],
        properties: { statusCode: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' } },
      },
      User: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          email: { type: 'string' },
          name: { type: 'string' },
          createdAt: { type: 'string', format: 'date-time' },
        },
      },
      Task: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          title: { type: 'string' },
          description: { type: ['string', 'null'] },
          status: { enum: ['TODO', 'IN_PROGRESS', 'COMPLETED'] },
          creatorId: { type: 'string', format: 'uuid' },
          assigneeId: { type: ['string', 'null'], format: 'uuid' },
          createdAt: { type: 'string', format: 'date-time' },
          updatedAt: { type: 'string', format: 'date-time' },
        },
      },
    },
  },
  paths: {
    '/auth/register': {
      post: {
        requestBody: json({
          type: 'object',
          required: ['email', 'name', 'password'],
          properties: {
            email: { type: 'string' },
            name: { type: 'string' },
            password: { type: 'string', minLength: 8 },
          },
        }),
        responses: {
          '201': { description: 'the new user', ...json({ $ref: '#/components/schemas/User' }) },
          ...failures(400, 409, 429),
        },
      },
    },
    '/auth/login': {
      post: {
        requestBody: json({ type: 'object', properties: { email: { type: 'string' }, password: { type: 'string' } } }),
        responses: {
          '200': {
            description: 'a token',
            ...json({ type: 'object', properties: { accessToken: { type: 'string' } } }),
          },
          ...failures(400, 401, 429),
        },
      },
    },
    '/tasks': {
      get: {
        security: bearer,
        parameters: [
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
        ],
        responses: { '200': { description: 'a page of tasks the caller created or holds' }, ...failures(400, 401) },
      },
      post: {
        security: bearer,
        requestBody: json({
          type: 'object',
          required: ['title'],
          properties: { title: { type: 'string', minLength: 3 }, description: { type: 'string' } },
        }),
        responses: { '201': { description: 'the task', ...json(task) }, ...failures(400, 401) },
      },
    },
    '/tasks/{id}': {
      parameters: idParam,
      get: {
        security: bearer,
        responses: { '200': { description: 'the task', ...json(task) }, ...failures(401, 403, 404) },
      },
      patch: {
        security: bearer,
        responses: { '200': { description: 'the task', ...json(task) }, ...failures(400, 401, 403, 404) },
      },
      delete: { security: bearer, responses: { '204': { description: 'deleted' }, ...failures(401, 403, 404) } },
    },
    '/tasks/{id}/assign': {
      parameters: idParam,
      post: {
        security: bearer,
        responses: { '200': { description: 'the task', ...json(task) }, ...failures(400, 401, 403, 404, 409) },
      },
    },
    '/tasks/{id}/complete': {
      parameters: idParam,
      post: {
        security: bearer,
        responses: { '200': { description: 'the task', ...json(task) }, ...failures(401, 403, 404, 409) },
      },
    },
    '/health': { get: { responses: { '200': { description: 'ok' }, ...failures(503) } } },
  },
};
