export type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'array';

export interface FieldSpec {
  type: FieldType;
  required: boolean;
}

export interface EndpointContract {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  request: Record<string, FieldSpec>;
  response: Record<string, FieldSpec>;
}

export type BreakingKind =
  | 'ENDPOINT_REMOVED'
  | 'REQUEST_FIELD_ADDED_REQUIRED'
  | 'REQUEST_FIELD_MADE_REQUIRED'
  | 'REQUEST_FIELD_TYPE_CHANGED'
  | 'RESPONSE_FIELD_REMOVED'
  | 'RESPONSE_FIELD_MADE_OPTIONAL'
  | 'RESPONSE_FIELD_TYPE_CHANGED';

export interface BreakingChange {
  /** "METHOD /path" */
  endpoint: string;
  kind: BreakingKind;
  field?: string;
}

/** Every change from `before` to `after` that would break a client written against `before`. */
export function findBreakingChanges(before: readonly EndpointContract[], after: readonly EndpointContract[]): BreakingChange[] {
  throw new Error('Not implemented: findBreakingChanges');
}
