import { describe, expect, it } from 'vitest';
import { diagramSchema } from '../schemas/diagram.ts';
import { renderDiagram } from './render.ts';

const source = diagramSchema.parse({
  title: 'Write then <invalidate>',
  description: 'The handler saves to the database & then deletes the cached key, so readers reload it.',
  nodes: [
    { id: 'handler', label: 'UpdateTaskHandler', col: 0, row: 0, tone: 'accent' },
    { id: 'db', label: 'PostgreSQL\ntasks', col: 0, row: 1, tone: 'store' },
    { id: 'cache', label: 'Redis', col: 1, row: 1, tone: 'store' },
  ],
  edges: [
    { from: 'handler', to: 'db', label: '1. save' },
    { from: 'handler', to: 'cache', label: '2. del', bend: 20, dashed: true },
  ],
  groups: [{ label: 'stores', nodes: ['db', 'cache'] }],
});

describe('renderDiagram', () => {
  const svg = renderDiagram('write-path', source);

  it('is an image named by its title and described by its text alternative', () => {
    expect(svg).toMatch(
      /^<svg [^>]*role="img"[^>]*aria-labelledby="dg-write-path-title" aria-describedby="dg-write-path-desc"/,
    );
    expect(svg).toContain('<title id="dg-write-path-title">Write then &lt;invalidate&gt;</title>');
    expect(svg).toContain('<desc id="dg-write-path-desc">The handler saves to the database &amp; then deletes');
  });

  it('draws every node, edge label and group, one tspan per label line', () => {
    expect(svg.match(/<g class="dg-node /g)).toHaveLength(3);
    expect(svg).toContain('class="dg-node dg-store"');
    expect(svg).toContain('>PostgreSQL</tspan><tspan');
    expect(svg).toContain('>1. save</tspan>');
    expect(svg).toContain('<g class="dg-edge dg-dashed"><path d="M');
    expect(svg).toMatch(/<path d="M[^"]*Q/); // the bent edge is a curve
    expect(svg).toContain('class="dg-group-label"');
    expect(svg).toContain('>stores</text>');
  });

  it('carries no colour, style or script: the page CSS themes it', () => {
    expect(svg).not.toMatch(/<script|\bon[a-z]+=|style=|fill="#|stroke="#|javascript:/i);
  });

  it('keeps ids unique per diagram so several can share a page', () => {
    expect(svg).toContain('<marker id="dg-write-path-arrow"');
    expect(svg).toContain('marker-end="url(#dg-write-path-arrow)"');
    expect(renderDiagram('other', source)).not.toContain('dg-write-path');
  });

  it('fits the view box around every box, with room for the group label', () => {
    const [x, y, w, h] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map(Number) as [
      number,
      number,
      number,
      number,
    ];
    // The group's label sits inside its frame, above the boxes it surrounds.
    const group = /<g class="dg-group"><rect x="[-\d.]+" y="([-\d.]+)"/.exec(svg);
    const db = /<g class="dg-node dg-store"><rect x="[-\d.]+" y="([-\d.]+)"/.exec(svg);
    expect(Number(group?.[1])).toBeLessThan(Number(db?.[1]) - 18);
    for (const match of svg.matchAll(/<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
      const [rx, ry, rw, rh] = match.slice(1).map(Number) as [number, number, number, number];
      expect(rx).toBeGreaterThanOrEqual(x);
      expect(ry).toBeGreaterThanOrEqual(y);
      expect(rx + rw).toBeLessThanOrEqual(x + w);
      expect(ry + rh).toBeLessThanOrEqual(y + h);
    }
  });

  it('ends a straight edge on the border of its boxes, not at their centres', () => {
    // handler (0,0) above db (0,1): the arrow runs from the bottom of one box to the top of the other.
    const d = /<g class="dg-edge"><path d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)"/.exec(svg);
    const rects = [
      ...svg.matchAll(/<g class="dg-node [^"]+"><rect x="[-\d.]+" y="([-\d.]+)" width="[\d.]+" height="([\d.]+)"/g),
    ];
    const handlerBottom = Number(rects[0]?.[1]) + Number(rects[0]?.[2]);
    const dbTop = Number(rects[1]?.[1]);
    expect(Number(d?.[2])).toBeCloseTo(handlerBottom, 1);
    expect(Number(d?.[4])).toBeCloseTo(dbTop, 1);
  });
});
