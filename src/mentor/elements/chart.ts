// Per-competency progress as an inline SVG bar chart (no chart library), with a text equivalent.
import type { CompetencyProgress } from '../cohort-table.ts';
import { competencyLabel } from '../../components/site/competency-label.ts';
import { s } from './dom.ts';

const ROW = 26;
const LABEL_W = 170;
const BAR_W = 320;

/** One horizontal bar per competency: passed / assigned across the cohort. */
export function competencyChart(data: readonly CompetencyProgress[]): SVGElement {
  const height = data.length * ROW + 8;
  const summary = data.map((d) => `${competencyLabel(d.competency)}: ${d.passed} of ${d.total} passed`).join('; ');
  const svg = s('svg', {
    viewBox: `0 0 ${LABEL_W + BAR_W + 90} ${height}`,
    width: '100%',
    role: 'img',
    'aria-label': `Progress per competency. ${summary}.`,
  });
  data.forEach((d, i) => {
    const y = i * ROW + 4;
    const width = d.total === 0 ? 0 : Math.round((d.passed / d.total) * BAR_W);
    svg.append(
      s(
        'g',
        { 'data-competency': d.competency },
        s('title', {}, `${competencyLabel(d.competency)}: ${d.passed} of ${d.total} passed`),
        s('text', { x: 0, y: y + 15 }, competencyLabel(d.competency)),
        s('rect', { class: 'bar-bg', x: LABEL_W, y, width: BAR_W, height: 18, rx: 3 }),
        s('rect', { class: 'bar', x: LABEL_W, y, width, height: 18, rx: 3 }),
        s('text', { x: LABEL_W + BAR_W + 8, y: y + 15 }, `${d.passed}/${d.total}`),
      ),
    );
  });
  return svg;
}
