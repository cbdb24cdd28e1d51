import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, waitFor } from 'storybook/test';
import Mailbox from '../src/domains/scheduling/board/Mailbox.svelte';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import { emptyApp, largeApp, overbookedApp, typicalApp, withApp } from './fixtures.ts';

const meta = {
  title: 'Panels/Mailbox',
  component: Mailbox,
  parameters: { layout: 'fullscreen' },
  render: (_args, { loaded }) => ({ Component: Mailbox, props: { app: loaded.app as AppState } }),
} satisfies Meta<typeof Mailbox>;
export default meta;
type Story = StoryObj<typeof Mailbox>;

export const Empty: Story = withApp(emptyApp);
export const Typical: Story = withApp(typicalApp);
export const WithError: Story = {
  ...withApp(overbookedApp),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: /Tom Baker/ }));
    await waitFor(() => expect(canvas.getByTestId('mailbox').textContent).toMatch(/09:30/));
  },
};
export const Large: Story = withApp(largeApp);
