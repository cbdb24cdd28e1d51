import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, fn } from 'storybook/test';
import EventDetail from '../src/ui/panels/log/EventDetail.svelte';
import type { AppState } from '../src/ui/shell/appState.svelte.ts';
import type { RecordedEvent } from '../src/core/event.ts';
import { largeApp, overbookedApp, typicalApp, withApp } from './fixtures.ts';

const pick = (app: AppState, match: (e: RecordedEvent) => boolean) => app.events.find(match) ?? app.events[0];

const meta = {
  title: 'Log/EventDetail',
  component: EventDetail,
  args: { onjump: fn() },
  render: (args, { loaded, parameters }) => {
    const app = loaded.app as AppState;
    const match = (parameters.pick as (e: RecordedEvent) => boolean) ?? (() => true);
    return {
      Component: EventDetail,
      props: {
        ...args,
        event: pick(app, match),
        byId: new Map(app.events.map((e) => [e.id, e])),
        commandsById: new Map(app.commands.map((c) => [c.commandId, c])),
      },
    };
  },
} satisfies Meta<typeof EventDetail>;
export default meta;
type Story = StoryObj<typeof EventDetail>;

export const Empty: Story = {
  ...withApp(typicalApp),
  parameters: { pick: (e: RecordedEvent) => e.type === 'DoctorRegistered' },
};
export const Typical: Story = {
  ...withApp(typicalApp),
  parameters: { pick: (e: RecordedEvent) => e.type === 'SlotBooked' },
};
export const WithError: Story = {
  ...withApp(overbookedApp),
  parameters: { pick: (e: RecordedEvent) => e.type === 'SlotBookingCancelled' },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: /SlotBooked/ }));
    await expect(args.onjump).toHaveBeenCalled();
  },
};
export const Large: Story = {
  ...withApp(largeApp),
  parameters: { pick: (e: RecordedEvent) => e.type === 'DayScheduleCancelled' },
};
