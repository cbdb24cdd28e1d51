import type { Meta, StoryObj } from '@storybook/svelte-vite';
import { domainNamed } from '../src/domains/index.ts';
import { expect, waitFor, within } from 'storybook/test';
import type { ScenarioLibrary, UnreadableScenario } from '../src/tools/scenarios/library.ts';
import { scheduling } from '../src/domains/index.ts';
import { decodeScenarioLink } from '../src/tools/scenarios/model/scenarioLink.ts';
import ScenarioLab from '../src/ui/tools/scenarios/ScenarioLab.svelte';
import { ScenarioLabState } from '../src/ui/tools/scenarios/scenarioLab.svelte.ts';

const builtInScenarios = scheduling.scenarios;
const slotAlreadyBooked = builtInScenarios[0];
const overbooking = builtInScenarios.find((s) => s.id === 'overbooking-accepted-first')!;

const meta = {
  title: 'Scenarios/ScenarioLab',
  component: ScenarioLab,
  parameters: { layout: 'padded' },
  render: (_args, { loaded }) => ({
    Component: ScenarioLab,
    props: {
      lab: (loaded.lab as ScenarioLabState | undefined) ?? new ScenarioLabState(),
      base: 'http://localhost:5173/',
      savedAt: () => '2026-03-02T08:00',
    },
  }),
} satisfies Meta<typeof ScenarioLab>;
export default meta;
type Story = StoryObj<typeof ScenarioLab>;

export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Nothing yet: the log is empty.')).toBeInTheDocument();
    await expect(canvas.getByText('No command yet.')).toBeInTheDocument();
  },
};

/** Seed 000's example, run by the real engine before the story renders. */
export const Passing: Story = {
  loaders: [
    async () => {
      const lab = new ScenarioLabState();
      lab.load(slotAlreadyBooked);
      await lab.runNow();
      return { lab };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('scenario-status')).toHaveTextContent('Passed');
    const link = (canvas.getByTestId('scenario-link') as HTMLInputElement).value;
    await expect(decodeScenarioLink(new URL(link).hash, domainNamed)).toEqual({
      kind: 'ok',
      domain: scheduling,
      scenario: slotAlreadyBooked,
    });
  },
};

/** The same scenario expecting the wrong rule: the verdict in words and the diff. */
export const FailingWithDiff: Story = {
  loaders: [
    async () => {
      const lab = new ScenarioLabState();
      lab.load({ ...slotAlreadyBooked, then: { rejection: 'SlotNotScheduled' } });
      await lab.runNow();
      return { lab };
    },
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('scenario-status')).toHaveTextContent('Failed');
    await expect(canvas.getByTestId('scenario-verdict')).toHaveTextContent(
      /expects BookSlot to be rejected with SlotNotScheduled, but BookSlot was rejected with SlotAlreadyBooked/,
    );
    await expect(canvas.getByTestId('scenario-diff')).toHaveTextContent('"code": "SlotAlreadyBooked"');
  },
};

/** What if Tom had never booked? The branch books Maria, so its SlotAlreadyBooked expectation fails. */
export const WhatIfCompared: Story = {
  loaders: [
    async () => {
      const lab = new ScenarioLabState();
      lab.load(slotAlreadyBooked);
      await lab.runNow();
      return { lab };
    },
  ],
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Fork a copy' }));
    const steps = canvas.getByRole('list', { name: 'Branch steps' });
    await userEvent.click(within(steps).getAllByRole('checkbox', { name: 'skip' })[4]);
    await userEvent.click(canvas.getByRole('button', { name: 'Run both' }));
    const compared = within(canvas.getByTestId('what-if-compare'));
    await expect(compared.getAllByTestId('scenario-status').map((s) => s.textContent)).toEqual([
      'Passed',
      'Failed',
    ]);
    await expect(canvas.getByText('Skip step 5 (BookSlot)')).toBeInTheDocument();
  },
};

/** The monthly-cap scenario with its limit of 3: the saga cancels both surplus halves, read after it reacted. */
export const MonthlyLimit: Story = {
  loaders: [
    async () => {
      const lab = new ScenarioLabState();
      lab.load(overbooking);
      await lab.runNow();
      return { lab };
    },
  ],
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByLabelText('Monthly limit')).toHaveValue('3');
    await expect(canvas.getByTestId('scenario-status')).toHaveTextContent('Passed');
    await expect(canvas.getByTestId('scenario-reactions')).toHaveTextContent(
      'CancelSlotBooking (ana-silva_2026-03-02, ana-silva_2026-03-02_09:10, tom-baker): accepted',
    );
    const list = within(canvas.getByRole('list', { name: 'Expected events' }));
    await expect(list.getAllByRole('listitem')).toHaveLength(2);
    await userEvent.clear(canvas.getByLabelText('Monthly limit'));
    await userEvent.type(canvas.getByLabelText('Monthly limit'), 'three');
    await expect(canvas.getByText('Monthly limit must be a whole number, 1 or more')).toBeInTheDocument();
  },
};

