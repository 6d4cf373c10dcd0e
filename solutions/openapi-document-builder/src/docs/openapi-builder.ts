export type JsonSchema = Record<string, unknown>;
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteSpec {
  method: HttpMethod;
  /** Express style: '/tasks/:id' */
  path: string;
  summary: string;
  tags?: string[];
  auth?: boolean;
  requestBody?: JsonSchema;
  responses: Record<number, { description: string; schema?: JsonSchema }>;
}

/** A (deliberately loose) OpenAPI 3.1 document. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string };
  paths: Record<string, Partial<Record<HttpMethod, Record<string, unknown>>>>;
  tags?: { name: string }[];
  components?: { securitySchemes: Record<string, Record<string, unknown>> };
}

const PARAM = /:([A-Za-z0-9_]+)/g;
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

/** getTasksById-style id from the method and the path words. */
function operationIdOf(method: HttpMethod, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `By-${segment.slice(1)}` : segment))
    .flatMap((segment) => segment.split(/[^A-Za-z0-9]+/))
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  return method + words.join('');
}

/** Builds the OpenAPI 3.1 document describing `routes`. */
export function buildOpenApiDocument(info: { title: string; version: string }, routes: readonly RouteSpec[]): OpenApiDocument {
  const doc: OpenApiDocument = { openapi: '3.1.0', info: { title: info.title, version: info.version }, paths: {} };
  const operationIds = new Set<string>();
  const tags = new Set<string>();
  let usesAuth = false;

  for (const route of routes) {
    const path = route.path.replace(PARAM, '{$1}');
    const item = (doc.paths[path] ??= {});
    if (item[route.method]) throw new Error(`route ${route.method.toUpperCase()} ${route.path} is defined twice`);

    let operationId = operationIdOf(route.method, route.path);
    for (let n = 2; operationIds.has(operationId); n++) operationId = `${operationIdOf(route.method, route.path)}${n}`;
    operationIds.add(operationId);

    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      responses[status] = r.schema ? { description: r.description, content: json(r.schema) } : { description: r.description };
    }
    const operation: Record<string, unknown> = { operationId, summary: route.summary, responses };
    const params = [...route.path.matchAll(PARAM)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (params.length > 0) operation['parameters'] = params;
    if (route.tags?.length) {
      operation['tags'] = [...route.tags];
      route.tags.forEach((t) => tags.add(t));
    }
    if (route.requestBody) operation['requestBody'] = { required: true, content: json(route.requestBody) };
    if (route.auth) {
      usesAuth = true;
      operation['security'] = [{ bearerAuth: [] }];
      responses['401'] ??= { description: 'Unauthorized' };
    }
    item[route.method] = operation;
  }
  if (tags.size > 0) doc.tags = [...tags].sort().map((name) => ({ name }));
  if (usesAuth) doc.components = { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } };
  return doc;
}
