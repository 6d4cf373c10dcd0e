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

const keyOf = (e: EndpointContract) => `${e.method} ${e.path}`;

/** The server now demands more of the old request than it used to. */
function requestChanges(old: Record<string, FieldSpec>, next: Record<string, FieldSpec>): [BreakingKind, string][] {
  const found: [BreakingKind, string][] = [];
  for (const [field, spec] of Object.entries(next)) {
    const was = old[field];
    if (!was) {
      if (spec.required) found.push(['REQUEST_FIELD_ADDED_REQUIRED', field]);
    } else if (was.type !== spec.type) found.push(['REQUEST_FIELD_TYPE_CHANGED', field]);
    else if (!was.required && spec.required) found.push(['REQUEST_FIELD_MADE_REQUIRED', field]);
  }
  return found;
}

/** The server now promises less in the response than the old client reads. */
function responseChanges(old: Record<string, FieldSpec>, next: Record<string, FieldSpec>): [BreakingKind, string][] {
  const found: [BreakingKind, string][] = [];
  for (const [field, spec] of Object.entries(old)) {
    const now = next[field];
    if (!now) found.push(['RESPONSE_FIELD_REMOVED', field]);
    else if (now.type !== spec.type) found.push(['RESPONSE_FIELD_TYPE_CHANGED', field]);
    else if (spec.required && !now.required) found.push(['RESPONSE_FIELD_MADE_OPTIONAL', field]);
  }
  return found;
}

/** Every change from `before` to `after` that would break a client written against `before`. */
export function findBreakingChanges(before: readonly EndpointContract[], after: readonly EndpointContract[]): BreakingChange[] {
  const afterByKey = new Map(after.map((e) => [keyOf(e), e]));
  return before.flatMap((old): BreakingChange[] => {
    const endpoint = keyOf(old);
    const next = afterByKey.get(endpoint);
    if (!next) return [{ endpoint, kind: 'ENDPOINT_REMOVED' }];
    return [...requestChanges(old.request, next.request), ...responseChanges(old.response, next.response)].map(
      ([kind, field]) => ({ endpoint, kind, field }),
    );
  });
}
