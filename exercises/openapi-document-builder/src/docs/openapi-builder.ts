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

/** Builds the OpenAPI 3.1 document describing `routes`. */
export function buildOpenApiDocument(info: { title: string; version: string }, routes: readonly RouteSpec[]): OpenApiDocument {
  throw new Error(`Not implemented: buildOpenApiDocument (${info.title}, ${routes.length} routes)`);
}
