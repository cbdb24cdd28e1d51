import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, waitFor } from 'storybook/test';
import ClockControl from '../src/ui/shell/header/ClockControl.svelte';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import { emptyApp, largeApp, typicalApp, withApp } from './fixtures.ts';

const meta = {
  title: 'Header/ClockControl',
  component: ClockControl,
  render: (args, { loaded }) => {
    const app = loaded.app as AppState;
    return {
      Component: ClockControl,
      props: { now: app.now, onset: (instant: string) => app.setClock(instant), ...(args as object) },
    };
  },
} satisfies Meta<typeof ClockControl>;
export default meta;
type Story = StoryObj<typeof ClockControl>;

export const Empty: Story = withApp(emptyApp);
export const Typical: Story = {
  ...withApp(typicalApp),
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.click(canvas.getByRole('button', { name: '+1 day' }));
    await waitFor(() => expect((loaded.app as AppState).sandbox.clock.now()).toBe('2026-03-03T08:00'));
  },
};
export const WithError: Story = {
  ...withApp(typicalApp),
  args: { onset: () => 'The clock needs an instant YYYY-MM-DDTHH:MM, got "someday"' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Month end' }));
    await expect(canvas.getByRole('alert').textContent).toContain('YYYY-MM-DDTHH:MM');
  },
};
export const Large: Story = { ...withApp(largeApp), args: { now: '2026-12-31T23:59' } };
