export * from './commands.ts';
export * from './events.ts';
export * from './errors.ts';
export * from './ids.ts';
export { validateCommand } from './validation.ts';
export { schedulingQueries, schedulingProjections } from './projections/index.ts';
export type {
  ReadProjection,
  AvailableSlotsOfDoctor,
  PatientSlot,
  Appointment,
  DoctorDay,
} from './projections/index.ts';
export {
  schedulingSagas,
  sagaMachines,
  listSagaInstances,
  overbookingMachine,
  dayCancellationNotifierMachine,
  DEFAULT_MONTHLY_LIMIT,
} from './sagas/index.ts';
export type { SagaInstance } from './sagas/index.ts';
export { practiceDecider } from './practice/decider.ts';
export { patientDecider } from './patient/decider.ts';
export { dayDecider } from './day/decider.ts';
export { mailboxDecider } from './mailbox/decider.ts';

export { createScheduling, decideCommand, decideFolded, fold, planCommand, streamFold } from './context.ts';
export { scheduling, schedulingQueryCatalog } from './module.ts';
