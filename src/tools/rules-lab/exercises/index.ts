/** The Rules lab's exercises: a domain's rules to start from, written against the public entry. */
import type { RulesDocument } from '../model/rulesDocument.ts';
// Why `.txt`: an exercise imports 'eventscope' as a learner's file does, which the project's own type check cannot
// resolve; the Rules lab's type checker checks it (tests/tools/rules-lab/sandbox/typecheck.test.ts).
import todoSource from './todo.rules.txt?raw';

export interface RulesExercise {
  id: string;
  title: string;
  /** What to try, in a sentence or two. */
  description: string;
  domain: string;
  source: string;
}

export const EXERCISES: readonly RulesExercise[] = [
  {
    id: 'todo',
    title: 'To-do list (an Emmett-style decider)',
    description:
      'One decider: add, complete and remove to-dos. Try letting a removed to-do be completed, or forget a command in the decider’s list, and see what the lab says.',
    domain: 'todo',
    source: todoSource,
  },
];

/** Pure: the exercise's starting document (the first exercise when the id is unknown). */
export function exerciseDocument(id: string): RulesDocument {
  const exercise = EXERCISES.find((each) => each.id === id) ?? EXERCISES[0];
  return { domain: exercise.domain, exercise: exercise.id, source: exercise.source };
}
