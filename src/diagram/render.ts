// Renders a validated diagram to an SVG string at build time. The SVG carries no colours and no
// script: every shape has a class, and the site's CSS (Diagram.astro) colours them with the theme's
// custom properties, so a diagram follows the light/dark switch like the text around it.
import type { Diagram, DiagramEdge, DiagramNode } from '../schemas/diagram.ts';

const BOX_W = 184;
const COL_GAP = 64;
const ROW_GAP = 56;
const LINE_H = 17;
const BOX_PAD_Y = 12;
const GROUP_PAD = 12;
const GROUP_LABEL_H = 18;
const MARGIN = 8;
/** Average advance of a character at the edge labels' 12px, generous so backgrounds cover the text. */
const EDGE_CHAR_W = 6.8;

interface Box {
  node: DiagramNode;
  x: number;
  y: number;
  w: number;
  h: number;
}
interface Point {
  x: number;
  y: number;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const round = (n: number): string => String(Math.round(n * 10) / 10);

/** Where the ray from a box's centre towards `toward` leaves the box. */
function exitPoint(box: Box, toward: Point): Point {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  const scale = Math.min(
    dx === 0 ? Infinity : box.w / 2 / Math.abs(dx),
    dy === 0 ? Infinity : box.h / 2 / Math.abs(dy),
  );
  return { x: cx + dx * scale, y: cy + dy * scale };
}

function centre(box: Box): Point {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
}

function lineTexts(text: string, x: number, firstY: number, cls: string): string {
  const spans = text
    .split('\n')
    .map((line, i) => `<tspan x="${round(x)}" y="${round(firstY + i * LINE_H)}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<text class="${cls}" text-anchor="middle">${spans}</text>`;
}

function renderEdge(edge: DiagramEdge, from: Box, to: Box, markerId: string, grow: (p: Point) => void): string {
  const a = centre(from);
  const b = centre(to);
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  // The control point sits `bend` pixels off the straight line, perpendicular to it.
  const control = { x: mid.x - ((b.y - a.y) / len) * edge.bend * 2, y: mid.y + ((b.x - a.x) / len) * edge.bend * 2 };
  const start = exitPoint(from, edge.bend === 0 ? b : control);
  const end = exitPoint(to, edge.bend === 0 ? a : control);
  const d =
    edge.bend === 0
      ? `M${round(start.x)} ${round(start.y)}L${round(end.x)} ${round(end.y)}`
      : `M${round(start.x)} ${round(start.y)}Q${round(control.x)} ${round(control.y)} ${round(end.x)} ${round(end.y)}`;
  // A quadratic curve passes through 1/4 start + 1/2 control + 1/4 end at its middle.
  const at =
    edge.bend === 0
      ? { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }
      : { x: (start.x + 2 * control.x + end.x) / 4, y: (start.y + 2 * control.y + end.y) / 4 };
  grow(at);
  let label = '';
  if (edge.label) {
    const lines = edge.label.split('\n');
    const w = Math.max(...lines.map((l) => l.length)) * EDGE_CHAR_W + 8;
    const h = lines.length * LINE_H + 2;
    grow({ x: at.x - w / 2, y: at.y - h / 2 });
    grow({ x: at.x + w / 2, y: at.y + h / 2 });
    label =
      `<rect class="dg-label-bg" x="${round(at.x - w / 2)}" y="${round(at.y - h / 2)}" width="${round(w)}" height="${round(h)}" rx="3"/>` +
      lineTexts(edge.label, at.x, at.y - h / 2 + LINE_H - 3, 'dg-edge-label');
  }
  const cls = edge.dashed ? 'dg-edge dg-dashed' : 'dg-edge';
  return `<g class="${cls}"><path d="${d}" marker-end="url(#${markerId})"/>${label}</g>`;
}

/** The SVG for one diagram; `name` makes its ids unique on a page that shows several. */
export function renderDiagram(name: string, diagram: Diagram): string {
  const maxLines = Math.max(...diagram.nodes.map((n) => n.label.split('\n').length));
  const boxH = BOX_PAD_Y * 2 + maxLines * LINE_H - 4;
  const boxes = new Map<string, Box>();
  for (const node of diagram.nodes) {
    boxes.set(node.id, { node, x: node.col * (BOX_W + COL_GAP), y: node.row * (boxH + ROW_GAP), w: BOX_W, h: boxH });
  }

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (p: Point) => {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  };
  for (const box of boxes.values()) {
    grow(box);
    grow({ x: box.x + box.w, y: box.y + box.h });
  }

  const groups = diagram.groups.map((group) => {
    const members = group.nodes.map((id) => boxes.get(id) as Box);
    const x = Math.min(...members.map((b) => b.x)) - GROUP_PAD;
    const y = Math.min(...members.map((b) => b.y)) - GROUP_PAD - GROUP_LABEL_H;
    const right = Math.max(...members.map((b) => b.x + b.w)) + GROUP_PAD;
    const bottom = Math.max(...members.map((b) => b.y + b.h)) + GROUP_PAD;
    grow({ x, y });
    grow({ x: right, y: bottom });
    return (
      `<g class="dg-group"><rect x="${round(x)}" y="${round(y)}" width="${round(right - x)}" height="${round(bottom - y)}" rx="10"/>` +
      `<text class="dg-group-label" x="${round(x + 10)}" y="${round(y + 14)}">${escapeXml(group.label)}</text></g>`
    );
  });

  const markerId = `dg-${name}-arrow`;
  const edges = diagram.edges.map((edge) =>
    renderEdge(edge, boxes.get(edge.from) as Box, boxes.get(edge.to) as Box, markerId, grow),
  );

  const nodes = [...boxes.values()].map((box) => {
    const lines = box.node.label.split('\n');
    const firstY = box.y + box.h / 2 - ((lines.length - 1) * LINE_H) / 2 + 4.5;
    return (
      `<g class="dg-node dg-${box.node.tone}"><rect x="${round(box.x)}" y="${round(box.y)}" width="${box.w}" height="${box.h}" rx="${box.node.tone === 'store' ? 14 : 6}"/>` +
      `${lineTexts(box.node.label, box.x + box.w / 2, firstY, 'dg-node-label')}</g>`
    );
  });

  const vx = minX - MARGIN;
  const vy = minY - MARGIN;
  const vw = maxX - minX + MARGIN * 2;
  const vh = maxY - minY + MARGIN * 2;
  const titleId = `dg-${name}-title`;
  const descId = `dg-${name}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="dg-svg" viewBox="${round(vx)} ${round(vy)} ${round(vw)} ${round(vh)}" width="${round(vw)}" height="${round(vh)}" role="img" aria-labelledby="${titleId}" aria-describedby="${descId}">` +
    `<title id="${titleId}">${escapeXml(diagram.title)}</title><desc id="${descId}">${escapeXml(diagram.description)}</desc>` +
    `<defs><marker id="${markerId}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="dg-arrowhead" d="M0 0L10 5L0 10z"/></marker></defs>` +
    groups.join('') +
    edges.join('') +
    nodes.join('') +
    `</svg>`
  );
}
