import { describe, expect, it } from 'vitest';
import { VersionedStore, etagOf, handleConditionalUpdate, parseIfMatch } from '../src/api/optimistic-concurrency.js';

interface Task { title: string; description: string }
const seeded = () => {
  const store = new VersionedStore<Task>();
  store.create('t1', { title: 'Ship', description: 'v1 notes' });
  return store;
};

describe('VersionedStore', () => {
  it('creates records at version 1 and increments the version on each successful update', () => {
    const store = seeded();
    expect(store.get('t1')).toEqual({ id: 't1', version: 1, data: { title: 'Ship', description: 'v1 notes' } });
    const r = store.update('t1', 1, { title: 'Ship it' });
    expect(r).toEqual({ ok: true, record: { id: 't1', version: 2, data: { title: 'Ship it', description: 'v1 notes' } } });
  });

  it('refuses an update based on an old version, reporting the current record, and writes nothing', () => {
    const store = seeded();
    store.update('t1', 1, { title: 'Ann’s title' });
    const bob = store.update('t1', 1, { description: 'Bob’s notes' });
    expect(bob).toMatchObject({ ok: false, reason: 'VERSION_CONFLICT', current: { version: 2 } });
    expect(store.get('t1')).toEqual({ id: 't1', version: 2, data: { title: 'Ann’s title', description: 'v1 notes' } });
    expect(store.update('nope', 1, {})).toEqual({ ok: false, reason: 'NOT_FOUND' });
  });

  it('returns copies that cannot change the stored record', () => {
    const store = seeded();
    const read = store.get('t1')!;
    read.data.title = 'mutated';
    read.version = 99;
    expect(store.get('t1')).toMatchObject({ version: 1, data: { title: 'Ship' } });
  });
});

describe('VersionedStore copies', () => {
  interface Card { title: string; tags: string[] }
  it('create(), update() and a conflict return deep copies, and keep no reference to the data or changes passed in', () => {
    const store = new VersionedStore<Card>();
    const input = { title: 'Ship', tags: ['api'] };
    const created = store.create('c1', input);
    input.tags.push('changed after create');
    created.data.tags.push('changed through the created copy');
    expect(store.get('c1')?.data, 'after mutating the input and the returned record').toEqual({ title: 'Ship', tags: ['api'] });
    const changes = { tags: ['api', 'v2'] };
    const updated = store.update('c1', 1, changes);
    changes.tags.push('changed after update');
    if (updated.ok) updated.record.data.tags.push('changed through the updated copy');
    const conflict = store.update('c1', 1, { title: 'stale' });
    if (!conflict.ok) conflict.current?.data.tags.push('changed through the conflict copy');
    expect(store.get('c1'), 'nested data must not be shared with callers').toEqual({ id: 'c1', version: 2, data: { title: 'Ship', tags: ['api', 'v2'] } });
  });
});

describe('ETags and If-Match', () => {
  it('formats versions as quoted ETags and parses strong, weak, listed and * preconditions', () => {
    expect(etagOf(3)).toBe('"3"');
    expect(parseIfMatch('"3"')).toEqual([3]);
    expect(parseIfMatch('W/"4"')).toEqual([4]);
    expect(parseIfMatch('"1", W/"2" ,"7"')).toEqual([1, 2, 7]);
    expect(parseIfMatch('*')).toBe('*');
    for (const bad of ['3', '"abc"', '"3', 'W/3', '']) expect(parseIfMatch(bad), bad).toBeUndefined();
  });

  it('applies a PATCH whose If-Match names the current version and returns the new ETag', () => {
    const store = seeded();
    const answer = handleConditionalUpdate(store, 't1', '"1"', { title: 'New' });
    expect(answer.status).toBe(200);
    expect(answer.headers['ETag']).toBe('"2"');
    expect(answer.body).toMatchObject({ version: 2, data: { title: 'New' } });
    expect(handleConditionalUpdate(store, 't1', '*', { title: 'Any' }).status).toBe(200);
  });

  it('answers 412 with the current ETag for a stale If-Match, leaving the record as it was', () => {
    const store = seeded();
    handleConditionalUpdate(store, 't1', '"1"', { title: 'Ann' });
    const bob = handleConditionalUpdate(store, 't1', '"1"', { description: 'Bob' });
    expect(bob.status).toBe(412);
    expect(bob.headers['ETag']).toBe('"2"');
    expect(store.get('t1')).toMatchObject({ version: 2, data: { title: 'Ann', description: 'v1 notes' } });
  });

  it('an If-Match list applies when any of its tags is the current version, wherever it stands', () => {
    const store = seeded();
    const answer = handleConditionalUpdate(store, 't1', '"7", W/"1"', { title: 'New' });
    expect(answer.status, 'If-Match: "7", W/"1" on version 1').toBe(200);
    expect(store.get('t1')?.version).toBe(2);
  });

  it('the table decides in its order: 428 and 400 come before 404, and * on a missing record is 404', () => {
    const store = seeded();
    expect(handleConditionalUpdate(store, 'missing', undefined, { title: 'x' }).status, 'missing record, no If-Match').toBe(428);
    expect(handleConditionalUpdate(store, 'missing', 'yesterday', { title: 'x' }).status, 'missing record, malformed If-Match').toBe(400);
    expect(handleConditionalUpdate(store, 'missing', '*', { title: 'x' }).status, 'missing record, If-Match: *').toBe(404);
    expect(handleConditionalUpdate(store, 'missing', '"9"', { title: 'x' }).status, 'missing record, a version that matches nothing').toBe(404);
  });

  it('answers 428 without If-Match, 400 for a malformed one and 404 for a missing record', () => {
    const store = seeded();
    expect(handleConditionalUpdate(store, 't1', undefined, { title: 'x' }).status).toBe(428);
    expect(handleConditionalUpdate(store, 't1', 'yesterday', { title: 'x' }).status).toBe(400);
    expect(handleConditionalUpdate(store, 'missing', '"1"', { title: 'x' }).status).toBe(404);
    expect(store.get('t1')?.version, 'refused requests must not write').toBe(1);
  });
});
