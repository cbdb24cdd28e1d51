// The Timeline tab over a 100k-event log built by dispatching real commands (sagas off), in Chromium: the real
// Svelte component (TimelinePanel) mounted on the app state, against a 16 ms frame budget. Also: what keeping
// the timeline index up to date costs the app, once at start and per refresh.
import { flushSync, mount, unmount } from 'svelte';
import { AppState } from '../../src/ui/shell/appState.svelte.ts';
import TimelinePanel from '../../src/ui/tools/timeline/TimelinePanel.svelte';
import { TimelineState } from '../../src/ui/tools/timeline/timelineState.svelte.ts';
import '../../src/ui/theme.css';
import {
  buildTimelineIndex,
  extendTimelineIndex,
  type TimelineIndex,
} from '../../src/tools/time-travel/model/timelineIndex.ts';
import { largeLog } from '../../tests/fixtures/sampleLogs.ts';
import type { BenchContext, Row } from '../types.ts';
import { scheduling } from '../../src/domains/index.ts';

/** The doctor practice's lanes: its streams grouped as the domain groups them. */
const groupOf = (streamId: string) => scheduling.streamGroupOf(streamId);

const EVENTS = 100_000;
const FRAME_MS = 16;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (n: number) => Math.round(n * 1000) / 1000;
/** Style and layout done: what the browser must finish before the frame can be painted. */
const settleLayout = (root: Element) => {
  flushSync();
  root.getBoundingClientRect();
  root.querySelector<SVGSVGElement>('svg[role="application"]')?.getBBox();
};

