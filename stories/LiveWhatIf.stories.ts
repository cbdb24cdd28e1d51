import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { expect, within } from 'storybook/test';
import { createDomainRuntime as createSandbox, scheduling } from '../src/domains/index.ts';
import { tally } from '../tests/fixtures/tallyDomain.ts';
import { createRuntime } from '../src/runtime/index.ts';
import type { DomainModule } from '../src/core/domain/domainModule.ts';
import type { RecordedEvent } from '../src/core/event.ts';
import type { CommandRecord } from '../src/store/eventStore.ts';
import {
  bookSlot,
  people,
  registerDoctor,
  registerPatient,
  scheduleDay,
} from '../src/domains/scheduling/builders.ts';
import LiveWhatIf from '../src/ui/tools/what-if/LiveWhatIf.svelte';
import { LiveWhatIfState } from '../src/ui/tools/what-if/liveWhatIf.svelte.ts';

const NOW = '2026-03-02T08:00';

/** A small live log, recorded by a real sandbox: Tom at 09:00, Maria at 09:10. */
async function liveLog(): Promise<{ events: RecordedEvent[]; commands: CommandRecord[] }> {
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
  const recorded = { events: await sandbox.events(), commands: await sandbox.commands() };
  sandbox.close();
  return recorded;
}

/** The row of Tom's booking of 09:00 in the listed log. */
const tomsBooking = (canvas: ReturnType<typeof within>): HTMLElement =>
  within(canvas.getByRole('list', { name: 'Events of the branch' }))
    .getAllByRole('listitem')
    .find((item) => /SlotBooked.*_09:00/.test(item.textContent ?? '')) as HTMLElement;

const meta = {
  title: 'Scenarios/LiveWhatIf',
  component: LiveWhatIf,
  parameters: { layout: 'padded' },
  loaders: [liveLog],
  render: (_args, { loaded }) => ({
    Component: LiveWhatIf,
    props: {
      events: loaded.events as RecordedEvent[],
      commands: loaded.commands as CommandRecord[],
      now: NOW,
      state: new LiveWhatIfState({ domain: (loaded.domain as DomainModule | undefined) ?? scheduling }),
    },
  }),
} satisfies Meta<typeof LiveWhatIf>;
export default meta;
type Story = StoryObj<typeof LiveWhatIf>;

export const Empty: Story = {
  loaders: [async () => ({ events: [], commands: [] })],
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/The log is empty/)).toBeInTheDocument();
  },
};

/** What if Tom had never booked 09:00? The branch frees it; the log itself is untouched. */
export const SkippedBooking: Story = {
  play: async ({ canvas, userEvent }) => {
    const tom = tomsBooking(canvas);
    await userEvent.click(within(tom).getByRole('checkbox'));
    await userEvent.click(canvas.getByRole('button', { name: 'Run the what-if' }));
    await expect(
      await canvas.findByTestId('live-what-if-differences', {}, { timeout: 5000 }),
    ).toHaveTextContent(
      'doctorDay(ana-silva_2026-03-02): slots[ana-silva_2026-03-02_09:00].status: booked → available',
    );
    await expect(canvas.getByTestId('live-what-if-branch')).toHaveTextContent(
      /patientSlots\(maria-lopez\): 1 row[^]*startTime: 09:10/,
    );
  },
};

