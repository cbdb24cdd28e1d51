// The timeline over a 100k-event log built by dispatching real commands (sagas off): first render and zoom
// steps, layout maths plus drawing the SVG, against a 16 ms frame budget. Why raw DOM and not the Svelte
// component: the bench page is served without the Svelte plugin; the DOM written is what the component writes.
import { zoomIdentity } from 'd3-zoom';
import { buildTimelineIndex } from '../../src/visualization/timelineIndex.ts';
import {
  layoutLanes,
  layoutTimeline,
  positionScale,
  type TimelineLayout,
} from '../../src/visualization/timelineLayout.ts';
import { largeLog } from '../../src/visualization/sampleLogs.ts';
import type { BenchContext, Row } from '../types.ts';

const EVENTS = 100_000;
const WIDTH = 1100;
const FRAME_MS = 16;
const NS = 'http://www.w3.org/2000/svg';

function draw(svg: SVGSVGElement, layout: TimelineLayout): void {
  svg.replaceChildren();
  const add = (name: string, attrs: Record<string, string | number>) => {
    const node = document.createElementNS(NS, name);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
    svg.appendChild(node);
  };
  for (const d of layout.density) add('path', { d: d.path, fill: '#1f5fa8' });
  for (const e of layout.edges) add('path', { d: e.path, fill: 'none', stroke: '#b7c0cc' });
  for (const e of layout.events) add('circle', { cx: e.x, cy: e.y, r: 5 });
  for (const c of layout.commands) add('rect', { x: c.x - 5, y: c.y - 5, width: 10, height: 10 });
  svg.getBBox(); // forces style and layout inside the timed section
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (n: number) => Math.round(n * 100) / 100;

export default async function timeline({ log }: BenchContext): Promise<Row[]> {
  log(`building a ${EVENTS.toLocaleString('en')}-event log with real commands…`);
  const sandbox = await largeLog(EVENTS);
  const [events, commands] = [await sandbox.events(), await sandbox.commands()];
  const projections = sandbox.projections().map(({ name, checkpoint }) => ({ name, checkpoint }));
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', String(WIDTH));
  svg.setAttribute('height', '600');
  document.body.appendChild(svg);

  const t0 = performance.now();
  const index = buildTimelineIndex(events, commands);
  const lanes = layoutLanes(index, { projections, sagas: [] });
  const base = positionScale(index.head, WIDTH);
  draw(svg, layoutTimeline(index, { lanes, x: base, width: WIDTH, projections, sagas: [] }));
  const firstRender = performance.now() - t0;
  log(`first render ${round(firstRender)} ms (index + lanes + layout + draw)`);

  const stepTimes = (scales: number[]) =>
    scales.map((k) => {
      const x = zoomIdentity
        .translate((-WIDTH * (k - 1)) / 2, 0)
        .scale(k)
        .rescaleX(base);
      const t = performance.now();
      draw(svg, layoutTimeline(index, { lanes, x, width: WIDTH, projections, sagas: [] }));
      return performance.now() - t;
    });
  const dense = median(stepTimes([1.2, 1.5, 2, 3, 5, 8, 12, 20, 1.1, 1.3, 1.7]));
  const detailed = median(stepTimes([400, 500, 700, 900, 1_200, 1_500, 2_000, 3_000, 450, 800, 1_100]));
  log(`zoom step: ${round(dense)} ms dense (whole log), ${round(detailed)} ms zoomed in (marks)`);
  svg.remove();
  const row = (name: string, value: number): Row => ({
    name,
    value: round(value),
    unit: 'ms',
    baseline: FRAME_MS,
    ratio: round(value / FRAME_MS),
  });
  return [
    { ...row('timeline 100k: first render (index+layout+draw)', firstRender) },
    row('timeline 100k: zoom step, density', dense),
    row('timeline 100k: zoom step, marks', detailed),
  ];
}
