import { bisector } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { linkVertical } from 'd3-shape';
import { checkpointAt, LAG_BLOCK, type SubscriberHistory } from '../../../runtime/progressHistory.ts';
import { BLOCK, type CommandMark, type TimelineIndex } from './timelineIndex.ts';

export type LaneKind = 'commands' | 'group' | 'stream' | 'projection' | 'saga';

export interface Lane {
  id: string;
  kind: LaneKind;
  label: string;
  /** For group lanes: how many streams it holds, and whether they are folded into it. */
  streamCount?: number;
  isCollapsed?: boolean;
  y: number;
  height: number;
}

/** A subscriber (projection or saga), the last position it applied, and how far it had got as the log grew. */
export interface SubscriberProgress {
  name: string;
  checkpoint: number;
  history?: SubscriberHistory | null;
}

export interface LaneOptions {
  /** Group ids folded into one lane. Default: groups with more than `collapseOver` streams. */
  collapsed?: ReadonlySet<string>;
  collapseOver?: number;
  projections: readonly SubscriberProgress[];
  sagas: readonly SubscriberProgress[];
  laneHeight?: number;
  headerHeight?: number;
}

export const LANE_HEIGHT = 26;
export const HEADER_HEIGHT = 22;

/** Pure: the groups folded by default (those with more than `collapseOver` streams). */
export const defaultCollapsed = (index: TimelineIndex, collapseOver = 6): Set<string> =>
  new Set(index.groups.filter((g) => g.streamIds.length > collapseOver).map((g) => g.id));

/** Pure: the lanes top to bottom: user commands, stream groups (each stream, or one folded lane), projections, sagas. */
export function layoutLanes(index: TimelineIndex, options: LaneOptions): Lane[] {
  const laneHeight = options.laneHeight ?? LANE_HEIGHT;
  const headerHeight = options.headerHeight ?? HEADER_HEIGHT;
  const collapsed = options.collapsed ?? defaultCollapsed(index, options.collapseOver);
  const lanes: Lane[] = [];
  let y = 0;
  const push = (lane: Omit<Lane, 'y'>) => {
    lanes.push({ ...lane, y });
    y += lane.height;
  };
  push({ id: 'commands', kind: 'commands', label: 'Commands', height: laneHeight });
  for (const group of index.groups) {
    const isCollapsed = collapsed.has(group.id);
    push({
      id: `group:${group.id}`,
      kind: 'group',
      label: group.id,
      streamCount: group.streamIds.length,
      isCollapsed,
      height: isCollapsed ? laneHeight : headerHeight,
    });
    if (!isCollapsed)
      for (const streamId of group.streamIds)
        push({ id: `stream:${streamId}`, kind: 'stream', label: streamLabel(streamId), height: laneHeight });
  }
  for (const p of options.projections)
    push({ id: `projection:${p.name}`, kind: 'projection', label: p.name, height: laneHeight });
  const sagaNames = [...new Set([...options.sagas.map((s) => s.name), ...index.sagaNames])];
  for (const name of sagaNames) push({ id: `saga:${name}`, kind: 'saga', label: name, height: laneHeight });
  return lanes;
}

const streamLabel = (streamId: string) => {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(dash + 1);
};

/** Pure: the x scale over global positions 1…head (margins for the first event and for rejections at the head), before zoom. */
export const positionScale = (head: number, width: number): ScaleLinear<number, number> =>
  scaleLinear()
    // Why a whole position of room after the head: a command rejected at the head is drawn at head + 0.5.
    .domain([0.5, Math.max(1, head) + 1.5])
    .range([0, Math.max(1, width)]);

export interface EventMarkLayout {
  id: string;
  position: number;
  type: string;
  streamId: string;
  x: number;
  y: number;
}

export interface CommandMarkLayout {
  id: string;
  type: string;
  outcome: CommandMark['outcome'];
  conflicts: number;
  x: number;
  y: number;
  mark: CommandMark;
}

export interface EdgeLayout {
  id: string;
  kind: 'emits' | 'triggers' | 'conflict';
  path: string;
  from: string;
  to: string;
  /** For conflicts: "expected v2 · actual v3". */
  label?: string;
  labelX?: number;
  labelY?: number;
}

export interface TimelineLayout {
  /** Individual marks, or (when too many are visible) one density path per lane plus the highlighted chain. */
  mode: 'marks' | 'density';
  /** Positions inside the visible x range (inclusive). */
  from: number;
  to: number;
  visibleEvents: number;
  events: EventMarkLayout[];
  commands: CommandMarkLayout[];
  edges: EdgeLayout[];
  density: { laneId: string; path: string }[];
  /**
   * Per subscriber lane: its checkpoint as of the viewed position (now, when live) and the lag band from there
   * to that position; `lagHistory` is a bar per pixel column, as tall as the lag was when the log was there.
   */
  checkpoints: {
    laneId: string;
    x: number;
    lagWidth: number;
    checkpoint: number;
    lagHistory: string;
    maxLag: number;
  }[];
  ticks: { x: number; label: string }[];
}

