/**
 * The built-in domains, found by name, and `createSandbox`: a runtime over any domain.
 * Why lookups are functions, not a table built at load: the todo domain is written against the public entry,
 * which re-exports this module; reading the domains only when asked keeps that import cycle harmless.
 */
import type { BoundQueries, QueryCatalog } from '../core/boundedContext.ts';
import { createRuntime, type Runtime, type RuntimeOptions, type Sandbox } from '../runtime/index.ts';
import { isDomainModule, type DomainModule, type DomainSettings } from './kit/index.ts';
import {
  parseScenarioFile as parseFile,
  parseScenarioText as parseText,
  type DomainResolver,
  type ParsedScenarios,
} from '../tools/scenarios/model/scenarioFormat.ts';
import { scheduling } from './scheduling/index.ts';
import { todo } from './todo/index.ts';
import { library } from './library/index.ts';

export { library, scheduling, todo };

export * from './kit/index.ts';

/** The names of the domains that ship with Eventscope, in the order the domain picker lists them. */
export const builtInDomainNames = ['scheduling', 'library', 'todo'] as const;
export type BuiltInDomainName = (typeof builtInDomainNames)[number];

/** The built-in domain of that name, or null. */
export function domainNamed(name: string): DomainModule | null {
  switch (name) {
    case 'scheduling':
      return scheduling;
    case 'library':
      return library;
    case 'todo':
      return todo;
    default:
      return null;
  }
}

/** Every built-in domain, in picker order. */
export const builtInDomains = (): DomainModule[] =>
  builtInDomainNames.map((name) => domainNamed(name) as DomainModule);

/** A domain by name or as a module; a clear error when it is neither. */
export function resolveDomain(domain: string | DomainModule | undefined): DomainModule {
  if (domain === undefined) return scheduling;
  if (isDomainModule(domain)) return domain;
  const found = typeof domain === 'string' ? domainNamed(domain) : null;
  if (found) return found;
  throw new TypeError(
    `Unknown domain ${JSON.stringify(domain)}: use one of ${builtInDomainNames.join(', ')}, or a module made with defineDomain`,
  );
}

/** Options of `createSandbox`: the runtime's, plus the domain and its settings. */
export interface SandboxOptions<
  D extends string | DomainModule = string | DomainModule,
> extends RuntimeOptions {
  /** `'scheduling'` (the default), another built-in domain's name, or a module made with `defineDomain`. */
  domain?: D;
  /** The domain's settings (see its `settings`), e.g. `{ monthlyLimit: 3 }` for scheduling. */
  settings?: DomainSettings;
  /** Scheduling's monthly limit: shorthand for `settings.monthlyLimit`. */
  monthlyLimit?: number;
}

type SchedulingQueries = (typeof scheduling)['queries'];
type TodoQueries = (typeof todo)['queries'];
type LibraryQueries = (typeof library)['queries'];

/** The domain a sandbox runs, with its settings applied. */
export function configuredDomain(
  options: Pick<SandboxOptions, 'domain' | 'settings' | 'monthlyLimit'>,
): DomainModule {
  const module = resolveDomain(options.domain);
  const settings = {
    ...options.settings,
    ...(options.monthlyLimit === undefined ? {} : { monthlyLimit: options.monthlyLimit }),
  };
  return Object.keys(settings).length === 0 ? module : module.configure(settings);
}

/**
 * The whole runtime of one domain without a UI: dispatch commands, settle, query, read the log. In memory by
 * default; the app passes the IndexedDB store. `createSandbox()` runs the doctor practice.
 */
export function createSandbox(options?: SandboxOptions<'scheduling'>): Sandbox<SchedulingQueries>;
export function createSandbox(options: SandboxOptions<'todo'>): Sandbox<TodoQueries>;
export function createSandbox(options: SandboxOptions<'library'>): Sandbox<LibraryQueries>;
export function createSandbox<Q extends QueryCatalog>(options: SandboxOptions<DomainModule<Q>>): Sandbox<Q>;
export function createSandbox(options: SandboxOptions): Sandbox;
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  return createDomainRuntime(options);
}

/** `createSandbox` for the app and the tools: the runtime with the store it runs on. */
export function createDomainRuntime(options: SandboxOptions = {}): Runtime {
  const { domain, settings, monthlyLimit, ...runtimeOptions } = options;
  return createRuntime(configuredDomain({ domain, settings, monthlyLimit }), runtimeOptions);
}

/** The doctor practice's queries bound to a sandbox (typed). */
export type SchedulingSandboxQueries = BoundQueries<SchedulingQueries>;

/** A scenario file of any built-in domain (or of the domains `resolve` knows): every scenario, or the first problem. */
export const parseScenarioFile = (json: unknown, resolve: DomainResolver = domainNamed): ParsedScenarios =>
  parseFile(json, resolve);

/** The same from the file's text. */
export const parseScenarioText = (text: string, resolve: DomainResolver = domainNamed): ParsedScenarios =>
  parseText(text, resolve);
