import { describe, expect, it } from 'vitest';
import { isInstant } from '../../../src/core/clock.ts';
import type { DomainEvent } from '../../../src/core/event.ts';
import { givenWhenThen } from '../../../src/core/testing/givenWhenThen.ts';
import { library } from '../../../src/domains/library/index.ts';
import type { ScenarioSpec } from '../../../src/core/domain/index.ts';

/** Pure: the events a scenario's Given amounts to, each command decided after the ones before (none may be refused). */
function givenEvents(scenario: ScenarioSpec): DomainEvent[] {
  const { given } = givenWhenThen(library.context, { now: scenario.now, streamIdOf: library.streamOfEvent });
  const events: DomainEvent[] = [];
  for (const item of scenario.given) {
    if (item.kind === 'event') {
      events.push(item.event);
      continue;
    }
    const { decision } = given(events).when(item.command);
    if (decision.kind === 'rejected')
      throw new Error(`${scenario.id}: given ${item.command.type} refused: ${decision.error.message}`);
    events.push(...decision.events.map(({ type, data }) => ({ type, data })));
  }
  return events;
}

describe('the library’s built-in scenarios', () => {
  it('have unique ids', () => {
    const ids = library.scenarios.map((scenario) => scenario.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(library.scenarios.map((scenario) => [scenario.id, scenario] as const))(
    '%s',
    (_, scenario) => {
      it('holds only events and commands of the domain’s shape, at a real instant', () => {
        expect(isInstant(scenario.now)).toBe(true);
        for (const item of scenario.given)
          if (item.kind === 'event') expect(library.eventProblems(item.event)).toEqual([]);
          else expect(library.context.validate(item.command).kind).toBe('valid');
        expect(library.context.validate(scenario.when).kind).toBe('valid');
        if ('events' in scenario.then)
          for (const event of scenario.then.events) expect(library.eventProblems(event)).toEqual([]);
        else expect(scenario.then.rejection).toMatch(/^[A-Z]/);
      });

      it('passes: Given, When, Then', () => {
        const { given } = givenWhenThen(library.context, {
          now: scenario.now,
          streamIdOf: library.streamOfEvent,
          throwOnFailure: true,
        });
        const when = given(givenEvents(scenario)).when(scenario.when);
        if ('events' in scenario.then) when.thenEvents(scenario.then.events);
        else when.thenRejects(scenario.then.rejection);
      });
    },
  );

  it('fail when their Then is wrong', () => {
    const [first] = library.scenarios;
    const { given } = givenWhenThen(library.context, { now: first.now, streamIdOf: library.streamOfEvent });
    expect(given(givenEvents(first)).when(first.when).thenRejects('BookNotFound').pass).toBe(false);
  });
});
