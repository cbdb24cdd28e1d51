/**
 * Eventscope's public entry: the only door for scripts, outside tests and your own domains.
 * Everything here is stable; anything imported from deeper paths is internal and may move.
 */

// Building a domain
export { defineDomain, isDomainModule, DomainDefinitionError } from './domains/kit/index.ts';
export type {
  Demo,
  DomainDefinition,
  DomainModule,
  DomainSettings,
  IdKind,
  MessageDefinition,
  SagaInstanceView,
  SagaView,
  SettingDefinition,
  StreamDecider,
} from './domains/kit/index.ts';

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
} from './tools/race-lab/model/raceDefinition.ts';
export type { Walkthrough, WalkthroughStep } from './tools/walkthroughs/model/walkthrough.ts';
export type { GivenItem, Message, ScenarioSpec } from './tools/scenarios/model/scenarioFile.ts';

// Testing: Given/When/Then over any bounded context
export { givenWhenThen, recordEvents } from './core/testing/givenWhenThen.ts';
export type { GivenEvent, SpecOptions, SpecResult } from './core/testing/givenWhenThen.ts';

// The libraries a domain is written with, so a domain uses the same instances as the tools
export { z } from 'zod';
export { default as fc } from 'fast-check';
