import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, within } from 'storybook/test';
import { createSandbox } from '../src/app/sandbox.ts';
import type { RecordedEvent } from '../src/core/event.ts';
import {
  bookSlot,
  people,
  registerDoctor,
  registerPatient,
  scheduleDay,
} from '../src/domain/scheduling/builders.ts';
import LiveWhatIf from '../src/ui/scenarios/LiveWhatIf.svelte';
import { LiveWhatIfState } from '../src/ui/scenarios/liveWhatIf.svelte.ts';

const NOW = '2026-03-02T08:00';

/** A small live log, recorded by a real sandbox: Tom at 09:00, Maria at 09:10. */
async function liveLog(): Promise<RecordedEvent[]> {
  const sandbox = createSandbox({ now: NOW });
  for (const command of [
    registerDoctor(people.anaSilva),
    registerPatient(people.tomBaker),
    registerPatient(people.mariaLopez),
    scheduleDay(),
    bookSlot(people.tomBaker),
    bookSlot({ ...people.mariaLopez, startTime: '09:10' }),
  ])
    await sandbox.dispatch(command);
  await sandbox.settle();
  const events = await sandbox.events();
  sandbox.close();
  return events;
}

const meta = {
  title: 'Scenarios/LiveWhatIf',
  component: LiveWhatIf,
  parameters: { layout: 'padded' },
  loaders: [async () => ({ events: await liveLog() })],
  render: (_args, { loaded }) => ({
    Component: LiveWhatIf,
    props: { events: loaded.events as RecordedEvent[], now: NOW, state: new LiveWhatIfState() },
  }),
} satisfies Meta<typeof LiveWhatIf>;
export default meta;
type Story = StoryObj<typeof LiveWhatIf>;

export const Empty: Story = {
  loaders: [async () => ({ events: [] })],
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/The practice's log is empty/)).toBeInTheDocument();
  },
};

/** What if Tom had never booked 09:00? The branch frees it; the log itself is untouched. */
export const SkippedBooking: Story = {
  play: async ({ canvas, userEvent }) => {
    const events = within(canvas.getByRole('list', { name: 'Events of the branch' }));
    const tom = events
      .getAllByRole('listitem')
      .find((item) => /SlotBooked.*_09:00/.test(item.textContent ?? ''));
    await userEvent.click(within(tom as HTMLElement).getByRole('checkbox'));
    await userEvent.click(canvas.getByRole('button', { name: 'Run the what-if' }));
    await expect(
      await canvas.findByTestId('live-what-if-differences', {}, { timeout: 5000 }),
    ).toHaveTextContent('not booked in the branch: 09:00 tom-baker');
    await expect(canvas.getByTestId('live-what-if-branch')).toHaveTextContent('booked: 09:10 maria-lopez');
  },
};

/** Moving Tom's booking before the day is scheduled makes the day's stream invalid: said, not run. */
export const InvalidMove: Story = {
  play: async ({ canvas, userEvent }) => {
    const events = within(canvas.getByRole('list', { name: 'Events of the branch' }));
    const tom = events
      .getAllByRole('listitem')
      .find((item) => /SlotBooked.*_09:00/.test(item.textContent ?? ''));
    await userEvent.click(within(tom as HTMLElement).getByRole('button', { name: /^Move event/ }));
    await userEvent.type(canvas.getByLabelText('Move it before event'), '1');
    await userEvent.click(canvas.getByRole('button', { name: 'Add the move' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Run the what-if' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/must start with DayScheduled/);
  },
};

/** Several changes at once: both bookings skipped, Maria booking 09:00 instead, at the end of the branch. */
export const SeveralEdits: Story = {
  play: async ({ canvas, userEvent }) => {
    const events = within(canvas.getByRole('list', { name: 'Events of the branch' }));
    for (const item of events
      .getAllByRole('listitem')
      .filter((li) => /SlotBooked/.test(li.textContent ?? '')))
      await userEvent.click(within(item).getByRole('checkbox'));
    const command = canvas.getByLabelText('Command to insert (JSON)');
    await userEvent.clear(command);
    await userEvent.paste(
      JSON.stringify({
        type: 'BookSlot',
        data: {
          dayId: 'ana-silva_2026-03-02',
          slotId: 'ana-silva_2026-03-02_09:00',
          patientId: 'maria-lopez',
        },
      }),
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Insert it at the end' }));
    await expect(
      within(canvas.getByRole('list', { name: 'Changes on the branch' })).getAllByRole('listitem'),
    ).toHaveLength(3);
    await userEvent.click(canvas.getByRole('button', { name: 'Run the what-if' }));
    await expect(await canvas.findByTestId('live-what-if-branch', {}, { timeout: 5000 })).toHaveTextContent(
      'booked: 09:00 maria-lopez',
    );
  },
};
