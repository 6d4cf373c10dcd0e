export interface VersionedRecord<T> {
  id: string;
  version: number;
  data: T;
}

export type UpdateResult<T> =
  | { ok: true; record: VersionedRecord<T> }
  | { ok: false; reason: 'NOT_FOUND' | 'VERSION_CONFLICT'; current?: VersionedRecord<T> };

const copy = <T>(r: VersionedRecord<T>): VersionedRecord<T> => ({ id: r.id, version: r.version, data: structuredClone(r.data) });

/** In-memory store with compare-and-set updates. */
export class VersionedStore<T extends object> {
  private readonly records = new Map<string, VersionedRecord<T>>();

  create(id: string, data: T): VersionedRecord<T> {
    const record = { id, version: 1, data: structuredClone(data) };
    this.records.set(id, record);
    return copy(record);
  }

  get(id: string): VersionedRecord<T> | undefined {
    const record = this.records.get(id);
    return record && copy(record);
  }

  update(id: string, expectedVersion: number, changes: Partial<T>): UpdateResult<T> {
    const current = this.records.get(id);
    if (!current) return { ok: false, reason: 'NOT_FOUND' };
    // Compare and set in one synchronous step: nothing can interleave between the check and the write.
    if (current.version !== expectedVersion) return { ok: false, reason: 'VERSION_CONFLICT', current: copy(current) };
    const next = { id, version: current.version + 1, data: { ...current.data, ...structuredClone(changes) } };
    this.records.set(id, next);
    return { ok: true, record: copy(next) };
  }
}

/** The ETag header value for a version: "3" */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** '*', the versions listed, or undefined when the header is malformed. */
export function parseIfMatch(header: string): '*' | number[] | undefined {
  if (header.trim() === '*') return '*';
  const versions: number[] = [];
  for (const part of header.split(',')) {
    const m = /^(?:W\/)?"(\d+)"$/.exec(part.trim());
    if (!m) return undefined;
    versions.push(Number(m[1]));
  }
  return versions;
}

export interface HttpAnswer<T> {
  status: 200 | 400 | 404 | 412 | 428;
  headers: Record<string, string>;
  body: VersionedRecord<T> | { code: string; message: string };
}

/** PATCH with If-Match: the HTTP face of the compare-and-set. */
export function handleConditionalUpdate<T extends object>(
  store: VersionedStore<T>,
  id: string,
  ifMatch: string | undefined,
  changes: Partial<T>,
): HttpAnswer<T> {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    return { status: 428, headers: {}, body: { code: 'PRECONDITION_REQUIRED', message: 'Send If-Match with the ETag you read, to avoid overwriting someone else’s change.' } };
  }
  const wanted = parseIfMatch(ifMatch);
  if (!wanted) return { status: 400, headers: {}, body: { code: 'BAD_IF_MATCH', message: `If-Match "${ifMatch}" is not a list of ETags or *` } };
  const current = store.get(id);
  if (!current) return { status: 404, headers: {}, body: { code: 'NOT_FOUND', message: `No record ${id}` } };
  if (wanted !== '*' && !wanted.includes(current.version)) {
    return { status: 412, headers: { ETag: etagOf(current.version) }, body: { code: 'VERSION_CONFLICT', message: 'The record changed since you read it; reload and reapply your change.' } };
  }
  const result = store.update(id, current.version, changes);
  if (!result.ok) {
    return { status: 412, headers: result.current ? { ETag: etagOf(result.current.version) } : {}, body: { code: 'VERSION_CONFLICT', message: 'The record changed; reload it.' } };
  }
  return { status: 200, headers: { ETag: etagOf(result.record.version) }, body: result.record };
}
