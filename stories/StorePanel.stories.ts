import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, waitFor } from 'storybook/test';
import StorePanel from '../src/ui/panels/store/StorePanel.svelte';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import { emptyApp, largeApp, typicalApp, withApp } from './fixtures.ts';

const meta = {
  title: 'Panels/StorePanel',
  component: StorePanel,
  parameters: { layout: 'fullscreen' },
  render: (_args, { loaded }) => ({ Component: StorePanel, props: { app: loaded.app as AppState } }),
} satisfies Meta<typeof StorePanel>;
export default meta;
type Story = StoryObj<typeof StorePanel>;

export const Empty: Story = withApp(emptyApp);
export const Typical: Story = {
  ...withApp(typicalApp),
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Reset the store…' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Keep them' }));
    await expect((loaded.app as AppState).head).toBeGreaterThan(0);
    await userEvent.click(canvas.getByRole('button', { name: 'Reset the store…' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Yes, erase everything' }));
    await waitFor(() => expect((loaded.app as AppState).head).toBe(0));
  },
};
export const WithError: Story = {
  ...withApp(typicalApp),
  play: async ({ canvas, userEvent, loaded }) => {
    const before = (loaded.app as AppState).head;
    const file = new File(['{"format":"something-else"}'], 'wrong.json', { type: 'application/json' });
    await userEvent.upload(canvas.getByLabelText('Import a log file…'), file);
    await waitFor(() =>
      expect(canvas.getByRole('alert').textContent).toContain('wrong.json was not imported'),
    );
    await expect((loaded.app as AppState).head).toBe(before);
  },
};
export const Large: Story = withApp(largeApp);
