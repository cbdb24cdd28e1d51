import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, waitFor } from 'storybook/test';
import { exerciseDocument } from '../src/tools/rules-lab/exercises/index.ts';
import RulesLab from '../src/ui/tools/rules/RulesLab.svelte';
import { RulesLabState } from '../src/ui/tools/rules/rulesLab.svelte.ts';

/** Labs made by the loaders, closed (with their sandbox) after each story. */
const labs: RulesLabState[] = [];
const labFor = (source?: string) => {
  const todo = exerciseDocument('todo');
  const lab = new RulesLabState({
    document: source === undefined ? todo : { domain: 'todo', exercise: null, source },
    debounceMs: 150,
  });
  labs.push(lab);
  return lab;
};
const until = async (isDone: () => boolean, timeoutMs = 30_000) => {
  const end = Date.now() + timeoutMs;
  while (!isDone()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
const todo = exerciseDocument('todo').source;

const meta = {
  title: 'Rules lab/RulesLab',
  component: RulesLab,
  parameters: { layout: 'padded' },
  beforeEach: () => () => {
    for (const lab of labs.splice(0)) lab.dispose();
  },
  render: (_args, { loaded }) => ({
    Component: RulesLab,
    props: { lab: loaded.lab as RulesLabState, base: 'https://eventscope.example/' },
  }),
} satisfies Meta<typeof RulesLab>;
export default meta;
type Story = StoryObj<typeof RulesLab>;

/** The to-do exercise, compiled and run in the real sandbox. */
export const TodoExercise: Story = {
  loaders: [
    async () => {
      const lab = labFor();
      // Why long: the first story may wait for the dev server to bundle the sandbox.
      await until(() => lab.build !== null, 55_000);
      return { lab };
    },
  ],
  play: async ({ canvas }) => {
    await waitFor(
      () =>
        expect(canvas.getByTestId('rules-status')).toHaveTextContent(
          'Your module defines domain todo (To-do list) with commands AddTodo, CompleteTodo and RemoveTodo and events TodoAdded, TodoCompleted and TodoRemoved.',
        ),
      { timeout: 30_000 },
    );
    await expect(canvas.getByRole('textbox', { name: 'Rules (TypeScript)' })).toBeInTheDocument();
    await expect((canvas.getByTestId('rules-link') as HTMLInputElement).value).toMatch(
      /^https:\/\/eventscope\.example\/#rules=/,
    );
  },
};

/** A syntax error: shown at its line, in the editor and in the list; its "go to" puts the cursor there. */
export const SyntaxError: Story = {
  loaders: [
    async () => {
      const lab = labFor(`${todo}\nconst broken = ;\n`);
      await until(() => lab.build !== null);
      return { lab };
    },
  ],
  play: async ({ canvas, canvasElement, userEvent }) => {
    const line = todo.split('\n').length + 1;
    await expect(canvas.getByTestId('rules-status')).toHaveTextContent(
      /^Your rules do not compile: 1 problem, nothing was run\./,
    );
    const goTo = canvas.getByRole('button', { name: new RegExp(`^Line ${line}, column`) });
    await expect(canvas.getByTestId('rules-problems')).toHaveTextContent('Expression expected.');
    await userEvent.click(goTo);
    await expect(canvas.getByRole('textbox', { name: 'Rules (TypeScript)' })).toHaveFocus();
    // The line is scrolled into view, underlined where the error is.
    await waitFor(() => expect(canvasElement.querySelector('.cm-lintRange-error')).toHaveTextContent(';'));
  },
};

/** defineDomain refuses the definition: each problem at the part it names. */
export const DefinitionProblem: Story = {
  loaders: [
    async () => {
      const lab = labFor(
        todo.replace(
          "commands: ['AddTodo', 'CompleteTodo', 'RemoveTodo']",
          "commands: ['AddTodo', 'CompleteTodo']",
        ),
      );
      await until(() => lab.build !== null);
      return { lab };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('rules-status')).toHaveTextContent(
      'defineDomain refused domain todo: 1 problem.',
    );
    await expect(canvas.getByTestId('rules-problems')).toHaveTextContent(
      "commands.RemoveTodo has no decider (add it to one decider's commands)",
    );
  },
};

/** Typing a mistake into a good module: the last good version keeps running, and the problem is shown. */
export const EditingKeepsTheLastGoodVersion: Story = {
  loaders: [
    async () => {
      const lab = labFor();
      await until(() => lab.build !== null);
      return { lab };
    },
  ],
  play: async ({ canvas, userEvent }) => {
    const editor = canvas.getByRole('textbox', { name: 'Rules (TypeScript)' });
    await userEvent.click(editor);
    await userEvent.keyboard('{Control>}{End}{/Control}{Enter}const broken = ;');
    await waitFor(
      () => expect(canvas.getByTestId('rules-status')).toHaveTextContent(/^Your rules do not compile/),
      {
        timeout: 30_000,
      },
    );
    await expect(canvas.getByTestId('rules-last-good')).toHaveTextContent(
      'The last good version (todo, To-do list) keeps running until this one defines a domain.',
    );
    await expect(canvas.getByTestId('rules-problems')).toHaveTextContent('Expression expected.');
  },
};

/** An endless loop is stopped by the watchdog and said so. */
export const EndlessLoop: Story = {
  loaders: [
    async () => {
      const lab = labFor('while (true) {}\nexport {};\n');
      await until(() => lab.build !== null);
      return { lab };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('rules-status')).toHaveTextContent(
      'Stopped: it ran longer than 3 s (an endless loop?). The sandbox was restarted.',
    );
  },
};

/** A damaged link changes nothing and says why. */
export const DamagedLink: Story = {
  loaders: [
    async () => {
      const lab = labFor();
      lab.openLink('#rules=N4IgZg9gTgtghgFxALhAUwG5oHYIM4DGEADmg');
      return { lab };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent(/^This rules link cannot be opened: /);
    await expect(canvas.getByRole('combobox', { name: 'Exercise' })).toHaveValue('todo');
  },
};

/** Tab reaches the editor and, until you type in it, moves on: the editor is no keyboard trap. */
export const KeyboardPassesThrough: Story = {
  loaders: [async () => ({ lab: labFor() })],
  play: async ({ canvas, canvasElement, userEvent }) => {
    const editor = canvas.getByRole('textbox', { name: 'Rules (TypeScript)' });
    canvas.getByRole('button', { name: 'Larger text' }).focus();
    await userEvent.tab();
    await expect(editor).toHaveFocus();
    await userEvent.tab();
    await expect(canvasElement.querySelector('.cm-editor')?.contains(document.activeElement)).toBe(false);
    // Once typing, Tab indents; Escape then Tab leaves.
    await userEvent.click(editor);
    await userEvent.keyboard('{Control>}{Home}{/Control}{Tab}');
    await expect(editor).toHaveFocus();
    await userEvent.keyboard('{Escape}{Tab}');
    await expect(canvasElement.querySelector('.cm-editor')?.contains(document.activeElement)).toBe(false);
  },
};
