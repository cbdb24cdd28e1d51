import type {
  BoundedContext,
  Command,
  CommandPlan,
  FoldedDecisionInput,
} from '../../../core/boundedContext.ts';
import type { Decision } from '../../../core/decider.ts';
import type { RecordedEvent } from '../../../core/event.ts';

/** A decision a planted bug makes instead of the domain's, or undefined to leave the domain's. */
export type DecisionOverride = (
  command: Command,
  input: FoldedDecisionInput,
  decideAsBefore: (command: Command, input: FoldedDecisionInput) => Decision,
) => Decision | undefined;

/**
 * Pure: the context with some decisions (and, if given, some plans) replaced, as a decorator: every other command
 * is decided as before. Both `decide` and `decideFolded` go through the override, folding streams as before.
 */
export function withDecisions(
  context: BoundedContext,
  override: DecisionOverride,
  plan: (command: Command) => CommandPlan = (command) => context.plan(command),
): BoundedContext {
  const streamFold = context.streamFold?.bind(context);
  const original = context.decideFolded?.bind(context);
  if (!streamFold || !original)
    throw new TypeError(`${context.name}: a planted bug needs streamFold and decideFolded`);
  const fold = (streamId: string, events: readonly RecordedEvent[]) => {
    const { initialState, evolve } = streamFold(streamId);
    return events.reduce(evolve, initialState());
  };
  const decideFolded = (command: Command, input: FoldedDecisionInput): Decision =>
    override(command, input, original) ?? original(command, input);
  return {
    ...context,
    plan,
    decideFolded,
    decide(command, input) {
      const { streamId, guardStreamIds } = plan(command);
      const guards: Record<string, unknown> = Object.create(null);
      for (const id of guardStreamIds) guards[id] = fold(id, input.guards[id] ?? []);
      return decideFolded(command, {
        stream: fold(streamId, input.stream),
        guards,
        now: input.now,
        read: input.read,
      });
    },
  };
}
