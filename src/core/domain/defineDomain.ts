import { z } from 'zod';
import type {
  BoundedContext,
  Command,
  CommandPlan,
  FoldedDecisionInput,
  Projection,
  QueryCatalog,
  Saga,
  StreamFold,
} from '../boundedContext.ts';
import type { Decision, DomainError } from '../decider.ts';
import type { DomainEvent } from '../event.ts';
import type { Invariant } from '../invariant.ts';
import { messageProblems } from '../rules.ts';
import type { RaceDefinition } from './raceDefinition.ts';
import type { ScenarioSpec } from './scenario.ts';
import type { Walkthrough } from './walkthrough.ts';
import type {
  Demo,
  DomainModule,
  DomainSettings,
  HistoryProblem,
  IdKind,
  MessageDefinition,
  SagaView,
  SettingDefinition,
} from './domainModule.ts';

/**
 * One aggregate written as a decider (Emmett's `initialState` / `evolve` / `decide`): the commands it decides,
 * the stream each writes, and the streams it reads first (guard queries, best effort across aggregates).
 */
export interface StreamDecider<
  State = unknown,
  C extends Command = Command,
  E extends DomainEvent = DomainEvent,
> {
  /** The aggregate's name, e.g. `todo`. */
  name: string;
  /** Its streams' ids start with this (`todo-`); a single stream gives its whole id (`catalogue`). */
  streamPrefix: string;
  /** The command types it decides. */
  commands: readonly string[];
  /** Pure: the stream a command writes. */
  streamOf(command: C): string;
  /** Pure: the streams read before deciding, each folded by the decider that owns it. */
  guardsOf?(command: C): string[];
  initialState(): State;
  evolve(state: State, event: E): State;
  /**
   * Pure: the events to append, or a `Decision`. Throwing `{ code, message }` (an Emmett-style error) is a
   * rejection too; anything else thrown is a bug and is not caught.
   */
  decide(
    command: C,
    state: State,
    context: { now: string; guards: Readonly<Record<string, unknown>> },
  ): readonly E[] | Decision<E>;
}

/** What `defineDomain` takes: the module's parts, with defaults for what a small domain leaves out. */
export interface DomainDefinition<Q extends QueryCatalog = QueryCatalog> {
  name: string;
  title: string;
  summary: string;
  defaultNow?: string;
  /** Each command type's data schema, or the schema with a description. */
  commands: Record<string, z.core.$ZodType | MessageDefinition>;
  events: Record<string, z.core.$ZodType | MessageDefinition>;
  /**
   * How commands are decided: deciders (one per aggregate) … Why `unknown`: a decider typed with its own state,
   * commands and events fits (its methods' parameters are checked bivariantly; its states and events are returned).
   */
  deciders?: StreamDecider<unknown>[];
  /** … or a hand-written context (its `validate` defaults to the command schemas). */
  context?: Omit<BoundedContext, 'name' | 'validate' | 'projections' | 'sagas'> &
    Partial<Pick<BoundedContext, 'validate'>>;
  streamOfEvent(event: DomainEvent): string;
  streamGroupOf?(streamId: string): string;
  projections?: Projection[] | ((settings: DomainSettings) => Projection[]);
  queries?: Q;
  sagas?: Saga[] | ((settings: DomainSettings) => Saga[]);
  sagaViews?: Record<string, SagaView>;
  ids?: Record<string, IdKind>;
  invariants?: Invariant[];
  race?: RaceDefinition;
  walkthroughs?: Walkthrough[];
  scenarios?: ScenarioSpec[];
  demo?: Demo;
  settings?: Record<string, SettingDefinition>;
  describeEvent?(event: DomainEvent): string;
  /** Pure: what a stream's history could not hold (see `DomainModule.historyProblems`). */
  historyProblems?(streamId: string, events: readonly DomainEvent[]): HistoryProblem[];
  /** Pure: commands to send when the virtual clock moves (see `BoundedContext.onClockMoved`). */
  onClockMoved?(from: string, to: string): Command[];
}

