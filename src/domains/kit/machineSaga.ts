/**
 * Sagas on XState machines, used purely: a saga keeps each instance as plain JSON (its state value and context),
 * moves it with XState's pure `transition`, and turns the named actions the machine asks for into commands. The
 * sagas panel draws the same machine as a statechart.
 */
import type { AnyStateMachine } from 'xstate';
import { initialTransition, transition } from 'xstate';
import type { SagaInstanceView } from '../../core/domain/domainModule.ts';

/** A machine instance as plain JSON: what a saga checkpoint stores. */
export interface PersistedInstance<Context> {
  value: string;
  context: Context;
}

/** A named action the machine asked for, with its parameters. */
export interface MachineAction {
  type: string;
  params: unknown;
}

/**
 * Pure: moves one persisted instance (or a new one built from `input`) through `event` with XState's pure
 * `transition`, and returns the instance as JSON plus the named actions the machine asked for. Flat machines only
 * (the state value is one name).
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

/** Pure: the instances of a record of persisted instances, for the sagas panel. */
export function instanceViews(instances: unknown): SagaInstanceView[] {
  if (typeof instances !== 'object' || instances === null) return [];
  return Object.entries(instances as Record<string, PersistedInstance<unknown>>).map(([key, instance]) => ({
    key,
    state: instance.value,
    context: instance.context,
  }));
}
