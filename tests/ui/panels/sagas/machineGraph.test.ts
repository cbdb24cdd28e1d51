import { describe, expect, it } from 'vitest';
import {
  dayCancellationNotifierMachine,
  overbookingMachine,
} from '../../../../src/domains/scheduling/index.ts';
import { layoutGraph, machineGraph } from '../../../../src/ui/panels/sagas/machineGraph.ts';

describe('machineGraph', () => {
  it('lists the overbooking states and its root transitions as coming from any state', () => {
    const graph = machineGraph(overbookingMachine);
    expect(graph.nodes.map((n) => n.id)).toEqual(['withinLimit', 'compensating', 'settling']);
    expect(graph.nodes[0].isInitial).toBe(true);
    expect(graph.edges).toContainEqual({
      from: '*',
      to: 'compensating',
      label: 'booking.add [overshootsLimit]',
    });
    expect(graph.edges).toContainEqual({
      from: 'settling',
      to: 'withinLimit',
      label: 'always [hasNothingPending]',
    });
  });

  it('marks final states', () => {
    const graph = machineGraph(dayCancellationNotifierMachine);
    expect(graph.nodes).toContainEqual({ id: 'done', isInitial: false, isFinal: true });
    expect(graph.edges).toEqual([{ from: 'notifying', to: 'done', label: 'day.close' }]);
  });

  it('lays every edge out between two placed nodes', () => {
    const laid = layoutGraph(machineGraph(overbookingMachine));
    expect(laid.nodes.map((n) => n.id)).toEqual(['*', 'withinLimit', 'compensating', 'settling']);
    expect(laid.edges.every((e) => e.path.startsWith('M'))).toBe(true);
  });
});