/** A domain definition that cannot run: every problem found, each naming its part. */
export class DomainDefinitionError extends Error {
  constructor(
    readonly domain: string,
    readonly problems: string[],
  ) {
    super(
      `defineDomain(${JSON.stringify(domain)}): ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n${problems.map((p) => `  • ${p}`).join('\n')}`}`,
    );
    this.name = 'DomainDefinitionError';
  }
}

const NAME = /^[a-z][a-z0-9-]{0,31}$/;
const DEFAULT_NOW = '2026-03-02T08:00';

const isSchema = (value: unknown): value is z.core.$ZodType =>
  typeof value === 'object' && value !== null && typeof (value as { _zod?: unknown })._zod === 'object';
const isFunction = (value: unknown): value is (...args: never[]) => unknown => typeof value === 'function';

function messagesOf(
  part: 'commands' | 'events',
  input: unknown,
  problems: string[],
): Record<string, MessageDefinition> {
  const messages: Record<string, MessageDefinition> = Object.create(null);
  if (typeof input !== 'object' || input === null || Object.keys(input).length === 0) {
    problems.push(`${part} must name at least one ${part === 'commands' ? 'command' : 'event'} type`);
    return messages;
  }
  for (const [type, value] of Object.entries(input)) {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(type)) problems.push(`${part}.${type}: a type is a PascalCase name`);
    if (isSchema(value)) messages[type] = { schema: value, description: '' };
    else if (
      typeof value === 'object' &&
      value !== null &&
      isSchema((value as MessageDefinition).schema) &&
      typeof (value as MessageDefinition).description === 'string'
    )
      messages[type] = value as MessageDefinition;
    else problems.push(`${part}.${type} must be a zod schema or { schema, description }`);
  }
  return messages;
}

/** Pure: a rejection from what a decider threw, or null when it was not a domain error. */
function thrownRejection(thrown: unknown): DomainError | null {
  if (typeof thrown !== 'object' || thrown === null) return null;
  const { code, message } = thrown as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || code.length === 0) return null;
  return { code, message: typeof message === 'string' && message ? message : code };
}

function decisionOf(result: unknown): Decision {
  if (Array.isArray(result)) return { kind: 'accepted', events: result as DomainEvent[] };
  const decision = result as Decision;
  if (decision && (decision.kind === 'accepted' || decision.kind === 'rejected')) return decision;
  throw new TypeError('decide must return the events to append, or a Decision { kind, … }');
}

const NEUTRAL_FOLD: StreamFold = { initialState: () => null, evolve: (state) => state };

/** Builds plan, decide and the stream folds from deciders. */
function contextFromDeciders(
  deciders: StreamDecider[],
): Omit<BoundedContext, 'name' | 'validate' | 'projections' | 'sagas'> {
  const byCommand = new Map<string, StreamDecider>();
  for (const decider of deciders) for (const type of decider.commands) byCommand.set(type, decider);
  const byPrefix = [...deciders].sort((a, b) => b.streamPrefix.length - a.streamPrefix.length);
  const deciderOf = (command: Command) => {
    const decider = byCommand.get(command.type);
    if (!decider) throw new TypeError(`No decider decides ${command.type}`);
    return decider;
  };
  const streamFold = (streamId: string): StreamFold => {
    const decider = byPrefix.find((d) => streamId.startsWith(d.streamPrefix));
    return decider ? (decider as unknown as StreamFold) : NEUTRAL_FOLD;
  };
  const decideFolded = (command: Command, input: FoldedDecisionInput): Decision => {
    try {
      return decisionOf(
        deciderOf(command).decide(command, input.stream, { now: input.now, guards: input.guards }),
      );
    } catch (thrown) {
      const rejection = thrownRejection(thrown);
      if (rejection) return { kind: 'rejected', error: rejection };
      throw thrown;
    }
  };
  return {
    plan(command): CommandPlan {
      const decider = deciderOf(command);
      return { streamId: decider.streamOf(command), guardStreamIds: decider.guardsOf?.(command) ?? [] };
    },
    streamFold,
    decideFolded,
    decide(command, input) {
      const fold = (streamId: string, events: readonly DomainEvent[]) => {
        const { initialState, evolve } = streamFold(streamId);
        return events.reduce(evolve, initialState());
      };
      const decider = deciderOf(command);
      const guardIds = decider.guardsOf?.(command) ?? [];
      const guards: Record<string, unknown> = Object.create(null);
      for (const id of guardIds) guards[id] = fold(id, input.guards[id] ?? []);
      return decideFolded(command, {
        stream: fold(decider.streamOf(command), input.stream),
        guards,
        now: input.now,
      });
    },
  };
}

/** Pure: a typed command, or `InvalidCommand` naming the first bad field (the generic validation of any domain). */
export function validatorOf(
  commands: Readonly<Record<string, MessageDefinition>>,
): BoundedContext['validate'] {
  const schemas = Object.fromEntries(Object.entries(commands).map(([type, m]) => [type, m.schema]));
  return (input) => {
    const [first] = messageProblems(input, schemas, 'command');
    if (!first) {
      const { type, data } = input as Command;
      const parsed = z.safeParse(schemas[type], data);
      return { kind: 'valid', command: { type, data: parsed.data } };
    }
    const type =
      typeof input === 'object' && input !== null && typeof (input as Command).type === 'string'
        ? (input as Command).type
        : 'Command';
    const field = first.path.length === 0 ? 'command' : first.path.join('.');
    return {
      kind: 'invalid',
      error: {
        code: 'InvalidCommand',
        message: `${Object.hasOwn(commands, type) ? type : 'Command'} is invalid: ${field} ${first.problem}`,
        commandType: type,
        field,
        problem: first.problem,
      },
    };
  };
}

function checkSettings(
  name: string,
  definitions: Record<string, SettingDefinition>,
  values: DomainSettings,
): Record<string, unknown> {
  const problems: string[] = [];
  const resolved: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(values))
    if (!Object.hasOwn(definitions, key))
      problems.push(
        `settings.${key}: not a setting of this domain (${Object.keys(definitions).join(', ') || 'it has none'})`,
      );
  for (const [key, definition] of Object.entries(definitions)) {
    const value = Object.hasOwn(values, key) && values[key] !== undefined ? values[key] : definition.default;
    const problem = definition.problem?.(value) ?? null;
    if (problem) problems.push(`settings.${key} ${problem}`);
    resolved[key] = value;
  }
  if (problems.length > 0) throw new DomainDefinitionError(name, problems);
  return resolved;
}

/**
 * Builds a domain module, checking it first: a definition that cannot run throws a `DomainDefinitionError`
 * naming every part that is missing or wrong. Defaults: validation from the command schemas, stream groups by the
 * id's prefix up to the first `-`, and no projections, queries, sagas, invariants, walkthroughs or scenarios.
 */
export function defineDomain<Q extends QueryCatalog = QueryCatalog>(
  definition: DomainDefinition<Q>,
  settingValues: DomainSettings = {},
): DomainModule<Q> {
  const problems: string[] = [];
  const d = definition as Partial<DomainDefinition<Q>>;
  const name = typeof d.name === 'string' ? d.name : '(unnamed)';
  if (typeof d.name !== 'string' || !NAME.test(d.name))
    problems.push('name must be a lower-case id like "todo" (letters, digits, -; at most 32)');
  if (typeof d.title !== 'string' || d.title.trim() === '') problems.push('title must be a text');
  if (typeof d.summary !== 'string') problems.push('summary must be a text');
  const commands = messagesOf('commands', d.commands, problems);
  const events = messagesOf('events', d.events, problems);
  if (!isFunction(d.streamOfEvent)) problems.push('streamOfEvent must be a function (event) => streamId');

  if (d.deciders && d.context) problems.push('give either deciders or context, not both');
  else if (!d.deciders && !d.context)
    problems.push('give deciders (one per aggregate) or a context to decide commands');
  const deciders = (d.deciders ?? []) as unknown as StreamDecider[];
  if (d.deciders) {
    const owner = new Map<string, string>();
    deciders.forEach((decider, index) => {
      const at = `deciders[${index}]${typeof decider?.name === 'string' ? ` (${decider.name})` : ''}`;
      for (const key of ['streamOf', 'initialState', 'evolve', 'decide'] as const)
        if (!isFunction(decider?.[key])) problems.push(`${at}.${key} must be a function`);
      if (typeof decider?.streamPrefix !== 'string' || decider.streamPrefix === '')
        problems.push(`${at}.streamPrefix must be a text, e.g. "todo-"`);
      for (const type of Array.isArray(decider?.commands) ? decider.commands : []) {
        if (!Object.hasOwn(commands, type))
          problems.push(`${at} decides ${type}, which commands does not define`);
        if (owner.has(type)) problems.push(`${type} is decided by both ${owner.get(type)} and ${at}`);
        owner.set(type, at);
      }
    });
    for (const type of Object.keys(commands))
      if (!owner.has(type))
        problems.push(`commands.${type} has no decider (add it to one decider's commands)`);
  }
  if (d.context) {
    for (const key of ['plan', 'decide'] as const)
      if (!isFunction(d.context[key])) problems.push(`context.${key} must be a function`);
  }

  const settings = d.settings ?? {};
  const projectionsOf = (values: DomainSettings) =>
    isFunction(d.projections) ? d.projections(values) : (d.projections ?? []);
  const sagasOf = (values: DomainSettings) => (isFunction(d.sagas) ? d.sagas(values) : (d.sagas ?? []));
  const queries = (d.queries ?? {}) as Q;
  for (const [queryName, query] of Object.entries(queries))
    if (!isFunction(query?.run) || !Array.isArray(query?.args))
      problems.push(`queries.${queryName} must have args (a list) and run(context, ...args)`);
  if (problems.length > 0) throw new DomainDefinitionError(name, problems);

  const values = checkSettings(name, settings, settingValues);
  const projections = projectionsOf(values);
  const sagas = sagasOf(values);
  const unique = (part: string, names: string[]) => {
    const seen = new Set<string>();
    for (const each of names) {
      if (seen.has(each)) problems.push(`${part}: two are named ${JSON.stringify(each)}`);
      seen.add(each);
    }
  };
  unique(
    'projections',
    projections.map((p) => p.name),
  );
  unique(
    'sagas',
    sagas.map((s) => s.name),
  );
  if (problems.length > 0) throw new DomainDefinitionError(name, problems);

  const decisions = d.context ?? contextFromDeciders(deciders);
  const eventSchemas = Object.fromEntries(Object.entries(events).map(([type, m]) => [type, m.schema]));
  const module: DomainModule<Q> = {
    kind: 'eventscope.domain',
    name,
    title: d.title as string,
    summary: d.summary as string,
    defaultNow: d.defaultNow ?? DEFAULT_NOW,
    context: {
      name,
      validate: d.context?.validate ?? validatorOf(commands),
      plan: decisions.plan.bind(decisions),
      decide: decisions.decide.bind(decisions),
      decideFolded: decisions.decideFolded?.bind(decisions),
      streamFold: decisions.streamFold?.bind(decisions),
      projections,
      sagas,
      onClockMoved: d.onClockMoved ?? d.context?.onClockMoved?.bind(d.context),
    },
    commands,
    events,
    eventProblems: (event) => messageProblems(event, eventSchemas, 'event'),
    streamOfEvent: (event) => (d.streamOfEvent as DomainDefinition['streamOfEvent'])(event),
    streamGroupOf: d.streamGroupOf ?? ((streamId) => streamId.split('-')[0]),
    queries,
    ids: d.ids ?? {},
    sagaViews: d.sagaViews ?? {},
    invariants: d.invariants ?? [],
    race: d.race,
    walkthroughs: d.walkthroughs ?? [],
    scenarios: d.scenarios ?? [],
    demo: d.demo,
    settings,
    settingValues: values,
    configure: (next) => defineDomain(definition, { ...values, ...next }),
    describeEvent: d.describeEvent,
    historyProblems: d.historyProblems,
  };
  return module;
}

/** Pure: is `value` a domain module built by `defineDomain`? */
export const isDomainModule = (value: unknown): value is DomainModule =>
  typeof value === 'object' && value !== null && (value as DomainModule).kind === 'eventscope.domain';
