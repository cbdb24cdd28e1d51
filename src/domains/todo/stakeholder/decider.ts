import { accept } from '../../../index.ts';
import type { StreamDecider } from '../../../index.ts';
import type { NotifyStakeholder } from '../commands.ts';
import type { StakeholderNotifiedOfTodoCompletion } from '../events.ts';
import { stakeholderStream } from '../streams.ts';

/** What a todo's stakeholder was told: the completions (their event ids) already notified. */
export interface StakeholderState {
  notifiedCompletions: string[];
}

/**
 * A todo's stakeholder, in stream `stakeholder-<todoId>`. Why a stream of its own: it remembers which completions
 * it was told about, so notifying is idempotent per `causationEventId` (a redelivered reaction appends nothing).
 */
export const stakeholderDecider: StreamDecider<
  StakeholderState,
  NotifyStakeholder,
  StakeholderNotifiedOfTodoCompletion
> = {
  name: 'stakeholder',
  streamPrefix: 'stakeholder-',
  commands: ['NotifyStakeholder'],
  streamOf: (command) => stakeholderStream(command.data.todoId),
  initialState: () => ({ notifiedCompletions: [] }),
  evolve: (state, event) => ({
    notifiedCompletions: [...state.notifiedCompletions, event.data.causationEventId],
  }),
  decide(command, state) {
    if (state.notifiedCompletions.includes(command.data.causationEventId)) return accept();
    return accept({ type: 'StakeholderNotifiedOfTodoCompletion', data: { ...command.data } });
  },
};
