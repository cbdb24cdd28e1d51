/**
 * Eventscope's public entry: the only door for scripts, outside tests and your own domains.
 * Everything here is stable; anything imported from deeper paths is internal and may move.
 */

// The libraries a domain is written with, so a domain uses the same instances as the tools
export { z } from 'zod';
export { default as fc } from 'fast-check';

// Running a domain headless
export { SubscriberStoppedError, sequentialIds, createLiveScheduler } from './runtime/index.ts';
export type {
  DispatchMetadata,
  DispatchResult,
  ProjectionStatus,
  RuntimeObserver,
  Sandbox,
  SagaStatus,
  SubscriberStop,
} from './runtime/index.ts';
export { createDeterministicScheduler, LivelockError } from './core/scheduler/deterministicScheduler.ts';
export type { ActorScheduler } from './core/scheduler/scheduler.ts';
export { createMemoryStore } from './store/memory/memoryStore.ts';
export type { CommandRecord, EventLogFile, EventStore } from './store/eventStore.ts';

// Building a domain
export { defineDomain, isDomainModule, DomainDefinitionError } from './core/domain/index.ts';
export type {
  Demo,
  DomainDefinition,
  DomainModule,
  DomainSettings,
  HistoryProblem,
  IdKind,
  MessageDefinition,
  SagaInstanceView,
  SagaView,
  SettingDefinition,
  StreamDecider,
} from './core/domain/index.ts';

// The kernel's types and pure helpers
export type {
  BoundedContext,
  Command,
  CommandPlan,
  Projection,
  QueryArgument,
  QueryCatalog,
  QueryContext,
  QueryDefinition,
  ReadProjection,
  Reaction,
  Saga,
  SagaContext,
} from './core/boundedContext.ts';
export { accept, reject } from './core/decider.ts';
export type { Decider, Decision, DomainError } from './core/decider.ts';
export type { DomainEvent, EventMetadata, RecordedEvent } from './core/event.ts';
export type { Invariant, Violation } from './core/invariant.ts';
export { addDays, addMinutes, isDate, isInstant, isTime } from './core/clock.ts';
export { deleteOwn, hasOwn, own, ownOrPut, putOwn, withOwn } from './core/own.ts';
export {
  dateRule,
  emailRule,
  FIELD_LIMITS,
  idRule,
  instantRule,
  longTextRule,
  textRule,
  timeRule,
} from './core/rules.ts';

// The race lab's, walkthroughs' and scenarios' slices of a domain
export type {
  DomainRaceProperty,
  PlantedBug,
  RaceDefinition,
  RaceKnob,
  RaceKnobs,
  RaceMeasure,
  RaceOperation,
  RaceStep,
  RaceWorld,
} from './core/domain/index.ts';
export type {
  Walkthrough,
  WalkthroughStep,
  ExpectedRows,
  GivenItem,
  Message,
  ScenarioSpec,
  PlantableDomain,
  RaceViolation,
} from './core/domain/index.ts';

// Testing: Given/When/Then over any bounded context
export { givenWhenThen, recordEvents } from './core/testing/givenWhenThen.ts';
export type { GivenEvent, SpecOptions, SpecResult } from './core/testing/givenWhenThen.ts';

// Scenarios of any domain: the file format, the engine and the runner (what exported tests import)
export { givenHistory, runQuery, scenarioDomain, scenarioSpec } from './tools/scenarios/engine.ts';
export type { GivenHistory } from './tools/scenarios/engine.ts';
export {
  rowsAfterSagas,
  runScenario,
  runScenarioOnSandbox,
  scenarioTestSource,
  thenRowsAfterSagas,
} from './tools/scenarios/run.ts';
export type { PlayableScenario, ScenarioCheck, ScenarioRun } from './tools/scenarios/run.ts';
export {
  SCENARIO_FORMAT_VERSION,
  SCENARIO_LIMITS,
  toScenarioFile,
} from './tools/scenarios/model/scenarioFormat.ts';
export type { ParsedScenarios, ScenarioFile } from './tools/scenarios/model/scenarioFormat.ts';
export { playWalkthrough, startWalkthrough } from './tools/walkthroughs/play.ts';
export type { PlayedStep, WalkthroughPlayer, WalkthroughRun } from './tools/walkthroughs/play.ts';

// The built-in domains and createSandbox. Why last: the todo domain is written against this entry, and the
// registry imports it; everything above must be ready before that module runs.
export {
  builtInDomainNames,
  createSandbox,
  library,
  domainNamed,
  parseScenarioFile,
  parseScenarioText,
  resolveDomain,
  scheduling,
  todo,
} from './domains/index.ts';
export type { BuiltInDomainName, SandboxOptions } from './domains/index.ts';