export interface LayoutOptions {
  lanes: readonly Lane[];
  /** The zoomed x scale (positions → pixels). */
  x: ScaleLinear<number, number>;
  width: number;
  /** Above this many visible marks, draw density instead (default 1,500). */
  maxMarks?: number;
  /** Ids drawn individually whatever the mode (the selected causal chain). */
  highlighted?: ReadonlySet<string>;
  projections: readonly SubscriberProgress[];
  sagas: readonly SubscriberProgress[];
  /** Density bin width in pixels (default 3). */
  binWidth?: number;
  /** Lag bands run from each checkpoint to here (default: the head; the viewed position when in the past). */
  lagUntil?: number;
}

const byX = bisector((m: CommandMark) => m.x);
const link = linkVertical<unknown, [number, number]>()
  .source((d) => (d as { s: [number, number] }).s)
  .target((d) => (d as { t: [number, number] }).t);

/**
 * Pure: what to draw in the visible window. Only marks whose x falls inside it are produced (culling), so the
 * cost follows what is on screen, not the log's length; past `maxMarks` the window becomes density paths.
 */
export function layoutTimeline(index: TimelineIndex, options: LayoutOptions): TimelineLayout {
  const { x, width, lanes } = options;
  const maxMarks = options.maxMarks ?? 1_500;
  const laneById = new Map(lanes.map((l) => [l.id, l]));
  const mid = (laneId: string) => {
    const lane = laneById.get(laneId);
    return lane ? lane.y + lane.height / 2 : null;
  };
  const eventLaneId = (streamId: string) =>
    laneById.has(`stream:${streamId}`) ? `stream:${streamId}` : `group:${index.groupOfStream(streamId)}`;
  const [lo, hi] = [x.invert(0), x.invert(width)];
  const from = Math.max(1, Math.ceil(lo));
  const to = Math.min(index.head, Math.floor(hi));
  const visibleEvents = Math.max(0, to - from + 1);
  const commandFrom = byX.left(index.commands, lo);
  const commandTo = byX.right(index.commands, hi);
  const isDense = visibleEvents + (commandTo - commandFrom) > maxMarks;

  const eventMark = (position: number): EventMarkLayout | null => {
    const event = index.events[position - 1];
    const y = event && mid(eventLaneId(event.streamId));
    if (!event || y === null || y === undefined) return null;
    return { id: event.id, position, type: event.type, streamId: event.streamId, x: x(position), y };
  };
  const commandMark = (mark: CommandMark): CommandMarkLayout | null => {
    const y = mid(mark.lane);
    if (y === null) return null;
    const { id, type, outcome } = mark;
    return { id, type, outcome, conflicts: mark.conflicts.length, x: x(mark.x), y, mark };
  };

  const events: EventMarkLayout[] = [];
  const commands: CommandMarkLayout[] = [];
  const density: TimelineLayout['density'] = [];
  if (!isDense) {
    for (let p = from; p <= to; p++) {
      const m = eventMark(p);
      if (m) events.push(m);
    }
    for (let i = commandFrom; i < commandTo; i++) {
      const m = commandMark(index.commands[i]);
      if (m) commands.push(m);
    }
  } else {
    density.push(...densityPaths(index, options, eventLaneId, from, to, commandFrom, commandTo));
    for (const id of options.highlighted ?? []) {
      const event = index.eventById.get(id);
      const command = index.commandById.get(id);
      const m = event ? eventMark(event.position) : command ? commandMark(command) : null;
      if (m && 'position' in m) events.push(m);
      else if (m) commands.push(m);
    }
  }

  return {
    mode: isDense ? 'density' : 'marks',
    from,
    to,
    visibleEvents,
    events,
    commands,
    edges: edgesOf(events, commands),
    density,
    checkpoints: [
      ...options.projections.map((p) => ({ ...p, laneId: `projection:${p.name}` })),
      ...options.sagas.map((s) => ({ ...s, laneId: `saga:${s.name}` })),
    ].map(({ laneId, checkpoint: live, history }) => {
      const until = options.lagUntil ?? index.head;
      const checkpoint = history
        ? (checkpointAt(history, until, index.head, live) ?? Math.min(live, until))
        : Math.min(live, until);
      const lane = laneById.get(laneId);
      const bars =
        history && lane
          ? lagBars(history, x, width, lane, from, Math.min(to, until))
          : { path: '', maxLag: 0 };
      return {
        laneId,
        checkpoint,
        x: x(checkpoint + 0.5),
        lagWidth: Math.max(0, x(until + 0.5) - x(checkpoint + 0.5)),
        lagHistory: bars.path,
        maxLag: bars.maxLag,
      };
    }),
    ticks: x
      .ticks(Math.max(2, Math.floor(width / 110)))
      .filter((t) => Number.isInteger(t) && t >= 1 && t <= index.head)
      .map((t) => ({ x: x(t), label: t.toLocaleString('en') })),
  };
}

