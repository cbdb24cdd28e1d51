export { createRuntime, SubscriberStoppedError } from './createRuntime.ts';
export type { Runtime } from './createRuntime.ts';
export type {
  Append,
  AppendRequest,
  DispatchMetadata,
  DispatchResult,
  ProjectionStatus,
  RuntimeDecorators,
  RuntimeDomain,
  RuntimeFailure,
  RuntimeObserver,
  RuntimeOptions,
  Sandbox,
  SagaStatus,
  SelectUnapplied,
  SubscriberStatus,
  SubscriberStop,
} from './types.ts';
export { randomIds, sequentialIds } from './idGenerators.ts';
export type { IdGenerator } from './idGenerators.ts';
export { createLiveScheduler } from './schedulers/liveScheduler.ts';
export type { LiveScheduler } from './schedulers/liveScheduler.ts';
export { subscriberId, parseSubscriberId } from './subscribers/subscriberId.ts';
export type { SubscriberKind } from './subscribers/subscriberId.ts';
export type { SubscriberHistory } from './progressHistory.ts';
