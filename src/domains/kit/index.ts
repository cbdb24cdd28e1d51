export { defineDomain, isDomainModule, validatorOf, DomainDefinitionError } from './defineDomain.ts';
export type { DomainDefinition, StreamDecider } from './defineDomain.ts';
export type {
  Demo,
  DomainModule,
  DomainSettings,
  IdKind,
  MessageDefinition,
  SagaInstanceView,
  SagaView,
  SettingDefinition,
} from './domainModule.ts';
