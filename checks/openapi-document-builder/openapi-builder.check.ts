import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, type RouteSpec } from '../src/docs/openapi-builder.js';

const TASK = { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } }, required: ['id', 'title'] };
const CREATE = { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] };
const ROUTES: RouteSpec[] = [
  { method: 'get', path: '/health', summary: 'Liveness', tags: ['ops'], responses: { 200: { description: 'Alive' } } },
  { method: 'post', path: '/tasks', summary: 'Create a task', tags: ['tasks'], auth: true, requestBody: CREATE, responses: { 201: { description: 'Created', schema: TASK } } },
  { method: 'get', path: '/tasks/:id', summary: 'Get a task', tags: ['tasks'], auth: true, responses: { 200: { description: 'The task', schema: TASK }, 404: { description: 'Not found' } } },
  { method: 'delete', path: '/tasks/:id', summary: 'Delete a task', tags: ['tasks'], auth: true, responses: { 204: { description: 'Deleted' }, 401: { description: 'Sign in first' } } },
  { method: 'post', path: '/projects/:projectId/tasks/:taskId/assign', summary: 'Assign', tags: ['tasks', 'assignments'], auth: true, responses: { 200: { description: 'Assigned' } } },
];
const doc = () => buildOpenApiDocument({ title: 'Task service', version: '2.0.0' }, ROUTES);
type Op = { [field: string]: unknown; responses: Record<string, unknown> };
const op = (path: string, method: string) => (doc().paths as Record<string, Record<string, Op>>)[path]?.[method];

describe('buildOpenApiDocument', () => {
  it('declares OpenAPI 3.1.0 with the given info', () => {
    expect(doc()).toMatchObject({ openapi: '3.1.0', info: { title: 'Task service', version: '2.0.0' } });
  });

  it('turns Express paths into templates and groups methods of one path', () => {
    expect(Object.keys(doc().paths).sort()).toEqual(['/health', '/projects/{projectId}/tasks/{taskId}/assign', '/tasks', '/tasks/{id}']);
    expect(Object.keys(doc().paths['/tasks/{id}'] ?? {}).sort()).toEqual(['delete', 'get']);
  });

  it('lists every path parameter as a required string parameter', () => {
    expect(op('/projects/{projectId}/tasks/{taskId}/assign', 'post')?.['parameters']).toEqual([
      { name: 'projectId', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'taskId', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(op('/health', 'get')?.['parameters'] ?? []).toEqual([]);
  });

  it('describes JSON request bodies and responses, keyed by status code strings', () => {
    const create = op('/tasks', 'post')!;
    expect(create['summary']).toBe('Create a task');
    expect(create['requestBody']).toEqual({ required: true, content: { 'application/json': { schema: CREATE } } });
    expect(create['responses']['201']).toEqual({ description: 'Created', content: { 'application/json': { schema: TASK } } });
    expect(op('/tasks/{id}', 'get')!['responses']['404']).toEqual({ description: 'Not found' });
  });

  it('adds bearer security, a 401 response and the security scheme for authenticated routes only', () => {
    expect(op('/tasks', 'post')!['security']).toEqual([{ bearerAuth: [] }]);
    expect(op('/tasks/{id}', 'get')!['responses']['401']).toEqual({ description: 'Unauthorized' });
    expect(op('/tasks/{id}', 'delete')!['responses']['401'], "a route's own 401 is kept").toEqual({ description: 'Sign in first' });
    expect(op('/health', 'get')!['security']).toBeUndefined();
    expect(op('/health', 'get')!['responses']['401']).toBeUndefined();
    expect(doc().components?.securitySchemes['bearerAuth']).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    const open = buildOpenApiDocument({ title: 't', version: '1' }, [ROUTES[0]!]);
    expect(open.components, 'no components without authenticated routes').toBeUndefined();
  });

  it('gives every operation a unique operationId and lists the tags once, sorted', () => {
    const ids = Object.values(doc().paths).flatMap((item) => Object.values(item).map((o) => (o as Op)['operationId']));
    expect(ids).toHaveLength(5);
    for (const id of ids) expect(typeof id === 'string' && id.length > 0).toBe(true);
    expect(new Set(ids).size).toBe(5);
    expect(doc().tags).toEqual([{ name: 'assignments' }, { name: 'ops' }, { name: 'tasks' }]);
    expect(op('/tasks', 'post')!['tags']).toEqual(['tasks']);
  });

  it('refuses the same method and path twice', () => {
    expect(() => buildOpenApiDocument({ title: 't', version: '1' }, [ROUTES[1]!, { ...ROUTES[1]!, summary: 'again' }])).toThrow(/\/tasks/);
    expect(() => buildOpenApiDocument({ title: 't', version: '1' }, [ROUTES[1]!, { ...ROUTES[1]!, summary: 'again' }]), 'the message names the method').toThrow(/post/i);
  });

  it('keeps operationIds unique for paths that differ only in punctuation or a parameter', () => {
    const similar: RouteSpec[] = [
      { method: 'get', path: '/tasks/:id', summary: 'a', responses: { 200: { description: 'ok' } } },
      { method: 'get', path: '/tasks/id', summary: 'b', responses: { 200: { description: 'ok' } } },
      { method: 'get', path: '/task-list', summary: 'c', responses: { 200: { description: 'ok' } } },
      { method: 'get', path: '/task/list', summary: 'd', responses: { 200: { description: 'ok' } } },
      { method: 'get', path: '/tasklist', summary: 'e', responses: { 200: { description: 'ok' } } },
    ];
    const built = buildOpenApiDocument({ title: 't', version: '1' }, similar);
    const ids = Object.values(built.paths).flatMap((item) => Object.values(item).map((o) => (o as Op)['operationId']));
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size, `operationIds: ${ids.join(', ')}`).toBe(5);
  });

  it('sorts the top-level tags by name in code-unit order (upper case before lower case)', () => {
    const routes: RouteSpec[] = [
      { method: 'get', path: '/a', summary: 'a', tags: ['beta', 'alpha'], responses: { 200: { description: 'ok' } } },
      { method: 'get', path: '/b', summary: 'b', tags: ['Zeta', 'alpha'], responses: { 200: { description: 'ok' } } },
    ];
    expect(buildOpenApiDocument({ title: 't', version: '1' }, routes).tags).toEqual([{ name: 'Zeta' }, { name: 'alpha' }, { name: 'beta' }]);
  });
});
