import { beforeAll, describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock, waitFor } from 'xstate';
import { typeFiles } from '../../../../src/tools/rules-lab/build/sandboxBundle.ts';
import {
  currentDiagnostics,
  rulesPipelineMachine,
  type RevisionInput,
} from '../../../../src/tools/rules-lab/model/rulesPipelineMachine.ts';
import type { BuildResult, JobEnd, TypeCheckResult } from '../../../../src/tools/rules-lab/protocol.ts';
import { buildRules } from '../../../../src/tools/rules-lab/sandbox/buildRules.ts';
import { RulesTypeChecker } from '../../../../src/tools/rules-lab/sandbox/typecheck.ts';
import todoSource from '../../../../src/tools/rules-lab/exercises/todo.rules.txt?raw';
import { functionLoader } from '../functionLoader.ts';

let checker: RulesTypeChecker;
beforeAll(() => {
  checker = new RulesTypeChecker(typeFiles(process.cwd()));
}, 60_000);

/** The pipeline with the sandbox's own build and type check run in Node, on a simulated clock. */
function start(source: string) {
  const built: number[] = [];
  const machine = rulesPipelineMachine.provide({
    actors: {
      build: fromPromise<JobEnd<BuildResult>, RevisionInput>(async ({ input }) => {
        built.push(input.revision);
        return { kind: 'done', result: (await buildRules(input.source, functionLoader)).result };
      }),
      typecheck: fromPromise<JobEnd<TypeCheckResult>, RevisionInput>(async ({ input }) => ({
        kind: 'done',
        result: { diagnostics: checker.check(input.source), checkMs: 0 },
      })),
    },
  });
  const clock = new SimulatedClock();
  const actor = createActor(machine, { input: { source, debounceMs: 400 }, clock }).start();
  const settled = () => waitFor(actor, (snapshot) => snapshot.matches('idle'), { timeout: 30_000 });
  return { actor, clock, built, settled };
}

const broken = todoSource.replace('const todo:', 'const todo =:');
const renamed = todoSource.replace("'To-do list'", "'Chores'");

describe('the rules pipeline', () => {
  it('builds and type-checks the rules it starts with; a domain becomes the last good version', async () => {
    const { settled } = start(todoSource);
    const { context } = await settled();
    expect(context.build).toMatchObject({ revision: 1, end: { kind: 'done', result: { kind: 'domain' } } });
    expect(context.types).toMatchObject({ revision: 1, end: { kind: 'done', result: { diagnostics: [] } } });
    expect(context.lastGood).toMatchObject({
      revision: 1,
      source: todoSource,
      domain: { title: 'To-do list' },
    });
    expect(currentDiagnostics(context)).toEqual([]);
  });

  it('waits for a pause in the typing: one build, of the last text', async () => {
    const { actor, clock, built, settled } = start(todoSource);
    await settled();
    actor.send({ type: 'rules.edit', source: broken });
    clock.increment(300);
    actor.send({ type: 'rules.edit', source: renamed });
    clock.increment(300);
    expect(actor.getSnapshot().value).toBe('waiting');
    expect(built).toEqual([1]);
    clock.increment(100);
    const { context } = await settled();
    expect(built).toEqual([1, 3]);
    expect(context.lastGood).toMatchObject({ revision: 3, domain: { title: 'Chores' } });
  });

  it('keeps the last good version while the text does not compile, showing where it does not', async () => {
    const { actor, clock, settled } = start(todoSource);
    await settled();
    actor.send({ type: 'rules.edit', source: broken });
    expect(currentDiagnostics(actor.getSnapshot().context)).toEqual([]);
    clock.increment(400);
    const { context } = await settled();
    expect(context.build).toMatchObject({ revision: 2, end: { result: { kind: 'compileErrors' } } });
    expect(context.lastGood).toMatchObject({ revision: 1, source: todoSource });
    const [error] = currentDiagnostics(context);
    expect(error).toMatchObject({
      source: 'syntax',
      line: broken.split('\n').findIndex((l) => l.includes('=:')) + 1,
    });
    // A module that does not compile is not type-checked: the old check no longer describes the text.
    expect(context.types?.revision).toBe(1);
  });

  it('shows type errors of the current text with its build’s, and keeps running a module that has them', async () => {
    const source = todoSource.replace('command.data.todoId)', 'command.data.todo)');
    const { actor, settled } = start(todoSource);
    await settled();
    actor.send({ type: 'rules.open', source });
    const { context } = await settled();
    expect(context.lastGood?.revision).toBe(2);
    expect(currentDiagnostics(context)).toEqual([
      expect.objectContaining({
        source: 'types',
        message: expect.stringContaining("Property 'todo' does not exist"),
      }),
    ]);
  });

  it('drops the result of a build the learner typed past, and builds the newer text', async () => {
    const { actor, clock, built, settled } = start(todoSource);
    const revisions: number[] = [];
    actor.subscribe((snapshot) => {
      const revision = snapshot.context.build?.revision;
      if (revision !== undefined && revisions.at(-1) !== revision) revisions.push(revision);
    });
    actor.send({ type: 'rules.edit', source: renamed });
    clock.increment(400);
    const { context } = await settled();
    expect(built).toEqual([1, 2]);
    expect(revisions).toEqual([2]);
    expect(context.lastGood).toMatchObject({ revision: 2, domain: { title: 'Chores' } });
  });
});
