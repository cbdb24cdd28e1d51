import type { BoundedContext, Command } from '../boundedContext.ts';
import type { Decision, DomainError } from '../decider.ts';
import type { DomainEvent, RecordedEvent } from '../event.ts';

/** A past event of a spec: its stream is given or derived by `streamIdOf`. */
export type GivenEvent = DomainEvent & { streamId?: string; id?: string };

/** The outcome of one spec, for a UI or a test: `diff` reads `- expected` / `+ actual`. */
export interface SpecResult {
  pass: boolean;
  diff: string;
  expected: unknown;
  actual: unknown;
}

export interface SpecOptions {
  /** The virtual clock the decision sees, `YYYY-MM-DDTHH:MM`. */
  now?: string;
  /** The stream of a given event that does not name one. */
  streamIdOf?: (event: DomainEvent) => string;
  /** Throw a `SpecFailure` on mismatch instead of returning a failing result (for vitest). */
  throwOnFailure?: boolean;
}

/** Thrown by the assertion wrapper; its message is the readable diff. */
export class SpecFailure extends Error {
  constructor(readonly result: SpecResult) {
    super(`Spec failed:\n${result.diff}`);
    this.name = 'SpecFailure';
  }
}

/** Throws a `SpecFailure` unless the spec passed; returns the result otherwise. */
export function assertSpec(result: SpecResult): SpecResult {
  if (!result.pass) throw new SpecFailure(result);
  return result;
}

const DEFAULT_NOW = '2026-03-02T08:00';

/** Which saga reacts (all by default) and at what time. */
interface SagaWhenOptions {
  saga?: string;
  now?: string;
}

/** Pure: the given events as a recorded log: positions from 1, versions per stream, ids `evt-<position>`. */
export function recordEvents(events: readonly GivenEvent[], options: SpecOptions = {}): RecordedEvent[] {
  const versions = new Map<string, number>();
  return events.map((event, index) => {
    const streamId = event.streamId ?? options.streamIdOf?.(event) ?? 'stream';
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    const id = event.id ?? `evt-${index + 1}`;
    return {
      id,
      position: index + 1,
      streamId,
      version,
      type: event.type,
      data: event.data,
      metadata: {
        commandId: 'given',
        correlationId: 'given',
        causationId: 'given',
        occurredAt: options.now ?? DEFAULT_NOW,
      },
    };
  });
}

/** Pure: JSON with object keys sorted, so equal values print equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) ?? 'undefined';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  return Object.fromEntries(
    entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, item]) => [key, sortKeys(item)]),
  );
}

/** Pure: a line diff of two texts (longest common subsequence), `-` for expected only, `+` for actual only. */
export function lineDiff(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] =
        a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push(`  ${a[i++]}`);
      j++;
    } else if (i < a.length && (j === b.length || lengths[i + 1][j] >= lengths[i][j + 1])) {
      lines.push(`- ${a[i++]}`);
    } else {
      lines.push(`+ ${b[j++]}`);
    }
  }
  return lines.join('\n');
}

/** Pure: compares expected and actual as canonical JSON. */
export function compare(expected: unknown, actual: unknown, heading = ''): SpecResult {
  const expectedText = canonicalJson(expected);
  const actualText = canonicalJson(actual);
  const pass = expectedText === actualText;
  const diff = pass
    ? ''
    : `${heading ? `${heading}\n` : ''}- expected\n+ actual\n\n${lineDiff(expectedText, actualText)}`;
  return { pass, diff, expected, actual };
}

const describeDecision = (decision: Decision): unknown =>
  decision.kind === 'accepted'
    ? { accepted: decision.events.map(({ type, data }) => ({ type, data })) }
    : { rejected: decision.error };

/** Pure: does `error` carry the code and every expected fact? */
const matchesRejection = (error: DomainError, code: string, facts: Record<string, unknown>): boolean =>
  error.code === code &&
  Object.entries(facts).every(([key, value]) => canonicalJson(error[key]) === canonicalJson(value));

