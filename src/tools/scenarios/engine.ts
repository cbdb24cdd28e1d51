/**
 * A scenario over its domain: the domain under the scenario's settings, the Given/When/Then engine at its clock,
 * the events its Given amounts to, and its expected rows asked of the domain's queries. Pure: no sandbox here.
 */
import type { DomainModule } from '../../core/domain/domainModule.ts';
import type { ExpectedRows, GivenItem, ScenarioSpec } from '../../core/domain/scenario.ts';
import type { DomainEvent } from '../../core/event.ts';
import { givenWhenThen } from '../../core/testing/givenWhenThen.ts';
import { queryNamed } from './model/scenarioRows.ts';

/** Pure: the domain under its default settings, then `settings` (a scenario never depends on the app's). */
export function withSettings(
  domain: DomainModule,
  settings: Readonly<Record<string, unknown>> | undefined,
): DomainModule {
  const defaults = Object.fromEntries(
    Object.entries(domain.settings).map(([key, each]) => [key, each.default]),
  );
  const wanted = { ...defaults, ...settings };
  const isAsConfigured = Object.keys(wanted).every((key) =>
    Object.is(domain.settingValues[key], wanted[key]),
  );
  return isAsConfigured ? domain : domain.configure(wanted);
}

/** Pure: the domain as the scenario runs it: its defaults, with the scenario's settings applied. */
export const scenarioDomain = (
  domain: DomainModule,
  scenario: Pick<ScenarioSpec, 'settings'>,
): DomainModule => withSettings(domain, scenario.settings);

/** The Given/When/Then engine of a domain at a scenario's clock (the domain already configured). */
export const scenarioSpec = (domain: DomainModule, now: string, options: { throwOnFailure?: boolean } = {}) =>
  givenWhenThen(domain.context, {
    now,
    streamIdOf: (event) => domain.streamOfEvent(event),
    throwOnFailure: options.throwOnFailure ?? false,
  });

/** One event of a Given's history, and which append it belongs to (`given-<step>`). */
export type GivenHistory =
  | { kind: 'ok'; events: DomainEvent[]; groups: string[] }
  | { kind: 'rejected'; index: number; code: string; message: string };

/**
 * Pure: the events the Given items amount to, each command decided by the engine after the ones before. Each
 * command's events are one append (`groups`); past events given one after another are appended together.
 */
export function givenHistory(domain: DomainModule, given: readonly GivenItem[], now: string): GivenHistory {
  const spec = scenarioSpec(domain, now);
  const events: DomainEvent[] = [];
  const groups: string[] = [];
  for (const [index, item] of given.entries()) {
    if (item.kind === 'event') {
      events.push({ type: item.event.type, data: item.event.data });
      // Why one group for a run of past events: they have no command to say what was appended together (a double
      // slot's two bookings), so a run of one stream is one append, as a decider would have made it.
      const previous = given[index - 1];
      groups.push(previous?.kind === 'event' ? (groups.at(-1) as string) : `given-${index + 1}`);
      continue;
    }
    const decision = spec.given(events).when(item.command).decision;
    if (decision.kind === 'rejected')
      return { kind: 'rejected', index, code: decision.error.code, message: decision.error.message };
    for (const event of decision.events) {
      events.push({ type: event.type, data: event.data });
      groups.push(`given-${index + 1}`);
    }
  }
  return { kind: 'ok', events, groups };
}

/** Pure: the answer of the query an expectation names, over the given read models at the clock `now`. */
export const runQuery =
  (domain: DomainModule, { query, args }: Pick<ExpectedRows, 'query' | 'args'>, now: string) =>
  (read: (projectionName: string) => unknown): unknown => {
    const definition = queryNamed(domain, query);
    if (!definition) throw new Error(`${domain.name} has no query named ${JSON.stringify(query)}`);
    return definition.run({ read, now }, ...args);
  };