/** Moving Tom's booking before the day is scheduled makes the day's stream invalid: said, not run. */
export const InvalidMove: Story = {
  play: async ({ canvas, userEvent }) => {
    const tom = tomsBooking(canvas);
    await userEvent.click(within(tom).getByRole('button', { name: /^Move event/ }));
    await userEvent.type(canvas.getByLabelText('Just before event'), '1');
    await userEvent.click(canvas.getByRole('button', { name: 'Add the move' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Run the what-if' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/must start with DayScheduled/);
  },
};

/** Several changes at once: both bookings skipped, Maria booking 09:00 instead, inserted through the command form. */
export const SeveralEdits: Story = {
  play: async ({ canvas, userEvent }) => {
    const events = within(canvas.getByRole('list', { name: 'Events of the branch' }));
    for (const item of events
      .getAllByRole('listitem')
      .filter((li) => /SlotBooked/.test(li.textContent ?? '')))
      await userEvent.click(within(item).getByRole('checkbox'));
    await userEvent.selectOptions(canvas.getByLabelText('Command to insert'), 'BookSlot');
    const form = within(canvas.getByRole('form', { name: 'BookSlot' }));
    await userEvent.type(form.getByLabelText('Day id'), 'ana-silva_2026-03-02');
    await userEvent.type(form.getByLabelText('Slot id'), 'ana-silva_2026-03-02_09:00');
    await userEvent.type(form.getByLabelText('Patient id'), 'maria-lopez');
    await userEvent.click(form.getByRole('button', { name: 'Insert it at the end' }));
    await expect(
      within(canvas.getByRole('list', { name: 'Changes on the branch' })).getAllByRole('listitem'),
    ).toHaveLength(3);
    await userEvent.click(canvas.getByRole('button', { name: 'Run the what-if' }));
    await expect(await canvas.findByTestId('live-what-if-branch', {}, { timeout: 5000 })).toHaveTextContent(
      /patientSlots\(maria-lopez\): 1 row[^]*slotId: ana-silva_2026-03-02_09:00/,
    );
    await expect(canvas.getByTestId('live-what-if-branch')).toHaveTextContent(
      'Inserted BookSlot: accepted (SlotBooked)',
    );
  },
};

/** An insert whose form is not filled in says what each field needs, and the branch stays as it was. */
export const InsertWithFieldErrors: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.selectOptions(canvas.getByLabelText('Command to insert'), 'ScheduleSlot');
    const form = within(canvas.getByRole('form', { name: 'ScheduleSlot' }));
    await userEvent.type(form.getByLabelText('Start time'), '9 am');
    await userEvent.click(form.getByRole('button', { name: 'Insert it at the end' }));
    await expect(form.getByText('Day id is required')).toBeInTheDocument();
    await expect(form.getByText('Start time must be a time HH:MM')).toBeInTheDocument();
    await userEvent.type(form.getByLabelText('Day id'), 'ana-silva_2026-03-02');
    await userEvent.clear(form.getByLabelText('Start time'));
    await userEvent.type(form.getByLabelText('Start time'), '09:05');
    await userEvent.click(form.getByRole('button', { name: 'Insert it at the end' }));
    await expect(form.getByRole('alert')).toHaveTextContent(/10-minute grid/);
    await expect(canvas.getByText(/None yet: the branch is a copy of the log/)).toBeInTheDocument();
  },
};

/** Tom's booking changed through its form, filled with its data: he books 09:20 instead, in the branch only. */
export const ChangedThroughTheForm: Story = {
  play: async ({ canvas, userEvent }) => {
    const tom = tomsBooking(canvas);
    await userEvent.click(within(tom).getByRole('button', { name: /^Change event/ }));
    const change = within(canvas.getByRole('group', { name: /^Change event #/ }));
    await expect(change.getByLabelText('Patient id')).toHaveValue('tom-baker');
    const slot = change.getByLabelText('Slot id');
    await userEvent.clear(slot);
    await userEvent.type(slot, 'ana-silva_2026-03-02_09:20');
    await userEvent.click(change.getByRole('button', { name: /^Change #/ }));
    await expect(canvas.getByRole('list', { name: 'Changes on the branch' })).toHaveTextContent(
      /Change the data of #\d+ SlotBooked ana-silva_2026-03-02_09:00: slotId → ana-silva_2026-03-02_09:20/,
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Run the what-if' }));
    await expect(
      await canvas.findByTestId('live-what-if-differences', {}, { timeout: 5000 }),
    ).toHaveTextContent('slots[ana-silva_2026-03-02_09:20].status: available → booked');
  },
};

/** Another domain's log: its own events listed, its query's answers compared. */
export const AnotherDomain: Story = {
  loaders: [
    async () => {
      const sandbox = createRuntime(tally);
      for (const by of [2, 3]) await sandbox.dispatch({ type: 'Count', data: { counterId: 'a', by } });
      await sandbox.settle();
      const recorded = { events: await sandbox.events(), commands: await sandbox.commands(), domain: tally };
      sandbox.close();
      return recorded;
    },
  ],
  play: async ({ canvas, userEvent }) => {
    const counted = within(canvas.getByRole('list', { name: 'Events of the branch' }))
      .getAllByRole('listitem')
      .filter((item) => /Counted/.test(item.textContent ?? ''));
    await userEvent.click(within(counted[1]).getByRole('checkbox'));
    await userEvent.click(canvas.getByRole('button', { name: 'Run the what-if' }));
    await expect(
      await canvas.findByTestId('live-what-if-differences', {}, { timeout: 5000 }),
    ).toHaveTextContent('total(a): 5 → 2');
    await expect(canvas.getByTestId('live-what-if-original')).toHaveTextContent('Saga reactions: 2');
  },
};
