import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect } from 'storybook/test';
import Shell from '../src/ui/shell/Shell.svelte';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import { emptyApp, largeApp, overbookedApp, typicalApp, withApp } from './fixtures.ts';

const meta = {
  title: 'App/Shell',
  component: Shell,
  parameters: { layout: 'fullscreen' },
  render: (args, { loaded }) => ({ Component: Shell, props: { ...args, app: loaded.app as AppState } }),
} satisfies Meta<typeof Shell>;
export default meta;
type Story = StoryObj<typeof Shell>;

export const Empty: Story = withApp(emptyApp);
export const Typical: Story = {
  ...withApp(typicalApp),
  play: async ({ canvas, userEvent }) => {
    const board = canvas.getByRole('tab', { name: 'Practice board' });
    board.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('tab', { name: 'Command console' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  },
};
export const WithError: Story = { ...withApp(overbookedApp), args: { initialTab: 'sagas' } };
export const Large: Story = { ...withApp(largeApp), args: { initialTab: 'log' } };
