import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, waitFor } from 'storybook/test';
import ReadModels from '../src/ui/panels/readModels/ReadModels.svelte';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import { DAY, emptyApp, largeApp, overbookedApp, typicalApp, withApp } from './fixtures.ts';

const meta = {
  title: 'Panels/ReadModels',
  component: ReadModels,
  parameters: { layout: 'fullscreen' },
  render: (_args, { loaded }) => ({ Component: ReadModels, props: { app: loaded.app as AppState } }),
} satisfies Meta<typeof ReadModels>;
export default meta;
type Story = StoryObj<typeof ReadModels>;

export const Empty: Story = withApp(emptyApp);
export const Typical: Story = {
  ...withApp(typicalApp),
  play: async ({ canvas, loaded }) => {
    const app = loaded.app as AppState;
    app.setLatency(1500);
    await app.dispatch({
      type: 'BookSlot',
      data: { dayId: `ana-silva_${DAY}`, slotId: `ana-silva_${DAY}_09:10`, patientId: 'amara-nwosu' },
    });
    await waitFor(() => expect(canvas.getAllByTestId('lag')[0].textContent).toContain('behind'));
    app.setLatency(0);
    await app.settle();
    await waitFor(() => expect(canvas.getAllByTestId('lag')[0].textContent).toContain('up to date'));
  },
};
export const WithError: Story = withApp(overbookedApp);
export const Large: Story = withApp(largeApp);
