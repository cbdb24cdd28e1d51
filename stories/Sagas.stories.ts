import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect } from 'storybook/test';
import Sagas from '../src/ui/panels/sagas/Sagas.svelte';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import { emptyApp, largeApp, overbookedApp, typicalApp, withApp } from './fixtures.ts';

const meta = {
  title: 'Panels/Sagas',
  component: Sagas,
  parameters: { layout: 'fullscreen' },
  render: (_args, { loaded }) => {
    const app = loaded.app as AppState;
    return { Component: Sagas, props: { sagas: app.sagas, events: app.events } };
  },
} satisfies Meta<typeof Sagas>;
export default meta;
type Story = StoryObj<typeof Sagas>;

export const Empty: Story = withApp(emptyApp);
export const Typical: Story = withApp(typicalApp);
export const WithError: Story = {
  ...withApp(overbookedApp),
  play: async ({ canvas }) => {
    const overbooking = canvas.getByTestId('saga-overbooking');
    await expect(overbooking.textContent).toContain('CancelSlotBooking');
    await expect(overbooking.textContent).toMatch(/#\d+ SlotBooked/);
  },
};
export const Large: Story = withApp(largeApp);
