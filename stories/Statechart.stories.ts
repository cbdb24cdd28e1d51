import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect } from 'storybook/test';
import Statechart from '../src/ui/panels/sagas/Statechart.svelte';
import { dayCancellationNotifierMachine, overbookingMachine } from '../src/domains/scheduling/index.ts';

const meta = {
  title: 'Sagas/Statechart',
  component: Statechart,
  args: { machine: overbookingMachine, name: 'overbooking', counts: {} },
} satisfies Meta<typeof Statechart>;
export default meta;
type Story = StoryObj<typeof Statechart>;

export const Empty: Story = {};
export const Typical: Story = {
  args: { counts: { withinLimit: 3 } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img').getAttribute('aria-label')).toContain('withinLimit (3 instances)');
  },
};
export const WithError: Story = { args: { counts: { withinLimit: 2, compensating: 1 } } };
export const Large: Story = {
  args: {
    machine: dayCancellationNotifierMachine,
    name: 'dayCancellationNotifier',
    counts: { notifying: 120, done: 480 },
  },
};