/**
 * Given/When/Then over any bounded context (Emmett style), pure:
 * `given(events).when(command).thenEvents([...]) | .thenRejects(code)` for deciders,
 * `given(events).thenQuery(query, expected)` for projections,
 * `given(events).whenEvent(event).thenReactions([...])` for sagas.
 */
export function givenWhenThen<C extends Command, E extends DomainEvent, Err extends DomainError>(
  context: BoundedContext<C, E, Err>,
  options: SpecOptions = {},
) {
  const finish = (result: SpecResult) => (options.throwOnFailure ? assertSpec(result) : result);

  function decideAgainst(log: RecordedEvent[], input: unknown, now: string): Decision<E, Err> {
    const validated = context.validate(input);
    if (validated.kind === 'invalid') return { kind: 'rejected', error: validated.error };
    const plan = context.plan(validated.command);
    const guards = Object.fromEntries(
      plan.guardStreamIds.map((streamId) => [streamId, log.filter((event) => event.streamId === streamId)]),
    );
    const stream = log.filter((event) => event.streamId === plan.streamId);
    return context.decide(validated.command, { stream, guards, now });
  }

  function readModels(log: RecordedEvent[]): (name: string) => unknown {
    const states = new Map(
      context.projections.map((projection) => [
        projection.name,
        log.reduce((state, event) => projection.apply(state, event), projection.initialState()),
      ]),
    );
    return (name) => {
      if (!states.has(name)) throw new Error(`No projection named ${name}`);
      return states.get(name);
    };
  }

  function react(log: RecordedEvent[], delivered: RecordedEvent, now: string, sagaName?: string): Command[] {
    const sagas = context.sagas.filter((saga) => sagaName === undefined || saga.name === sagaName);
    if (sagas.length === 0) throw new Error(`No saga named ${sagaName}`);
    return sagas.flatMap((saga) => {
      const state = log.reduce(
        (current, event) => saga.handle(current, event, { now }).state,
        saga.initialState(),
      );
      return saga.handle(state, delivered, { now }).reactions.map((reaction) => reaction.command);
    });
  }

  return {
    given(events: readonly GivenEvent[] = []) {
      const log = recordEvents(events, options);
      const reactionsTo = (delivered: RecordedEvent, whenOptions: SagaWhenOptions) => {
        const reactions = react(
          log,
          delivered,
          whenOptions.now ?? options.now ?? DEFAULT_NOW,
          whenOptions.saga,
        );
        return {
          reactions,
          thenReactions(expected: readonly Command[]): SpecResult {
            return finish(compare(expected, reactions, 'Then: these commands'));
          },
        };
      };
      return {
        log,
        when(command: unknown, whenOptions: { now?: string } = {}) {
          const decision = decideAgainst(log, command, whenOptions.now ?? options.now ?? DEFAULT_NOW);
          return {
            decision,
            thenEvents(expected: readonly DomainEvent[]): SpecResult {
              const wanted = { accepted: expected.map(({ type, data }) => ({ type, data })) };
              return finish(compare(wanted, describeDecision(decision), 'Then: these events'));
            },
            thenRejects(code: string, facts: Record<string, unknown> = {}): SpecResult {
              const pass = decision.kind === 'rejected' && matchesRejection(decision.error, code, facts);
              const wanted = { rejected: { code, ...facts } };
              const result = compare(wanted, describeDecision(decision), `Then: rejected with ${code}`);
              return finish(
                pass
                  ? { ...result, pass, diff: '' }
                  : { ...result, pass, diff: result.diff || 'rejection differs' },
              );
            },
          };
        },
        thenQuery<R>(query: (read: (name: string) => unknown) => R, expected: R): SpecResult {
          return finish(compare(expected, query(readModels(log)), 'Then: this read model'));
        },
        whenEvent(event: GivenEvent, whenOptions: SagaWhenOptions = {}) {
          const [delivered] = recordEvents([...events, event], options).slice(-1);
          return reactionsTo(delivered, whenOptions);
        },
        whenRedelivered(position: number, whenOptions: SagaWhenOptions = {}) {
          const delivered = log[position - 1];
          if (!delivered) throw new Error(`No given event at position ${position}`);
          return reactionsTo(delivered, whenOptions);
        },
      };
    },
  };
}
