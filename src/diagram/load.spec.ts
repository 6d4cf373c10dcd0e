import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiagramSourceError, listDiagrams, loadDiagram, parseDiagramFile } from './load.ts';
import { renderDiagram } from './render.ts';

const root = path.resolve(import.meta.dirname, '../..');
const valid = {
  title: 'Two boxes',
  description: 'A minimal diagram with two boxes and one arrow between them.',
  nodes: [
    { id: 'a', label: 'A', col: 0, row: 0 },
    { id: 'b', label: 'B', col: 1, row: 0 },
  ],
  edges: [{ from: 'a', to: 'b' }],
};

describe('parseDiagramFile', () => {
  it('accepts a valid source and fills defaults', () => {
    const diagram = parseDiagramFile('x.json', JSON.stringify(valid));
    expect(diagram.nodes[0]?.tone).toBe('plain');
    expect(diagram.groups).toEqual([]);
  });

  it('names the file when the JSON does not parse', () => {
    expect(() => parseDiagramFile('src/content/diagrams/bad.json', '{ "title": ')).toThrow(
      /diagram src\/content\/diagrams\/bad\.json: not valid JSON/,
    );
  });

  it('names the file and the field of an edge to an unknown node', () => {
    const source = { ...valid, edges: [{ from: 'a', to: 'c' }] };
    expect(() => parseDiagramFile('d.json', JSON.stringify(source))).toThrow(
      /diagram d\.json:\n {2}edges\.0\.to: "c" is not a node id \(known: a, b\)/,
    );
  });

  it('rejects two nodes on one cell, a line too long for its box and an unknown field', () => {
    const source = {
      ...valid,
      colour: 'red',
      nodes: [
        { id: 'a', label: 'A label far too long to fit in a box', col: 0, row: 0 },
        { id: 'b', label: 'B', col: 0, row: 0 },
      ],
    };
    let message = '';
    try {
      parseDiagramFile('d.json', JSON.stringify(source));
    } catch (error) {
      expect(error).toBeInstanceOf(DiagramSourceError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/nodes\.0\.label: every line must be at most 24 characters/);
    expect(message).toMatch(/nodes\.1: "b" sits on column 0, row 0, where "a" already is/);
    expect(message).toMatch(/colour/);
  });

  it('rejects a source without a text alternative', () => {
    expect(() => parseDiagramFile('d.json', JSON.stringify({ ...valid, description: 'short' }))).toThrow(/description/);
  });
});

describe('the diagrams in the workbook', () => {
  it('at least eight sources, each valid and renderable', () => {
    const names = listDiagrams(root);
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) expect(renderDiagram(name, loadDiagram(root, name))).toMatch(/^<svg /);
  });

  it('a missing name says which file it looked for and what exists', () => {
    expect(() => loadDiagram(root, 'no-such-diagram')).toThrow(
      /src\/content\/diagrams\/no-such-diagram\.json does not exist; add it or use one of: .*cache-aside/,
    );
  });
});

describe('scripts/diagrams-check.ts (the build step)', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const check = (files: Record<string, string>) => {
    dir = mkdtempSync(path.join(tmpdir(), 'diagrams-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return spawnSync(process.execPath, [path.join(root, 'scripts/diagrams-check.ts')], {
      cwd: root,
      env: { ...process.env, WORKBOOK_DIAGRAMS_DIR: dir, WORKBOOK_WEEKS_DIR: 'src/content/weeks' },
      encoding: 'utf8',
    });
  };

  it('fails the build naming the malformed file', () => {
    const result = check({
      'good.json': JSON.stringify(valid),
      'broken.json': JSON.stringify({ ...valid, edges: [{ from: 'a', to: 'nowhere' }] }),
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/broken\.json:\n {2}edges\.0\.to: "nowhere" is not a node id/);
    expect(result.stderr).not.toMatch(/good\.json/);
  });

  it('fails when a chapter names a diagram that has no source', () => {
    const result = check({ 'good.json': JSON.stringify(valid) });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/src\/content\/weeks\/week-01\.mdx: <Diagram name="dependency-rule"> has no source/);
  });

  it('passes on the real sources', () => {
    dir = '';
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/diagrams-check.ts')], {
      cwd: root,
      env: { ...process.env, WORKBOOK_DIAGRAMS_DIR: '' },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/diagrams: \d+ sources valid/);
    expect(result.status).toBe(0);
  });
});
