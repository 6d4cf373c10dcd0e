export interface VersionedRecord<T> {
  id: string;
  version: number;
  data: T;
}

export type UpdateResult<T> =
  | { ok: true; record: VersionedRecord<T> }
  | { ok: false; reason: 'NOT_FOUND' | 'VERSION_CONFLICT'; current?: VersionedRecord<T> };

/** In-memory store with compare-and-set updates. */
export class VersionedStore<T extends object> {
  create(id: string, data: T): VersionedRecord<T> {
    throw new Error(`Not implemented: create (${id}, ${typeof data})`);
  }

  get(id: string): VersionedRecord<T> | undefined {
    throw new Error(`Not implemented: get (${id})`);
  }

  update(id: string, expectedVersion: number, changes: Partial<T>): UpdateResult<T> {
    throw new Error(`Not implemented: update (${id}, ${expectedVersion}, ${typeof changes})`);
  }
}

/** The ETag header value for a version: "3" */
export function etagOf(version: number): string {
  throw new Error(`Not implemented: etagOf (${version})`);
}

/** '*', the versions listed, or undefined when the header is malformed. */
export function parseIfMatch(header: string): '*' | number[] | undefined {
  throw new Error(`Not implemented: parseIfMatch (${header})`);
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
  throw new Error(`Not implemented: handleConditionalUpdate (${typeof store}, ${id}, ${ifMatch}, ${typeof changes})`);
}
