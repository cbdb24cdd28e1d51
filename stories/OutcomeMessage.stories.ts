import type { Meta, StoryObj } from '@storybook/svelte-vite';
import OutcomeMessage from '../src/ui/components/OutcomeMessage.svelte';
import type { Outcome } from '../src/ui/shell/appState.svelte.ts';
import { acceptedOutcome, DAY, rejectedOutcome, typicalApp } from './fixtures.ts';

const meta = {
  title: 'Components/OutcomeMessage',
  component: OutcomeMessage,
  render: (args, { loaded }) => ({
    Component: OutcomeMessage,
    props: { ...args, outcome: (loaded.outcome as Outcome | undefined) ?? null },
  }),
} satisfies Meta<typeof OutcomeMessage>;
export default meta;
type Story = StoryObj<typeof OutcomeMessage>;

export const Empty: Story = {};
export const Typical: Story = {
  loaders: [async () => ({ outcome: await acceptedOutcome(await typicalApp()) })],
};
export const WithError: Story = {
  loaders: [async () => ({ outcome: await rejectedOutcome(await typicalApp()) })],
};
export const Large: Story = {
  loaders: [
    async () => {
      const app = await typicalApp();
      return {
        outcome: await app.dispatch({
          type: 'CancelDaySchedule',
          data: { dayId: `ana-silva_${DAY}`, reason: 'flu' },
        }),
      };
    },
  ],
};