/** Causal edges between the marks drawn: command → its events, event → the saga command it triggered, conflicts. */
function edgesOf(events: EventMarkLayout[], commands: CommandMarkLayout[]): EdgeLayout[] {
  const eventAt = new Map(events.map((e) => [e.id, e]));
  const edges: EdgeLayout[] = [];
  const path = (s: [number, number], t: [number, number]) => link({ s, t } as never) ?? '';
  for (const c of commands) {
    for (const eventId of c.mark.eventIds) {
      const e = eventAt.get(eventId);
      if (e)
        edges.push({
          id: `${c.id}>${e.id}`,
          kind: 'emits',
          from: c.id,
          to: e.id,
          path: path([c.x, c.y], [e.x, e.y]),
        });
    }
    const cause = c.mark.causeEventId ? eventAt.get(c.mark.causeEventId) : undefined;
    if (cause)
      edges.push({
        id: `${cause.id}>${c.id}`,
        kind: 'triggers',
        from: cause.id,
        to: c.id,
        path: path([cause.x, cause.y], [c.x, c.y]),
      });
    for (const conflict of c.mark.conflicts) {
      const winner = conflict.winnerEventId ? eventAt.get(conflict.winnerEventId) : undefined;
      if (!winner) continue;
      edges.push({
        id: `${winner.id}!${c.id}`,
        kind: 'conflict',
        from: winner.id,
        to: c.id,
        path: path([winner.x, winner.y], [c.x, c.y]),
        label: `expected v${conflict.expectedVersion === 'no-stream' ? 0 : conflict.expectedVersion} · actual v${conflict.actualVersion}`,
        labelX: (winner.x + c.x) / 2,
        labelY: (winner.y + c.y) / 2,
      });
    }
  }
  return edges;
}

const LAG_SCALE_FLOOR = 16;

/** A number rounded to tenths (SVG paths need no more; cheaper than toFixed in the hot loops). */
const tenths = (n: number) => Math.round(n * 10) / 10;

/**
 * The lag a subscriber had each time the log moved on, over the visible positions: per pixel column the largest
 * lag seen there, drawn as a bar hanging from the lane's top (square-root scale, so a lag of one stays visible
 * next to a lag of hundreds). Cost follows the samples in view, found by binary search.
 */
function lagBars(
  history: SubscriberHistory,
  x: ScaleLinear<number, number>,
  width: number,
  lane: Lane,
  from: number,
  to: number,
): { path: string; maxLag: number } {
  const { heads, checkpoints, blockMaxLag } = history;
  const columns = new Float64Array(Math.ceil(width) + 1);
  const [d0, d1] = x.domain();
  const k = width / (d1 - d0);
  let maxLag = 0;
  const put = (head: number, lag: number) => {
    const column = Math.max(0, Math.min(columns.length - 1, Math.floor((head - d0) * k)));
    if (lag > columns[column]) columns[column] = lag;
    if (lag > maxLag) maxLag = lag;
  };
  const samples = (first: number, last: number) => {
    for (let i = bisector((h: number) => h).left(heads, first); i < heads.length && heads[i] <= last; i++)
      if (heads[i] > checkpoints[i]) put(heads[i], heads[i] - checkpoints[i]);
  };
  // As for density: blocks thinner than a pixel are read as one maximum each.
  const firstBlock = Math.ceil(from / LAG_BLOCK);
  const endBlock = Math.floor((to + 1) / LAG_BLOCK);
  if (LAG_BLOCK * k > 1 || endBlock - firstBlock < 2) samples(from, to);
  else {
    samples(from, firstBlock * LAG_BLOCK - 1);
    samples(endBlock * LAG_BLOCK, to);
    for (let b = firstBlock; b < Math.min(endBlock, blockMaxLag.length); b++)
      if (blockMaxLag[b] > 0) put((b + 0.5) * LAG_BLOCK, blockMaxLag[b]);
  }
  if (maxLag === 0) return { path: '', maxLag };
  const room = lane.height - 8;
  // Why a floor of 16 on the scale's top: a lag of one event is the normal gap, not a full-height alarm.
  const top = Math.max(maxLag, LAG_SCALE_FLOOR);
  const barWidth = tenths(Math.max(1, Math.min(8, k * 0.8)));
  // Why the constant parts built once: this loop runs per pixel column, per lane, per frame.
  const [top0, across, back] = [`,${lane.y + 4}h${barWidth}v`, `h${-barWidth}z`, 0.5 - barWidth / 2];
  const parts: string[] = [];
  for (let c = 0; c < columns.length; c++) {
    if (columns[c] === 0) continue;
    parts.push(
      `M${tenths(c + back)}${top0}${tenths(Math.max(1.5, room * Math.sqrt(columns[c] / top)))}${across}`,
    );
  }
  return { path: parts.join(''), maxLag };
}

