import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, waitFor } from 'storybook/test';
import EventLog from '../src/ui/panels/log/EventLog.svelte';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import { emptyApp, largeApp, overbookedApp, typicalApp, withApp } from './fixtures.ts';

const meta = {
  title: 'Panels/EventLog',
  component: EventLog,
  parameters: { layout: 'fullscreen' },
  render: (args, { loaded }) => {
    const app = loaded.app as AppState;
    return {
      Component: EventLog,
      props: { events: app.events, commands: app.commands, ...(args as object) },
    };
  },
} satisfies Meta<typeof EventLog>;
export default meta;
type Story = StoryObj<typeof EventLog>;

export const Empty: Story = withApp(emptyApp);
export const Typical: Story = {
  ...withApp(typicalApp),
  play: async ({ canvas, userEvent }) => {
    await userEvent.selectOptions(canvas.getByLabelText('Type'), 'SlotBooked');
    await waitFor(() => expect(canvas.getByTestId('log-count').textContent).toContain('3 of'));
    await userEvent.type(canvas.getByLabelText('Text'), 'maria');
    await waitFor(() => expect(canvas.getByTestId('log-count').textContent).toContain('1 of'));
  },
};
export const WithError: Story = {
  ...withApp(overbookedApp),
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Text'), 'overbooking');
    await userEvent.click((await canvas.findAllByRole('button', { name: 'SlotBookingCancelled' }))[0]);
    await userEvent.click(await canvas.findByRole('button', { name: /SlotBooked$/ }));
    await waitFor(() =>
      expect(canvas.getByRole('article').getAttribute('aria-label')).toMatch(/^Event #\d+$/),
    );
  },
};
export const Large: Story = {
  ...withApp(largeApp),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Last' }));
    await expect(canvas.getByText(/^Page (\d+) of \1$/)).toBeTruthy();
  },
};
