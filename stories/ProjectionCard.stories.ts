import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, waitFor } from 'storybook/test';
import ProjectionCard from '../src/ui/panels/readModels/ProjectionCard.svelte';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import { tablesOf } from '../src/ui/panels/readModels/tables.ts';
import { emptyApp, largeApp, typicalApp, withApp } from './fixtures.ts';

const meta = {
  title: 'ReadModels/ProjectionCard',
  component: ProjectionCard,
  render: (args, { loaded, parameters }) => {
    const app = loaded.app as AppState;
    const status =
      app.projections.find((p) => p.name === (parameters.projection ?? 'doctorDays')) ?? app.projections[0];
    return {
      Component: ProjectionCard,
      props: {
        status,
        tables: tablesOf(status.name, app.projectionState(status.name)),
        onrebuild: () => app.rebuild(status.name),
        ...(args as object),
      },
    };
  },
} satisfies Meta<typeof ProjectionCard>;
export default meta;
type Story = StoryObj<typeof ProjectionCard>;

export const Empty: Story = withApp(emptyApp);
export const Typical: Story = {
  ...withApp(typicalApp),
  parameters: { projection: 'appointments' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: /Rebuild/ }));
    await waitFor(() => expect(canvas.getByRole('status').textContent).toContain('Rebuilt'));
  },
};
export const WithError: Story = {
  ...withApp(typicalApp),
  args: { onrebuild: async () => 'Rebuilding doctorDays failed: the database was closed.' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: /Rebuild/ }));
    await waitFor(() => expect(canvas.getByRole('alert').textContent).toContain('failed'));
  },
};
export const Large: Story = { ...withApp(largeApp), parameters: { projection: 'patientSlots' } };
