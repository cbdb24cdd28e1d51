import type { AnyStateMachine } from 'xstate';

export interface GraphNode {
  id: string;
  isInitial: boolean;
  isFinal: boolean;
}

export interface GraphEdge {
  /** `*` = from any state (a transition declared on the machine's root). */
  from: string;
  to: string;
  label: string;
}

export interface MachineGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

interface TransitionLike {
  eventType: string;
  target?: readonly { key: string }[];
  guard?: unknown;
}

const guardName = (guard: unknown): string =>
  typeof guard === 'string'
    ? guard
    : typeof guard === 'object' && guard !== null && 'type' in guard
      ? String(guard.type)
      : '';

function edgesOf(from: string, transitions: Iterable<TransitionLike>): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const t of transitions) {
    for (const target of t.target ?? []) {
      const guard = guardName(t.guard);
      const event = t.eventType === '' ? 'always' : t.eventType;
      edges.push({ from, to: target.key, label: guard ? `${event} [${guard}]` : event });
    }
  }
  return edges;
}

/** Pure: the top-level states of an XState machine and its targeted transitions, for a simple drawing. */
export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const root = machine.root;
  const initialKey = root.initial?.target?.[0]?.key;
  const nodes = Object.values(root.states).map((s) => ({
    id: s.key,
    isInitial: s.key === initialKey,
    isFinal: s.type === 'final',
  }));
  const edges = [
    ...edgesOf('*', [...root.transitions.values()].flat() as TransitionLike[]),
    ...Object.values(root.states).flatMap((s) => [
      ...edgesOf(s.key, [...s.transitions.values()].flat() as TransitionLike[]),
      ...edgesOf(s.key, (s.always ?? []) as TransitionLike[]),
    ]),
  ];
  return { nodes, edges };
}

export interface LaidOutGraph {
  width: number;
  height: number;
  nodes: (GraphNode & { x: number; y: number; width: number; height: number })[];
  edges: (GraphEdge & { path: string; labelX: number; labelY: number })[];
}

/** Pure: places states in a row (an "any state" box first when needed) and draws transitions as arcs. */
export function layoutGraph(graph: MachineGraph, nodeWidth = 130, nodeHeight = 40, gap = 90): LaidOutGraph {
  const hasAny = graph.edges.some((e) => e.from === '*');
  const all = [...(hasAny ? [{ id: '*', isInitial: false, isFinal: false }] : []), ...graph.nodes];
  const top = 150;
  const nodes = all.map((n, i) => ({
    ...n,
    x: 20 + i * (nodeWidth + gap),
    y: top,
    width: nodeWidth,
    height: nodeHeight,
  }));
  const at = new Map(nodes.map((n) => [n.id, n]));
  const seen = new Map<string, number>();
  const edges = graph.edges.flatMap((e) => {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) return [];
    const pair = `${e.from}>${e.to}`;
    const nth = seen.get(pair) ?? 0;
    seen.set(pair, nth + 1);
    if (a === b) {
      const x = a.x + a.width / 2;
      const y = a.y + a.height;
      const r = 22 + nth * 14;
      return [
        {
          ...e,
          path: `M${x - 12},${y} C${x - 30},${y + r * 2} ${x + 30},${y + r * 2} ${x + 12},${y}`,
          labelX: x,
          labelY: y + r * 1.6 + 12,
        },
      ];
    }
    const isForward = b.x > a.x;
    const x1 = a.x + a.width / 2 + (isForward ? 10 : -10);
    const x2 = b.x + b.width / 2 + (isForward ? -10 : 10);
    const y = isForward ? a.y : a.y + a.height;
    const bend = (isForward ? -1 : 1) * (26 + Math.abs(x2 - x1) * 0.09 + nth * 20);
    const mid = (x1 + x2) / 2;
    return [
      {
        ...e,
        path: `M${x1},${y} Q${mid},${y + bend * 2} ${x2},${y}`,
        labelX: mid,
        labelY: y + bend + (isForward ? -4 : 12),
      },
    ];
  });
  return { width: 40 + all.length * (nodeWidth + gap) - gap, height: top + nodeHeight + 120, nodes, edges };
}
