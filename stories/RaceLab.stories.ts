import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, waitFor } from 'storybook/test';
import { NO_BUGS } from '../src/tools/race-lab/model/race.ts';
import RaceLab from '../src/ui/tools/race-lab/RaceLab.svelte';
import { RaceLabState } from '../src/ui/tools/race-lab/raceLab.svelte.ts';

const until = async (isDone: () => boolean) => {
  while (!isDone()) await new Promise((resolve) => setTimeout(resolve, 50));
};

const meta = {
  title: 'Race lab/RaceLab',
  component: RaceLab,
  parameters: { layout: 'padded' },
  render: (_args, { loaded }) => ({
    Component: RaceLab,
    props: { lab: (loaded.lab as RaceLabState | undefined) ?? new RaceLabState() },
  }),
} satisfies Meta<typeof RaceLab>;
export default meta;
type Story = StoryObj<typeof RaceLab>;

export const Idle: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Run races' })).toBeEnabled();
    await expect(canvas.getByRole('checkbox', { name: /skipVersionCheck/ })).not.toBeChecked();
  },
};

/** A real run of the worker, long enough to be caught mid-way; leaving the story stops it. */
export const Running: Story = {
  loaders: [
    async () => {
      const lab = new RaceLabState();
      lab.settings.numRuns = 100_000;
      void lab.start();
      await until(() => (lab.progress?.runs ?? 0) > 0);
      return { lab };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Stop' })).toBeInTheDocument();
    await expect(canvas.getByText('Running in a worker…')).toBeInTheDocument();
  },
};

/** The real engine finds and shrinks the planted double booking before the story renders. */
export const FailedWithCounterexample: Story = {
  loaders: [
    async () => {
      const lab = new RaceLabState();
      lab.settings = {
        ...lab.settings,
        property: 'slotExclusivity',
        bugs: { ...NO_BUGS, skipVersionCheck: true },
      };
      await lab.start();
      await until(() => lab.steps.length > 0);
      return { lab };
    },
  ],
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByTestId('cx-violations')).toHaveTextContent('slotExclusivity');
    await expect(canvas.getByTestId('cx-size')).toHaveTextContent(/^2 operations, 2 actors/);
    await userEvent.click(canvas.getByRole('button', { name: 'Next ▶' }));
    await waitFor(() => expect(canvas.getByTestId('replay-position')).toHaveTextContent('Step 2 of'));
  },
};

export const BadLink: Story = {
  loaders: [
    async () => {
      const lab = new RaceLabState();
      lab.openLink('#race=N4IgZg9gTgtghgFxALhAUwG5oHYIM4DGEADmg');
      return { lab };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('This race link cannot be opened.');
    await expect(canvas.queryByTestId('counterexample')).toBeNull();
  },
};
