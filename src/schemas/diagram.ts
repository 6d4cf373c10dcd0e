import { z } from 'zod';

/**
 * A diagram source (src/content/diagrams/<name>.json): boxes placed on a grid, arrows between them,
 * optional labelled groups around boxes. The build renders it to inline SVG (src/diagram/render.ts);
 * nothing about it runs in the page.
 */

const idPattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Longest line a box can hold at the rendered font size (the renderer's box width is sized for it). */
export const MAX_NODE_LINE = 24;
/** Longest line of an edge label, so it stays readable between two rows. */
export const MAX_EDGE_LABEL = 28;

const lines = (max: number) =>
  z
    .string()
    .min(1)
    .refine((text) => text.split('\n').every((line) => line.length <= max), {
      message: `every line must be at most ${max} characters; break it with "\\n"`,
    });

export const diagramNodeSchema = z
  .object({
    id: z.string().regex(idPattern, 'must be kebab-case, e.g. "read-model"').describe('Id used by edges and groups'),
    label: lines(MAX_NODE_LINE).describe('Text in the box; "\\n" starts a new line (at most 3 lines)'),
    col: z.number().int().min(0).max(5).describe('Grid column, 0 on the left'),
    row: z.number().int().min(0).max(7).describe('Grid row, 0 at the top'),
    tone: z
      .enum(['plain', 'accent', 'store', 'muted'])
      .default('plain')
      .describe(
        'plain: a component; accent: the subject of the diagram; store: data at rest; muted: outside the system',
      ),
  })
  .strict();

export const diagramEdgeSchema = z
  .object({
    from: z.string().describe('Id of the node the arrow starts at'),
    to: z.string().describe('Id of the node the arrow points to'),
    label: lines(MAX_EDGE_LABEL).optional().describe('Short text on the arrow'),
    dashed: z.boolean().default(false).describe('Dashed: asynchronous, later, or "does not happen"'),
    bend: z
      .number()
      .int()
      .min(-160)
      .max(160)
      .default(0)
      .describe('Curve the arrow sideways by this many pixels (to avoid crossing a box); 0 is straight'),
  })
  .strict();

export const diagramGroupSchema = z
  .object({
    label: z.string().min(1).max(40).describe('Name of the boundary, drawn at its top left'),
    nodes: z.array(z.string()).min(1).describe('Ids of the nodes the boundary surrounds'),
  })
  .strict();

export const diagramSchema = z
  .object({
    title: z.string().min(3).max(80).describe('Short name of the diagram: the SVG <title> and the caption'),
    description: z
      .string()
      .min(40)
      .describe('Text alternative: what the diagram shows, in full sentences (SVG <desc> and the caption)'),
    nodes: z.array(diagramNodeSchema).min(2).describe('The boxes'),
    edges: z.array(diagramEdgeSchema).default([]).describe('The arrows, drawn in order'),
    groups: z.array(diagramGroupSchema).default([]).describe('Labelled boundaries around sets of nodes'),
  })
  .strict()
  .superRefine((diagram, ctx) => {
    const ids = new Set<string>();
    const cells = new Map<string, string>();
    diagram.nodes.forEach((node, i) => {
      if (ids.has(node.id))
        ctx.addIssue({ code: 'custom', path: ['nodes', i, 'id'], message: `duplicate id "${node.id}"` });
      ids.add(node.id);
      if (node.label.split('\n').length > 3) {
        ctx.addIssue({ code: 'custom', path: ['nodes', i, 'label'], message: 'at most 3 lines per box' });
      }
      const cell = `${node.col},${node.row}`;
      const taken = cells.get(cell);
      if (taken) {
        ctx.addIssue({
          code: 'custom',
          path: ['nodes', i],
          message: `"${node.id}" sits on column ${node.col}, row ${node.row}, where "${taken}" already is; move one`,
        });
      }
      cells.set(cell, node.id);
    });
    diagram.edges.forEach((edge, i) => {
      for (const end of ['from', 'to'] as const) {
        if (!ids.has(edge[end])) {
          ctx.addIssue({
            code: 'custom',
            path: ['edges', i, end],
            message: `"${edge[end]}" is not a node id (known: ${[...ids].join(', ')})`,
          });
        }
      }
      if (edge.from === edge.to)
        ctx.addIssue({ code: 'custom', path: ['edges', i], message: 'an edge needs two nodes' });
    });
    diagram.groups.forEach((group, g) => {
      group.nodes.forEach((id, i) => {
        if (!ids.has(id)) {
          ctx.addIssue({ code: 'custom', path: ['groups', g, 'nodes', i], message: `"${id}" is not a node id` });
        }
      });
    });
  });

export type DiagramSource = z.input<typeof diagramSchema>;
export type Diagram = z.output<typeof diagramSchema>;
export type DiagramNode = z.output<typeof diagramNodeSchema>;
export type DiagramEdge = z.output<typeof diagramEdgeSchema>;

/** Diagram names are file names: kebab-case, so `<Diagram name="…" />` and the file agree. */
export const diagramNameSchema = z.string().regex(idPattern, 'must be kebab-case, e.g. "transactional-outbox"');
