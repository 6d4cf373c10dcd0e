import { describe, expect, it } from 'vitest';
import { findBreakingChanges, type BreakingChange, type EndpointContract, type FieldSpec } from '../src/api/breaking-changes.js';

const req = (type: FieldSpec['type']): FieldSpec => ({ type, required: true });
const opt = (type: FieldSpec['type']): FieldSpec => ({ type, required: false });
const createTask = (request: Record<string, FieldSpec>, response: Record<string, FieldSpec>): EndpointContract => ({
  method: 'POST', path: '/tasks', request, response,
});
const BASE = createTask(
  { title: req('string'), description: opt('string'), dueAt: opt('string') },
  { id: req('string'), title: req('string'), status: req('string'), assigneeId: opt('string') },
);
const GET_TASK: EndpointContract = { method: 'GET', path: '/tasks/:id', request: {}, response: { id: req('string') } };
const sorted = (changes: BreakingChange[]) =>
  changes.map((c) => `${c.endpoint}|${c.kind}|${c.field ?? ''}`).sort();

describe('findBreakingChanges', () => {
  it('reports nothing for identical contracts', () => {
    expect(findBreakingChanges([BASE, GET_TASK], [BASE, GET_TASK])).toEqual([]);
  });

  it('reports a removed endpoint, matching endpoints by method and path', () => {
    const moved: EndpointContract = { ...GET_TASK, method: 'POST' };
    expect(sorted(findBreakingChanges([BASE, GET_TASK], [BASE, moved]))).toEqual(['GET /tasks/:id|ENDPOINT_REMOVED|']);
  });

  it('reports request changes that demand more of an old client', () => {
    const after = createTask(
      { title: req('number'), description: req('string'), dueAt: opt('string'), projectId: req('string') },
      BASE.response,
    );
    expect(sorted(findBreakingChanges([BASE], [after]))).toEqual([
      'POST /tasks|REQUEST_FIELD_ADDED_REQUIRED|projectId',
      'POST /tasks|REQUEST_FIELD_MADE_REQUIRED|description',
      'POST /tasks|REQUEST_FIELD_TYPE_CHANGED|title',
    ]);
  });

  it('reports response changes that take away something an old client reads', () => {
    const after = createTask(BASE.request, { id: req('number'), title: opt('string'), assigneeId: opt('string') });
    expect(sorted(findBreakingChanges([BASE], [after]))).toEqual([
      'POST /tasks|RESPONSE_FIELD_MADE_OPTIONAL|title',
      'POST /tasks|RESPONSE_FIELD_REMOVED|status',
      'POST /tasks|RESPONSE_FIELD_TYPE_CHANGED|id',
    ]);
  });

  it('does not report compatible changes: new endpoints, optional inputs, removed inputs, extra outputs', () => {
    const after = createTask(
      { title: opt('string'), dueAt: opt('string'), labels: opt('array') },
      { id: req('string'), title: req('string'), status: req('string'), assigneeId: req('string'), createdAt: req('string') },
    );
    const list: EndpointContract = { method: 'GET', path: '/tasks', request: {}, response: { items: req('array') } };
    expect(findBreakingChanges([BASE, GET_TASK], [list, after, GET_TASK])).toEqual([]);
  });

  it('reports only the type change when a field changes both type and requiredness', () => {
    const after = createTask(
      { title: req('string'), description: opt('string'), dueAt: req('number') },
      { id: req('string'), title: req('string'), status: req('string'), assigneeId: opt('string') },
    );
    expect(sorted(findBreakingChanges([BASE], [after]))).toEqual(['POST /tasks|REQUEST_FIELD_TYPE_CHANGED|dueAt']);
  });
});

describe('findBreakingChanges, the other direction and exact matching', () => {
  it('reports only the type change when a response field changes both type and requiredness', () => {
    const after = createTask(BASE.request, { id: req('string'), title: opt('number'), status: req('string'), assigneeId: opt('string') });
    expect(sorted(findBreakingChanges([BASE], [after]))).toEqual(['POST /tasks|RESPONSE_FIELD_TYPE_CHANGED|title']);
  });

  it('matches paths exactly: a renamed path parameter is a removed endpoint', () => {
    const renamed: EndpointContract = { ...GET_TASK, path: '/tasks/:taskId' };
    expect(sorted(findBreakingChanges([GET_TASK], [renamed]))).toEqual(['GET /tasks/:id|ENDPOINT_REMOVED|']);
  });
});
