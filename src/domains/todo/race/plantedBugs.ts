/**
 * Flaws a facilitator plants for learners to find with the race lab. Each is a decorator of the domain's context
 * (it skips a check or makes a reactor forget), never a flag inside the domain, and each names the property that
 * catches it.
 */
import { accept } from '../../../index.ts';
import type { BoundedContext, Command, Decision, PlantedBug, Saga } from '../../../index.ts';
import type { TodoCommand } from '../commands.ts';
import { todoCompletedNotifier, type TodoCompletedNotifierState } from '../reactors/todoCompletedNotifier.ts';

type Overrule = (command: TodoCommand, decision: Decision) => Decision;

/** Pure: the context with every decision passed through `overrule`. */
function overruling(context: BoundedContext, overrule: Overrule): BoundedContext {
  const decideFolded = context.decideFolded?.bind(context);
  const overruled = (command: Command, decision: Decision) => overrule(command as TodoCommand, decision);
  return {
    ...context,
    decide: (command, input) => overruled(command, context.decide(command, input)),
    decideFolded: decideFolded && ((command, input) => overruled(command, decideFolded(command, input))),
  };
}

/** Pure: the context with the notifier replaced by `replace(notifier)`. */
const replacingNotifier = (context: BoundedContext, replace: (notifier: Saga) => Saga): BoundedContext => ({
  ...context,
  sagas: context.sagas.map((saga) => (saga.name === todoCompletedNotifier.name ? replace(saga) : saga)),
});

export const completeAfterAbandon: PlantedBug = {
  name: 'completeAfterAbandon',
  label: 'A todo can be completed after it was abandoned',
  hint: 'CompleteTodo skips its last rule, mustNotBeAbandoned. Look for a todo with both TodoAbandoned and TodoCompleted.',
  caughtBy: 'closedAtMostOnce',
  plant: (domain) => ({
    ...domain,
    // Why this is "skipping the check": it is the last rule, so when it rejects, every other rule has passed.
    context: overruling(domain.context, (command, decision) =>
      command.type === 'CompleteTodo' &&
      decision.kind === 'rejected' &&
      decision.error.code === 'TodoAlreadyAbandoned'
        ? accept({ type: 'TodoCompleted', data: { ...command.data } })
        : decision,
    ),
  }),
};

export const notifierNotIdempotent: PlantedBug = {
  name: 'notifierNotIdempotent',
  label: 'The completion notifier is not idempotent: a completion delivered twice emails twice',
  hint:
    'The notifier forgets how far it has read, and the stakeholder’s stream forgets which completions it was ' +
    'told of; either one alone would be harmless. Look for two notifications with one causationEventId.',
  caughtBy: 'oneNotificationPerCompletion',
  plant: (domain) => {
    const forgetful = replacingNotifier(domain.context, (notifier) => ({
      ...notifier,
      handle: (state, event, context) =>
        notifier.handle({ ...(state as TodoCompletedNotifierState), lastPosition: 0 }, event, context),
    }));
    return {
      ...domain,
      context: overruling(forgetful, (command, decision) =>
        command.type === 'NotifyStakeholder' && decision.kind === 'accepted' && decision.events.length === 0
          ? accept({ type: 'StakeholderNotifiedOfTodoCompletion', data: { ...command.data } })
          : decision,
      ),
    };
  },
};

export const notifierIgnoresAmendments: PlantedBug = {
  name: 'notifierIgnoresAmendments',
  label: 'The notifier tells the stakeholder the todo was added with, not the one it was amended to',
  hint: 'The notifier never reads TodoAmended. Amend a todo’s stakeholder, complete it, and see who is told.',
  caughtBy: 'notifiesTheLatestEmail',
  plant: (domain) => ({
    ...domain,
    context: replacingNotifier(domain.context, (notifier) => ({
      ...notifier,
      handle: (state, event, context) =>
        event.type === 'TodoAmended' ? { state, reactions: [] } : notifier.handle(state, event, context),
    })),
  }),
};

/** The todo domain's planted bugs. */
export const todoPlantedBugs: PlantedBug[] = [
  completeAfterAbandon,
  notifierNotIdempotent,
  notifierIgnoresAmendments,
];
