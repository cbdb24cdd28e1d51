import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, waitFor } from 'storybook/test';
import App from '../src/ui/shell/App.svelte';

/** The real entry: opens the IndexedDB store of the browser running the story, then the shell. */
const meta = { title: 'App/App', component: App, parameters: { layout: 'fullscreen' } } satisfies Meta<
  typeof App
>;
export default meta;
type Story = StoryObj<typeof App>;

export const Typical: Story = {
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByRole('tab', { name: 'Practice board' })).toBeTruthy(), {
      timeout: 10_000,
    });
    await expect(canvas.getByTestId('store-status').textContent).toContain('IndexedDB');
  },
};
