import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect } from 'storybook/test';
import CommandHistory from '../src/ui/panels/console/CommandHistory.svelte';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import { emptyApp, largeApp, overbookedApp, rejectedOutcome, typicalApp, withApp } from './fixtures.ts';

const meta = {
  title: 'Console/CommandHistory',
  component: CommandHistory,
  render: (args, { loaded }) => ({
    Component: CommandHistory,
    props: { ...args, commands: (loaded.app as AppState).commands },
  }),
} satisfies Meta<typeof CommandHistory>;
export default meta;
type Story = StoryObj<typeof CommandHistory>;

export const Empty: Story = withApp(emptyApp);
export const Typical: Story = withApp(typicalApp);
export const WithError: Story = {
  loaders: [
    async () => {
      const app = await overbookedApp();
      await rejectedOutcome(app);
      await app.settle();
      return { app };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByText('SlotNotScheduled')).toBeTruthy();
    await expect(canvas.getAllByText('saga:overbooking').length).toBeGreaterThan(0);
  },
};
export const Large: Story = { ...withApp(largeApp), args: { limit: 40 } };
