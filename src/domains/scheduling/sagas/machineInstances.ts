import type { AnyStateMachine } from 'xstate';
import { initialTransition, transition } from 'xstate';

/** A machine instance as plain JSON: what a saga checkpoint stores. */
export interface PersistedInstance<Context> {
  value: string;
  context: Context;
}

/** A saga's state: its instances by key and the last global position it handled. */
export interface MachineSagaState<Context> {
  /** Why a position: delivery is in log order, so anything at or below it is a redelivery to ignore. */
  lastPosition: number;
  instances: Record<string, PersistedInstance<Context>>;
}

/** A live saga instance for the sagas panel. */
export interface SagaInstance {
  key: string;
  state: string;
  context: unknown;
}

export interface MachineAction {
  type: string;
  params: unknown;
}

/**
 * Pure: moves one persisted instance (or a new one built from `input`) through `event` with XState's pure
 * `transition`, and returns the instance as JSON plus the named actions the machine asked for.
 */
export function stepInstance<Context>(
  machine: AnyStateMachine,
  instance: PersistedInstance<Context> | undefined,
  input: unknown,
  event: { type: string },
): { instance: PersistedInstance<Context>; actions: MachineAction[] } {
  const snapshot = instance
    ? machine.resolveState({ value: instance.value, context: instance.context as never })
    : initialTransition(machine, input)[0];
  const [next, actions] = transition(machine, snapshot, event);
  return {
    instance: { value: String(next.value), context: next.context as Context },
    actions: actions.map((action) => ({ type: action.type, params: action.params })),
  };
}

/** Pure: the instances of a machine saga's state, for the sagas panel. */
export function listInstances(state: MachineSagaState<unknown>): SagaInstance[] {
  return Object.entries(state.instances).map(([key, instance]) => ({
    key,
    state: instance.value,
    context: instance.context,
  }));
}