export default async function timeline({ log }: BenchContext): Promise<Row[]> {
  log(`building a ${EVENTS.toLocaleString('en')}-event log with real commands…`);
  const sandbox = await largeLog(EVENTS);
  const [events, commands] = [await sandbox.events(), await sandbox.commands()];

  // 1. What the app pays to keep the index: once over the whole log at start, then per refresh.
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    buildTimelineIndex(events, commands, groupOf);
    starts.push(performance.now() - t);
  }

  let index: TimelineIndex = buildTimelineIndex(events.slice(0, EVENTS - 200), [], groupOf);
  const cut = commands.findIndex(
    (c) => c.outcome.kind === 'accepted' && (c.outcome.lastPosition ?? 0) > EVENTS - 200,
  );
  index = extendTimelineIndex(index, events.slice(0, EVENTS - 200), commands.slice(0, cut));
  // Why slices made first: the app hands over arrays it already has; copying 100k events is not indexing.
  const steps = commands.slice(cut).map((record, i) => {
    const last =
      record.outcome.kind === 'accepted' ? (record.outcome.lastPosition ?? 0) : record.headPosition;
    return {
      events: events.slice(0, Math.max(EVENTS - 200, last)),
      commands: commands.slice(0, cut + i + 1),
    };
  });
  // Why one timer round the loop: an append is far below the browser's 0.1 ms timer resolution.
  const t0 = performance.now();
  for (const step of steps) index = extendTimelineIndex(index, step.events, step.commands);
  const perCommand = (performance.now() - t0) / steps.length;
  if (index.head !== events.length || index.commandCount !== commands.length)
    throw new Error('the extended index does not cover the log');
  log(
    `index: ${round(median(starts))} ms from scratch; ${round(perCommand)} ms per command appended (${steps.length} commands)`,
  );

  // 2. The component: the app state over the same sandbox, refreshed (index kept), then the tab opened.
  const app = new AppState({
    makeSandbox: () => sandbox,
    role: 'leader',
    monthlyLimit: 10,
    storeKind: sandbox.store.kind,
  });
  await app.refresh();
  if (app.timelineIndex.head !== events.length)
    throw new Error(`the app indexed ${app.timelineIndex.head} of ${events.length} events`);
  const state = new TimelineState(app);
  const target = document.createElement('div');
  target.style.width = '1280px';
  document.body.appendChild(target);

  const opens: number[] = [];
  let svg: SVGSVGElement | null = null;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const component = mount(TimelinePanel, { target, props: { app, timeline: state } });
    settleLayout(target);
    opens.push(performance.now() - t);
    if (i < 4) unmount(component);
    else svg = target.querySelector('svg[role="application"]');
  }
  if (!svg) throw new Error('the timeline did not render');
  const marks = () => svg!.querySelectorAll('[data-id]').length;
  const densityPaths = svg.querySelectorAll('path.density').length;
  log(
    `open the tab: ${round(median(opens))} ms (first ${round(opens[0])} ms); ${densityPaths} density lanes drawn`,
  );

  // 3. Zoom steps through d3-zoom's own wheel handling, each until the frame is laid out.
  const box = svg.getBoundingClientRect();
  const wheel = (deltaY: number) => {
    const t = performance.now();
    svg!.dispatchEvent(
      new WheelEvent('wheel', {
        deltaY,
        clientX: box.left + box.width / 2,
        clientY: box.top + 40,
        bubbles: true,
        cancelable: true,
      }),
    );
    settleLayout(target);
    return performance.now() - t;
  };
  // Why these deltas: d3-zoom scales by 2^(-deltaY / 500); ±100 is one notch of a mouse wheel.
  const dense = median([...Array(12)].map((_, i) => wheel(i < 8 ? -100 : 100)));
  for (let i = 0; i < 5; i++) wheel(-1000); // zoom in far enough to draw individual marks
  const drawn = marks();
  const detailed = median([...Array(12)].map((_, i) => wheel(i % 2 ? -100 : 100)));
  log(
    `zoom step: ${round(dense)} ms whole log (density), ${round(detailed)} ms zoomed in (${drawn} marks drawn)`,
  );
  if (drawn === 0) throw new Error('zoomed in, the timeline drew no marks');

  // 4. Time travel: scrubbing to a position (the read side folded as of there, the chart's cursor moved).
  const scrub = (position: number) => {
    const t = performance.now();
    state.send({ type: 'playback.scrubTo', position });
    settleLayout(target);
    return performance.now() - t;
  };
  const firstScrub = scrub(Math.floor(events.length / 2));
  // Why a fixed spread of positions: each lands at a different distance from its nearest snapshot.
  const scrubs = [0.1, 0.9, 0.35, 0.62, 0.48, 0.77, 0.21, 0.55, 0.05, 0.83].map((f) =>
    scrub(Math.floor(events.length * f) + 437),
  );
  const scrubMedian = median(scrubs);
  log(`scrub: first ${round(firstScrub)} ms, then ${round(scrubMedian)} ms median`);
  if (!app.past) throw new Error('scrubbing did not move the app into the past');
  // What the other panels then read as of there: the board (a day's slots, the doctors' free slots), the
  // sagas panel (every saga's state). Each is folded when first read: from a snapshot, or on from the last read.
  const dates = [
    ...new Set(events.filter((e) => e.type === 'DayScheduled').map((e) => (e.data as { date: string }).date)),
  ];
  const readPanels = (position: number) => {
    const t = performance.now();
    state.send({ type: 'playback.scrubTo', position });
    const date = dates[Math.floor((dates.length * position) / events.length)] ?? dates[0];
    const slots = app.query((q) => q.availableSlots(date));
    const sagas = state.sagas;
    settleLayout(target);
    if (sagas.length === 0 || !Array.isArray(slots)) throw new Error('nothing read from the past');
    return performance.now() - t;
  };
  const firstPanels = readPanels(Math.floor(events.length * 0.6));
  const panels = [0.1, 0.9, 0.35, 0.62, 0.48, 0.77, 0.21, 0.55, 0.05, 0.83].map((f) =>
    readPanels(Math.floor(events.length * f) + 211),
  );
  const stepPanels = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) =>
    readPanels(Math.floor(events.length * 0.5) + i),
  );
  log(
    `board + sagas as of a position: first ${round(firstPanels)} ms, then ${round(median(panels))} ms median a jump, ${round(median(stepPanels))} ms a step forward`,
  );

  target.remove();
  state.close();
  const row = (name: string, value: number): Row => ({
    name,
    value: round(value),
    unit: 'ms',
    baseline: FRAME_MS,
    ratio: round(value / FRAME_MS),
  });
  return [
    row('timeline 100k: open the tab (component: lanes+layout+draw; index kept by the app)', median(opens)),
    row('timeline 100k: zoom step, whole log (density)', dense),
    row('timeline 100k: zoom step, zoomed in (marks)', detailed),
    row('timeline 100k: scrub to a position (read side as of there, chart redrawn)', scrubMedian),
    row('timeline 100k: first scrub (the timeline tab reads no read model, so none is folded)', firstScrub),
    row('timeline 100k: jump, with the board and sagas read as of there', median(panels)),
    row('timeline 100k: step forward, with the board and sagas read', median(stepPanels)),
    row('timeline 100k: first read of the board and sagas in the past (folds them once)', firstPanels),
    row('timeline 100k: index, extend by one command (per refresh)', perCommand),
    row('timeline 100k: index from scratch (once, at app start)', median(starts)),
  ];
}
