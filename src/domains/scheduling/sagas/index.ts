import type { Saga } from '../../../core/boundedContext.ts';
import type { SchedulingCommand } from '../commands.ts';
import { createDayCancellationNotifierSaga } from './dayCancellationNotifierSaga.ts';
import { type MachineSagaState, type SagaInstance, listInstances } from './machineInstances.ts';
import { DEFAULT_MONTHLY_LIMIT, createOverbookingSaga } from './overbookingSaga.ts';
import { overbookingMachine } from './overbookingMachine.ts';
import { dayCancellationNotifierMachine } from './dayCancellationNotifierMachine.ts';

export { overbookingMachine };
export { countsTowardsLimit } from './overbookingMachine.ts';
export type { OverbookingContext } from './overbookingMachine.ts';
export { dayCancellationNotifierMachine };
export type { DayCancellationContext } from './dayCancellationNotifierMachine.ts';
export { createOverbookingSaga, overbookingKey, DEFAULT_MONTHLY_LIMIT } from './overbookingSaga.ts';
export type { OverbookingSagaState } from './overbookingSaga.ts';
export { createDayCancellationNotifierSaga } from './dayCancellationNotifierSaga.ts';
export type { DayCancellationNotifierState } from './dayCancellationNotifierSaga.ts';
export type { MachineSagaState, PersistedInstance, SagaInstance } from './machineInstances.ts';

/** The machine behind each saga, by saga name, for the UI's statechart view. */
export const sagaMachines = {
  overbooking: overbookingMachine,
  dayCancellationNotifier: dayCancellationNotifierMachine,
};

/** Every saga of the scheduling context. */
export const schedulingSagas = (monthlyLimit = DEFAULT_MONTHLY_LIMIT): Saga<unknown, SchedulingCommand>[] =>
  [createOverbookingSaga(monthlyLimit), createDayCancellationNotifierSaga()] as Saga<
    unknown,
    SchedulingCommand
  >[];

/** Pure: the live instances `{ key, state, context }` held in a scheduling saga's state. */
export const listSagaInstances = (sagaState: unknown): SagaInstance[] =>
  listInstances(sagaState as MachineSagaState<unknown>);
