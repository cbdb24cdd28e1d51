import type { AddTodo } from '../commands.ts';
import type { RaceKnob, RaceKnobs, RaceWorld } from '../../../index.ts';

/** The todos a race may use, in order: `todos` knob = how many. */
export const raceTodos = [
  { todoId: 'chopper', title: 'Get to the chopper', stakeholderEmail: 'dutch@example.com' },
  { todoId: 'taxes', title: 'File the tax return', stakeholderEmail: 'ana@example.com' },
  { todoId: 'bike', title: 'Fix the bike' },
  { todoId: 'dentist', title: 'Book the dentist', stakeholderEmail: 'tom@example.com' },
];

/** Who acts in a race, in order: `people` knob = how many. */
export const racePeople = ['ana', 'ben', 'chen', 'dora'];

/** The race lab's size knobs. */
export const raceKnobs = {
  todos: { label: 'Todos', min: 1, max: raceTodos.length, default: 2 },
  people: { label: 'People acting at once', min: 1, max: racePeople.length, default: 3 },
  steps: { label: 'Steps per person', min: 1, max: 6, default: 3 },
} satisfies Record<string, RaceKnob>;

const RACE_START = '2026-03-02T08:00';

/** Pure: a knob's value, kept within its range. */
export const knob = (knobs: RaceKnobs, name: keyof typeof raceKnobs): number => {
  const { min, max, default: fallback } = raceKnobs[name];
  return Math.min(max, Math.max(min, Math.round(knobs[name] ?? fallback)));
};

/** Pure: the race's todos (by id). */
export const todoIdsOf = (knobs: RaceKnobs): string[] =>
  raceTodos.slice(0, knob(knobs, 'todos')).map((todo) => todo.todoId);

/**
 * Pure: the world a race starts from: every todo of the race added, but the last, which the race itself adds (so
 * two people may add it at once).
 */
export function raceWorld(knobs: RaceKnobs): RaceWorld {
  const added = raceTodos.slice(0, knob(knobs, 'todos') - 1);
  return {
    now: RACE_START,
    commands: added.map((data): AddTodo => ({ type: 'AddTodo', data: { ...data } })),
  };
}
