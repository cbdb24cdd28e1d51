import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, waitFor } from 'storybook/test';
import CommandConsole from '../src/ui/panels/console/CommandConsole.svelte';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import { DAY, emptyApp, largeApp, typicalApp, withApp } from './fixtures.ts';

const meta = {
  title: 'Panels/CommandConsole',
  component: CommandConsole,
  render: (args, { loaded }) => {
    const app = loaded.app as AppState;
    return {
      Component: CommandConsole,
      props: { commands: app.commands, ...args, ondispatch: (c: unknown) => app.dispatch(c) },
    };
  },
} satisfies Meta<typeof CommandConsole>;
export default meta;
type Story = StoryObj<typeof CommandConsole>;

export const Empty: Story = withApp(emptyApp);
export const Typical: Story = {
  ...withApp(typicalApp),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'BookSlot' }));
    await userEvent.type(canvas.getByLabelText('Day id'), `ana-silva_${DAY}`);
    await userEvent.type(canvas.getByLabelText('Slot id'), `ana-silva_${DAY}_09:10`);
    await userEvent.type(canvas.getByLabelText('Patient id'), 'amara-nwosu');
    await userEvent.click(canvas.getByRole('button', { name: 'Dispatch BookSlot' }));
    await waitFor(() => expect(canvas.getByRole('status').textContent).toContain('SlotBooked'));
  },
};
export const WithError: Story = {
  ...withApp(typicalApp),
  args: { initialType: 'CancelDaySchedule' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Day id'), `nobody_${DAY}`);
    await userEvent.type(canvas.getByLabelText('Reason'), 'flu');
    await userEvent.click(canvas.getByRole('button', { name: 'Dispatch CancelDaySchedule' }));
    await waitFor(() => expect(canvas.getByRole('alert').textContent).toContain('DayNotScheduled'));
  },
};
export const Large: Story = { ...withApp(largeApp), args: { initialType: 'ScheduleDay' } };