/** One path per lane: a bar per `binWidth` pixels, its height growing with the number of marks there. */
function densityPaths(
  index: TimelineIndex,
  options: LayoutOptions,
  eventLaneId: (streamId: string) => string,
  from: number,
  to: number,
  commandFrom: number,
  commandTo: number,
): { laneId: string; path: string }[] {
  const { x, width, lanes } = options;
  const binWidth = options.binWidth ?? 3;
  const bins = Math.ceil(width / binWidth) + 1;
  const counts = new Map<string, Uint32Array>();
  const add = (laneId: string, px: number, n = 1) => {
    let row = counts.get(laneId);
    if (!row) {
      row = new Uint32Array(bins);
      counts.set(laneId, row);
    }
    row[Math.max(0, Math.min(bins - 1, Math.floor(px / binWidth)))] += n;
  };
  // Why the scale's coefficients by hand: a d3 scale call per event is the hot loop at 100k events.
  const [d0, d1] = x.domain();
  const k = width / (d1 - d0);
  // Why a cache per stream: 100k lookups of the same few hundred lane ids.
  const laneOfStream = new Map<string, string>();
  const perEvent = (first: number, last: number) => {
    for (let p = first; p <= last; p++) {
      const streamId = index.events[p - 1].streamId;
      let laneId = laneOfStream.get(streamId);
      if (laneId === undefined) {
        laneId = eventLaneId(streamId);
        laneOfStream.set(streamId, laneId);
      }
      add(laneId, (p - d0) * k);
    }
  };
  // Why blocks when they are thinner than half a bin: each lane then reads one count per block, not every
  // event (100k events → 1,600 blocks); a block's events go to the bin of its middle, off by under a pixel.
  const firstBlock = Math.ceil(from / BLOCK);
  const endBlock = Math.floor((to + 1) / BLOCK);
  const perCommand = (first: number, end: number) => {
    for (let i = first; i < end; i++) add(index.commands[i].lane, (index.commands[i].x - d0) * k);
  };
  if (BLOCK * k > binWidth / 2 || endBlock - firstBlock < 2) {
    perEvent(from, to);
    perCommand(commandFrom, commandTo);
  } else {
    perEvent(from, firstBlock * BLOCK - 1);
    perEvent(endBlock * BLOCK, to);
    // Commands whose x falls in a partial block at either edge, one by one; the rest by block.
    perCommand(commandFrom, byX.left(index.commands, firstBlock * BLOCK, commandFrom, commandTo));
    perCommand(byX.left(index.commands, endBlock * BLOCK, commandFrom, commandTo), commandTo);
    const rows: [string, number[] | undefined][] = [
      ...[...index.blocks.commandLanes].map(([laneId, row]) => [laneId, row] as [string, number[]]),
      ...lanes.map((lane): [string, number[] | undefined] => [
        lane.id,
        lane.kind === 'stream'
          ? index.blocks.streams.get(lane.id.slice(7))
          : lane.kind === 'group' && lane.isCollapsed
            ? index.blocks.groups.get(lane.id.slice(6))
            : undefined,
      ]),
    ];
    for (const [laneId, row] of rows) {
      if (!row) continue;
      const last = Math.min(endBlock, row.length);
      for (let b = firstBlock; b < last; b++)
        if (row[b] > 0) add(laneId, ((b + 0.5) * BLOCK - 0.5 - d0) * k, row[b]);
    }
  }
  const laneById = new Map(lanes.map((l) => [l.id, l]));
  const paths: { laneId: string; path: string }[] = [];
  for (const [laneId, row] of counts) {
    const lane = laneById.get(laneId);
    if (!lane) continue;
    let max = 0;
    for (const n of row) if (n > max) max = n;
    const base = lane.y + lane.height - 4;
    const room = lane.height - 8;
    const parts: string[] = [];
    const across = `h${binWidth - 0.6}v`;
    for (let b = 0; b < bins; b++) {
      if (row[b] === 0) continue;
      // Why a square root: a bin with one mark must stay visible next to a bin with a hundred.
      const h = tenths(Math.max(1.5, room * Math.sqrt(row[b] / max)));
      parts.push(`M${b * binWidth},${base}v${-h}${across}${h}z`);
    }
    paths.push({ laneId, path: parts.join('') });
  }
  return paths;
}
