/** Kept so earlier imports keep working: the domain contract lives in `src/core/domain/`. */
export {
  defineDomain,
  isDomainModule,
  validatorOf,
  DomainDefinitionError,
} from '../../core/domain/defineDomain.ts';
export type { DomainDefinition, StreamDecider } from '../../core/domain/defineDomain.ts';
export type {
  Demo,
  DomainModule,
  DomainSettings,
  IdKind,
  MessageDefinition,
  SagaInstanceView,
  SagaView,
  SettingDefinition,
} from '../../core/domain/domainModule.ts';
