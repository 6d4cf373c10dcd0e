import { describe, expect, it } from 'vitest';
import { nextVersion, parseCommit, renderNotes } from '../src/release/release-notes.js';

describe('parseCommit', () => {
  it('reads type, optional scope, description and the breaking marker', () => {
    expect(parseCommit('feat(tasks): add due dates')).toEqual({ type: 'feat', scope: 'tasks', description: 'add due dates', breaking: false });
    expect(parseCommit('fix: reject empty titles')).toEqual({ type: 'fix', description: 'reject empty titles', breaking: false });
    expect(parseCommit('feat(api)!: remove the v1 endpoints')).toMatchObject({ type: 'feat', scope: 'api', breaking: true });
    expect(parseCommit('refactor: split the handler\n\nBREAKING CHANGE: the audit table is renamed')).toMatchObject({ type: 'refactor', breaking: true });
  });

  it('counts BREAKING CHANGE: only at the start of a body line, not in the header or mid-line', () => {
    expect(parseCommit('docs: explain what BREAKING CHANGE: means')).toMatchObject({ type: 'docs', breaking: false });
    expect(parseCommit('fix: a\n\nsee the BREAKING CHANGE: section of 2.0')).toMatchObject({ type: 'fix', breaking: false });
    expect(parseCommit('fix: a\n\nsome context\nBREAKING CHANGE: ids are UUIDs now')).toMatchObject({ type: 'fix', breaking: true });
  });

  it('returns undefined for messages that do not follow the format', () => {
    for (const m of ['Update stuff', 'feat add things', 'feat(): empty scope', ': no type', 'WIP']) expect(parseCommit(m), m).toBeUndefined();
  });
});

describe('nextVersion', () => {
  it('bumps major for breaking changes, minor for features, patch for fixes, resetting lower parts', () => {
    expect(nextVersion('1.4.2', ['fix: a', 'feat: b', 'feat!: c'])).toBe('2.0.0');
    expect(nextVersion('1.4.2', ['fix: a', 'feat(tasks): b', 'docs: c'])).toBe('1.5.0');
    expect(nextVersion('1.4.2', ['perf: faster list', 'chore: deps'])).toBe('1.4.3');
    expect(nextVersion('1.4.2', ['docs: readme', 'Merge branch main'])).toBe('1.4.2');
  });

  it('moves everything one level down while the major version is 0', () => {
    expect(nextVersion('0.3.1', ['feat!: new auth'])).toBe('0.4.0');
    expect(nextVersion('0.3.1', ['feat: labels'])).toBe('0.3.2');
    expect(nextVersion('0.3.1', ['fix: typo'])).toBe('0.3.2');
  });

  it('bumps for a BREAKING CHANGE footer like for "!", whatever the type', () => {
    expect(nextVersion('1.4.2', ['refactor: split the handler\n\nBREAKING CHANGE: the audit table is renamed'])).toBe('2.0.0');
    expect(nextVersion('0.3.1', ['chore: db\n\nBREAKING CHANGE: new schema'])).toBe('0.4.0');
  });

  it('rejects a current version that is not x.y.z', () => {
    expect(() => nextVersion('v1.2', ['fix: a'])).toThrow(RangeError);
  });
});

describe('renderNotes', () => {
  it('groups entries under Breaking changes, Features and Fixes, leaving out empty sections and other types', () => {
    const notes = renderNotes('2.0.0', [
      'feat(tasks): add due dates',
      'fix: reject empty titles',
      'feat(api)!: remove the v1 endpoints',
      'docs: update README',
      'perf(db): index tasks by assignee',
      'not a conventional commit',
    ]);
    expect(notes.trim().split('\n').filter((l) => l.trim() !== '')).toEqual([
      '## 2.0.0',
      '### Breaking changes',
      '- **api:** remove the v1 endpoints',
      '### Features',
      '- **tasks:** add due dates',
      '### Fixes',
      '- reject empty titles',
      '- **db:** index tasks by assignee',
    ]);
    const footer = renderNotes('3.0.0', ['refactor(db): rename the audit table\n\nBREAKING CHANGE: migrations needed', 'refactor: tidy up']);
    expect(footer.trim().split('\n').filter((l) => l.trim() !== ''), 'a breaking commit of any type is listed under Breaking changes').toEqual([
      '## 3.0.0',
      '### Breaking changes',
      '- **db:** rename the audit table',
    ]);
    const fixesOnly = renderNotes('1.0.1', ['fix: a']);
    expect(fixesOnly).not.toContain('### Features');
    expect(fixesOnly).not.toContain('### Breaking changes');
  });
});