/** A past event from its form: the problems sit next to their fields, nothing is added until they are fixed. */
export const GivenEventForm: Story = {
  play: async ({ canvas, userEvent }) => {
    const given = within(canvas.getByRole('region', { name: /^Given/ }));
    await userEvent.selectOptions(given.getByLabelText('Add a past command or event'), 'event');
    await userEvent.selectOptions(given.getByLabelText('Given event'), 'SlotScheduled');
    await userEvent.type(given.getByLabelText('Doctor id'), 'ana-silva');
    await userEvent.type(given.getByLabelText('Date'), '2026-02-30');
    await userEvent.type(given.getByLabelText('Start times'), '09:00-09:30');
    await userEvent.click(given.getByRole('button', { name: 'Add SlotScheduled to Given' }));
    await expect(given.getByText('Date must be a real date YYYY-MM-DD')).toBeInTheDocument();
    await expect(canvas.getByText('Nothing yet: the log is empty.')).toBeInTheDocument();
    await userEvent.clear(given.getByLabelText('Date'));
    await userEvent.type(given.getByLabelText('Date'), '2026-03-02');
    await userEvent.click(given.getByRole('button', { name: 'Add SlotScheduled to Given' }));
    const steps = within(canvas.getByRole('list', { name: 'Given steps' }));
    await expect(steps.getAllByRole('listitem')).toHaveLength(3);
    await expect(given.queryByRole('button', { name: 'Move Given step 3 earlier' })).toBeNull();
    await userEvent.click(given.getByRole('button', { name: 'Remove Given step 3' }));
    await expect(steps.getAllByRole('listitem')).toHaveLength(2);
  },
};

/** Expected events from forms, reordered; the JSON view is there for whoever prefers it, checked the same way. */
export const ExpectedEventForms: Story = {
  loaders: [
    () => {
      const lab = new ScenarioLabState();
      lab.load({ ...slotAlreadyBooked, then: { events: [] } });
      return { lab };
    },
  ],
  play: async ({ canvas, userEvent }) => {
    const then = within(canvas.getByRole('region', { name: /^Then/ }));
    await userEvent.selectOptions(then.getByLabelText('Expected event'), 'SlotBooked');
    await userEvent.type(then.getByLabelText('Day id'), 'ana-silva_2026-03-02');
    await userEvent.type(then.getByLabelText('Slot id'), 'ana-silva_2026-03-02_09:10');
    await userEvent.type(then.getByLabelText('Patient id'), 'maria-lopez');
    await userEvent.click(then.getByRole('button', { name: 'Expect SlotBooked' }));
    await expect(then.getByRole('list', { name: 'Expected events' })).toHaveTextContent('maria-lopez');
    await userEvent.clear(then.getByLabelText('Patient id'));
    await userEvent.type(then.getByLabelText('Patient id'), 'tom-baker');
    await userEvent.click(then.getByRole('button', { name: 'Expect SlotBooked' }));
    await expect(then.getByRole('button', { name: 'Move expected event 1 earlier' })).toBeDisabled();
    await userEvent.click(then.getByRole('button', { name: 'Move expected event 2 earlier' }));
    const expected = within(then.getByRole('list', { name: 'Expected events' }));
    await expect(expected.getAllByRole('listitem')[0]).toHaveTextContent('tom-baker');
    await userEvent.click(then.getByRole('button', { name: 'Remove expected event 2' }));
    await expect(expected.getAllByRole('listitem')).toHaveLength(1);
    await expect(expected.getByRole('listitem')).toHaveTextContent('tom-baker');
    await userEvent.click(then.getByLabelText('Edit the expected events as JSON (advanced)'));
    const json = then.getByLabelText('Expected events (JSON)');
    await userEvent.clear(json);
    await userEvent.type(json, '[[{{"type":"SlotBooked","data":{{}}]');
    await userEvent.click(then.getByRole('button', { name: 'Use this JSON' }));
    await expect(then.getByText('Event 1: data.dayId is required')).toBeInTheDocument();
  },
};

