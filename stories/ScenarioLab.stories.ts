import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, within } from 'storybook/test';
import { builtInScenarios } from '../src/domain/scheduling/scenarioFile.ts';
import ScenarioLab from '../src/ui/scenarios/ScenarioLab.svelte';
import { ScenarioLabState } from '../src/ui/scenarios/scenarioLab.svelte.ts';
import { decodeScenarioLink } from '../src/ui/scenarios/scenarioLink.ts';

const slotAlreadyBooked = builtInScenarios[0];

const meta = {
  title: 'Scenarios/ScenarioLab',
  component: ScenarioLab,
  parameters: { layout: 'padded' },
  render: (_args, { loaded }) => ({
    Component: ScenarioLab,
    props: {
      lab: (loaded.lab as ScenarioLabState | undefined) ?? new ScenarioLabState(),
      base: 'http://localhost:5173/',
      savedAt: () => '2026-03-02T08:00',
    },
  }),
} satisfies Meta<typeof ScenarioLab>;
export default meta;
type Story = StoryObj<typeof ScenarioLab>;

export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Nothing yet: the practice is empty.')).toBeInTheDocument();
    await expect(canvas.getByText('No command yet.')).toBeInTheDocument();
  },
};

/** Seed 000's example, run by the real engine before the story renders. */
export const Passing: Story = {
  loaders: [
    async () => {
      const lab = new ScenarioLabState();
      lab.load(slotAlreadyBooked);
      await lab.runNow();
      return { lab };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('scenario-status')).toHaveTextContent('Passed');
    const link = (canvas.getByTestId('scenario-link') as HTMLInputElement).value;
    await expect(decodeScenarioLink(new URL(link).hash)).toEqual({ kind: 'ok', scenario: slotAlreadyBooked });
  },
};

/** The same scenario expecting the wrong rule: the verdict in words and the diff. */
export const FailingWithDiff: Story = {
  loaders: [
    async () => {
      const lab = new ScenarioLabState();
      lab.load({ ...slotAlreadyBooked, then: { rejection: 'SlotNotScheduled' } });
      await lab.runNow();
      return { lab };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('scenario-status')).toHaveTextContent('Failed');
    await expect(canvas.getByTestId('scenario-verdict')).toHaveTextContent(
      /expects BookSlot to be rejected with SlotNotScheduled, but BookSlot was rejected with SlotAlreadyBooked/,
    );
    await expect(canvas.getByTestId('scenario-diff')).toHaveTextContent('"code": "SlotAlreadyBooked"');
  },
};

/** What if Tom had never booked? The branch books Maria, so its SlotAlreadyBooked expectation fails. */
export const WhatIfCompared: Story = {
  loaders: [
    async () => {
      const lab = new ScenarioLabState();
      lab.load(slotAlreadyBooked);
      await lab.runNow();
      return { lab };
    },
  ],
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Fork a copy' }));
    const steps = canvas.getByRole('list', { name: 'Branch steps' });
    await userEvent.click(within(steps).getAllByRole('checkbox', { name: 'skip' })[4]);
    await userEvent.click(canvas.getByRole('button', { name: 'Run both' }));
    const compared = within(canvas.getByTestId('what-if-compare'));
    await expect(compared.getAllByTestId('scenario-status').map((s) => s.textContent)).toEqual([
      'Passed',
      'Failed',
    ]);
    await expect(canvas.getByText('Step 5 (BookSlot) is skipped')).toBeInTheDocument();
  },
};

export const BadLink: Story = {
  loaders: [
    () => ({ lab: new ScenarioLabState({ hash: '#scenario=N4IgZg9gTgtghgFxALhAUwG5oHYIM4DGEADmg' }) }),
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('scenario-link-error')).toHaveTextContent(
      /^This scenario link cannot be opened: /,
    );
    await expect(canvas.queryByTestId('scenario-result')).toBeNull();
  },
};
