/** The domain contract: a domain module, how to build one, and the slices the tools read. */
export { defineDomain, isDomainModule, validatorOf, DomainDefinitionError } from './defineDomain.ts';
export type { DomainDefinition, StreamDecider } from './defineDomain.ts';
export type {
  Demo,
  DomainModule,
  DomainSettings,
  HistoryProblem,
  IdKind,
  MessageDefinition,
  SagaInstanceView,
  SagaView,
  SettingDefinition,
} from './domainModule.ts';
export type {
  DomainRaceProperty,
  PlantableDomain,
  PlantedBug,
  RaceDefinition,
  RaceKnob,
  RaceKnobs,
  RaceMeasure,
  RaceOperation,
  RaceStep,
  RaceViolation,
  RaceWorld,
} from './raceDefinition.ts';
export type { Walkthrough, WalkthroughStep, Scenario, ScenarioStep } from './walkthrough.ts';
export type { ExpectedRows, GivenItem, Message, ScenarioSpec } from './scenario.ts';