/** Expected read models from a form: a count as a number, a bad month named next to its field, rows taken from a run. */
export const ExpectedRowsForm: Story = {
  loaders: [
    () => {
      const lab = new ScenarioLabState();
      lab.load(overbooking);
      return { lab };
    },
  ],
  play: async ({ canvas, userEvent }) => {
    const then = within(canvas.getByRole('region', { name: /^Then/ }));
    const count = within(then.getByRole('group', { name: 'Expected read model 1' }));
    await expect(count.getByLabelText('Expected count')).toHaveValue(3);
    await expect(count.getByLabelText('Patient')).toHaveValue('tom-baker');
    await userEvent.clear(count.getByLabelText('Month'));
    await userEvent.type(count.getByLabelText('Month'), 'March');
    await expect(count.getByText('Month must be YYYY-MM, e.g. 2026-03')).toBeInTheDocument();
    await userEvent.clear(count.getByLabelText('Month'));
    await userEvent.type(count.getByLabelText('Month'), '2026-03');
    await expect(count.queryByText(/Month must be/)).toBeNull();

    await userEvent.click(then.getByRole('button', { name: 'Also expect read-model rows' }));
    const rows = within(then.getByRole('group', { name: 'Expected read model 3' }));
    await userEvent.selectOptions(rows.getByLabelText('Read-model query'), 'mailbox');
    await expect(rows.getByLabelText('Patient')).toHaveValue('');
    await expect(rows.getByText('Patient is required')).toBeInTheDocument();
    await userEvent.type(rows.getByLabelText('Patient'), 'tom-baker');
    await expect(rows.getByLabelText('No rows')).toBeChecked();
    await userEvent.click(rows.getByRole('button', { name: 'Take what it shows now' }));
    await expect(await rows.findByText(/^Taken from a run after the sagas/)).toBeInTheDocument();
    await expect(rows.getByLabelText('These rows, as JSON (advanced)')).toBeChecked();
    const json = rows.getByLabelText('Expected answer (JSON)') as HTMLTextAreaElement;
    await expect(json.value).toContain('"subject": "Your appointment on 2026-03-02 at 09:10 was cancelled"');
    await expect(rows.getByText('2 rows.')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Run scenario' }));
    await waitFor(() => expect(canvas.getByTestId('scenario-status')).toHaveTextContent('Passed'));
  },
};

export const BadLink: Story = {
  loaders: [
    () => ({ lab: new ScenarioLabState({ hash: '#scenario=N4IgZg9gTgtghgFxALhAUwG5oHYIM4DGEADmg' }) }),
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('scenario-link-error')).toHaveTextContent(
      /^This scenario link cannot be opened: /,
    );
    await expect(canvas.queryByTestId('scenario-result')).toBeNull();
  },
};

/** Saved rows that no longer read are named with their problem above the library, to download or delete. */
export const UnreadableSaved: Story = {
  loaders: [
    async () => {
      const unreadable: UnreadableScenario[] = [
        { id: 'no-scenario', problem: 'the row holds no scenario', stored: { id: 'no-scenario' } },
        { id: 'tom-twice', title: 'Tom books twice', problem: 'when.data.dayId: is required', stored: {} },
      ];
      const library: ScenarioLibrary = {
        list: async () => ({ scenarios: [overbooking], unreadable: [...unreadable] }),
        save: async () => {},
        saveAll: async () => {},
        remove: async (_, id) =>
          void unreadable.splice(
            unreadable.findIndex((each) => each.id === id),
            1,
          ),
        close: () => {},
      };
      const lab = new ScenarioLabState({ library });
      await lab.refresh();
      return { lab };
    },
  ],
  play: async ({ canvas, userEvent }) => {
    const notice = within(canvas.getByRole('region', { name: 'Unreadable saved scenarios' }));
    await expect(notice.getByText(/^2 saved scenarios could not be read/)).toBeInTheDocument();
    await expect(notice.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'no-scenario — the row holds no scenario Delete',
      'Tom books twice — when.data.dayId: is required Delete',
    ]);
    await expect(
      within(canvas.getByRole('list', { name: 'My scenarios' })).getAllByRole('listitem'),
    ).toHaveLength(1);
    await userEvent.click(notice.getByRole('button', { name: 'Delete unreadable no-scenario' }));
    await expect(notice.getByText(/^1 saved scenario could not be read/)).toBeInTheDocument();
    await expect(notice.getByRole('button', { name: 'Download it as JSON' })).toBeEnabled();
  },
};
