import { describe, expect, it } from 'vitest';
import {
  bookDoubleSlot,
  bookSlot,
  people,
  registerDoctor,
  registerPatient,
  scheduleDay,
} from '../../../../src/domains/scheduling/builders.ts';
import type { Message } from '../../../../src/core/domain/scenario.ts';
import { scheduling } from '../../../../src/domains/index.ts';
import type { ScenarioLibrary } from '../../../../src/tools/scenarios/library.ts';
import { toScenarioFile as toFile } from '../../../../src/tools/scenarios/model/scenarioFormat.ts';
import { encodeScenarioLink as encodeLink } from '../../../../src/tools/scenarios/model/scenarioLink.ts';
import { recordEvents } from '../../../../src/core/testing/givenWhenThen.ts';
import { slotScheduled } from '../../../../src/domains/scheduling/builders.ts';
import { ScenarioLabState } from '../../../../src/ui/tools/scenarios/scenarioLab.svelte.ts';
import { buildEvents, eventFormSpecs } from '../../../../src/ui/forms/eventForms.ts';
import * as rowsForms from '../../../../src/ui/tools/scenarios/rowsForm.ts';
import { tally } from '../../../fixtures/tallyDomain.ts';

const builtInScenarios = scheduling.scenarios;
const toScenarioFile = (scenarios: Parameters<typeof toFile>[1]) => toFile(scheduling, scenarios);
const encodeScenarioLink = (scenario: Parameters<typeof encodeLink>[1]) => encodeLink(scheduling, scenario);
const rowsFormOf = (text: rowsForms.RowsText) => rowsForms.rowsFormOf(scheduling, text);
const rowsTextOf = (form: rowsForms.RowsForm) => rowsForms.rowsTextOf(scheduling, form);
const withQuery = (form: rowsForms.RowsForm, query: string) => rowsForms.withQuery(scheduling, form, query);

const { anaSilva, tomBaker, mariaLopez } = people;
const as = (command: unknown) => command as Message;

/** What a product owner's form submission adds: the events an event form builds from typed-in values. */
function fromForm(type: string, values: Record<string, string>): Message[] {
  const built = buildEvents(
    eventFormSpecs.find((spec) => spec.type === type)!,
    values,
  );
  if (built.kind === 'invalid') throw new Error(JSON.stringify(built.problems));
  return built.events;
}
const slot = { dayId: 'ana-silva_2026-03-02', slotId: 'ana-silva_2026-03-02_09:00' };

function builtSlotAlreadyBooked(): ScenarioLabState {
  const lab = new ScenarioLabState();
  lab.title = 'Maria cannot take Tom’s slot';
  for (const command of [
    registerDoctor(anaSilva),
    registerPatient(tomBaker),
    registerPatient(mariaLopez),
    scheduleDay(),
    bookSlot(tomBaker),
  ])
    expect(lab.addGivenCommand(as(command)).kind).toBe('accepted');
  lab.setWhen(as(bookSlot(mariaLopez)));
  lab.thenKind = 'rejection';
  lab.thenRejection = 'SlotAlreadyBooked';
  return lab;
}

describe('the scenario builder', () => {
  it('always builds back the scenario it was loaded with', () => {
    for (const scenario of builtInScenarios) {
      const lab = new ScenarioLabState();
      lab.load(scenario);
      expect(lab.build()).toEqual({ kind: 'ok', scenario });
    }
  });

  it('runs a scenario built step by step and passes', () => {
    const lab = builtSlotAlreadyBooked();
    lab.runNow();
    expect(lab.run?.pass).toBe(true);
    expect(lab.run?.verdict).toMatch(/^Passed: BookSlot was rejected with SlotAlreadyBooked/);
  });

  it('then plays the scenario on a scratch sandbox and shows what the sagas did', async () => {
    const lab = new ScenarioLabState();
    lab.load(builtInScenarios.find((s) => s.id === 'day-cancellation')!);
    const running = lab.runNow();
    expect(lab.run?.scratch).toBeUndefined();
    await running;
    expect(lab.run?.pass).toBe(true);
    expect(lab.run?.scratch?.reactions).toContainEqual(
      expect.objectContaining({
        saga: 'dayCancellationNotifier',
        command: 'NotifyPatient',
        isAccepted: true,
      }),
    );
    expect(lab.run?.scratch?.violations).toEqual([]);
  });

  describe('with event forms instead of JSON', () => {
    function bookedByForms(): ScenarioLabState {
      const lab = new ScenarioLabState();
      lab.addGivenEvents(
        fromForm('DoctorRegistered', { doctorId: 'ana-silva', name: 'Dr Ana Silva', specialty: 'GP' }),
      );
      lab.addGivenEvents(
        fromForm('PatientRegistered', {
          patientId: 'tom-baker',
          name: 'Tom Baker',
          email: 'tom.baker@example.com',
          birthDate: '1985-06-14',
        }),
      );
      lab.addGivenEvents(fromForm('DayScheduled', { doctorId: 'ana-silva', date: '2026-03-02' }));
      lab.addGivenEvents(
        fromForm('SlotScheduled', { doctorId: 'ana-silva', date: '2026-03-02', startTimes: '09:00-09:30' }),
      );
      lab.setWhen(as(bookDoubleSlot(tomBaker)));
      lab.thenKind = 'events';
      return lab;
    }

    it('builds a Given and the expected events, runs them and passes', async () => {
      const lab = bookedByForms();
      expect(lab.given.map((item) => item.kind)).toEqual([
        'event',
        'event',
        'event',
        'event',
        'event',
        'event',
      ]);
      const first = { ...slot, patientId: 'tom-baker', pairedSlotId: 'ana-silva_2026-03-02_09:10' };
      lab.addThenEvents(fromForm('SlotBooked', first));
      lab.addThenEvents(
        fromForm('SlotBooked', {
          ...first,
          slotId: 'ana-silva_2026-03-02_09:10',
          pairedSlotId: 'ana-silva_2026-03-02_09:00',
        }),
      );
      await lab.runNow();
      expect(lab.run?.verdict).toMatch(/^Passed: BookDoubleSlot was accepted and recorded 2 events/);
    });

    it('expects the events in order: moving one fails the run, moving it back passes', () => {
      const lab = bookedByForms();
      lab.runNow();
      lab.expectActual();
      expect(lab.run?.pass).toBe(true);
      lab.moveThenEvent(1, -1);
      lab.runNow();
      expect(lab.run?.pass).toBe(false);
      lab.moveThenEvent(0, 1);
      lab.runNow();
      expect(lab.run?.pass).toBe(true);
      lab.moveThenEvent(1, 1);
      lab.removeThenEvent(1);
      lab.runNow();
      expect(lab.run?.pass).toBe(false);
    });

    it('suggests the ids the Given mentions, its commands’ events included', () => {
      const lab = builtSlotAlreadyBooked();
      expect(lab.known.patientId).toEqual(['maria-lopez', 'tom-baker']);
      expect(lab.known.slotId).toEqual([
        'ana-silva_2026-03-02_09:00',
        'ana-silva_2026-03-02_09:10',
        'ana-silva_2026-03-02_09:20',
      ]);
    });

    describe('and JSON as the advanced way', () => {
      it('replaces the expected events with a valid list', () => {
        const lab = bookedByForms();
        const events = fromForm('SlotBooked', { ...slot, patientId: 'tom-baker' });
        expect(lab.setThenEventsJson(JSON.stringify(events))).toBeNull();
        expect(lab.thenEvents).toEqual(events);
      });

      it('refuses a list with a malformed event, says which, and changes nothing', () => {
        const lab = bookedByForms();
        lab.addThenEvents(fromForm('SlotBooked', { ...slot, patientId: 'tom-baker' }));
        const before = JSON.parse(JSON.stringify(lab.thenEvents)) as Message[];
        expect(lab.setThenEventsJson('[{"type":"SlotBooked","data":{"dayId":"ana-silva_2026-03-02"}}]')).toBe(
          'Event 1: data.slotId is required',
        );
        expect(lab.thenEvents).toEqual(before);
      });

      it('refuses a past event with malformed data and changes nothing', () => {
        const lab = new ScenarioLabState();
        expect(lab.addGivenEventJson('DayScheduled', '{"doctorId":"ana-silva"}')).toBe(
          'DayScheduled: data.dayId is required',
        );
        expect(lab.addGivenEventJson('DayScheduled', 'not json')).toBe('The event data is not valid JSON.');
        expect(lab.given).toEqual([]);
      });
    });
  });

  describe('the domain’s settings (scheduling’s monthly limit)', () => {
    const overbooking = builtInScenarios.find((s) => s.id === 'overbooking-accepted-first')!;

    it('runs the monthly-cap scenario with its limit of 3, so the saga’s cancellations are expected', async () => {
      const lab = new ScenarioLabState();
      lab.load(overbooking);
      expect(lab.settings.monthlyLimit).toBe('3');
      const running = lab.runNow();
      expect(lab.run?.verdict).toMatch(/^Checking: /);
      await running;
      expect(lab.run?.verdict).toBe(
        'Passed: BookDoubleSlot was accepted and recorded 2 events: SlotBooked, SlotBooked, as expected.',
      );
    });

    it('uses the practice’s default when left blank, and the same scenario then fails', async () => {
      const lab = new ScenarioLabState();
      lab.load(overbooking);
      lab.settings.monthlyLimit = '';
      const built = lab.build();
      expect(built.kind === 'ok' && 'settings' in built.scenario).toBe(false);
      await lab.runNow();
      expect(lab.run?.pass).toBe(false);
      expect(lab.run?.scratch?.reactions).toEqual([]);
    });

    it.each(['0', 'two', '2.5', '-3'])('refuses %s next to the field and runs nothing', async (typed) => {
      const lab = new ScenarioLabState();
      lab.load(overbooking);
      lab.settings.monthlyLimit = typed;
      expect(lab.settingProblems.monthlyLimit).toBe('Monthly limit must be a whole number, 1 or more');
      await lab.runNow();
      expect(lab.run).toBeNull();
      expect(lab.notice).toEqual({
        text: 'The scenario is not complete: Monthly limit must be a whole number, 1 or more.',
        isError: true,
      });
      expect(lab.link('http://x/')).toBeNull();
    });

    it('travels in the link and the exported test', () => {
      const lab = new ScenarioLabState();
      lab.load(overbooking);
      lab.settings.monthlyLimit = '2';
      const opened = new ScenarioLabState({ hash: new URL(lab.link('http://x/')!).hash });
      expect(opened.settings.monthlyLimit).toBe('2');
      expect(lab.testSource()).toContain('const domain = builtIn.configure({"monthlyLimit":2});');
    });
  });

  describe('expected read models from their form', () => {
    const overbooking = builtInScenarios.find((s) => s.id === 'overbooking-accepted-first')!;

    it('builds the rows a product owner filled in, and the run checks them after the sagas', async () => {
      const lab = new ScenarioLabState();
      lab.load({ ...overbooking, thenRows: [] });
      lab.addRows();
      const picked = withQuery(rowsFormOf(lab.rows[0]), 'monthlyBookings');
      Object.assign(lab.rows[0], rowsTextOf({ ...picked, args: ['tom-baker', '2026-03'], count: '3' }));
      const built = lab.build();
      expect(built.kind === 'ok' && built.scenario.thenRows).toEqual([
        { query: 'monthlyBookings', args: ['tom-baker', '2026-03'], expected: 3 },
      ]);
      await lab.runNow();
      expect(lab.run?.pass).toBe(true);
    });

    it('expects no free slots as an empty list, and fails when there are some', async () => {
      const lab = new ScenarioLabState();
      lab.load({ ...overbooking, thenRows: [] });
      lab.addRows();
      expect(rowsFormOf(lab.rows[0])).toMatchObject({ query: 'availableSlots', expectation: 'none' });
      await lab.runNow();
      expect(lab.run?.pass).toBe(false);
      expect(lab.run?.checks[1].label).toBe('Read model availableSlots(2026-03-02) after the sagas');
    });

    it('names a bad argument by its path and runs nothing', async () => {
      const lab = new ScenarioLabState();
      lab.load(overbooking);
      lab.rows[0].args = 'tom-baker, March';
      await lab.runNow();
      expect(lab.run).toBeNull();
      expect(lab.notice?.text).toBe(
        'The scenario is not complete: thenRows.0.args.1: must be YYYY-MM, e.g. 2026-03',
      );
    });
  });

  describe('when a file or link holds an event whose data does not fit its type', () => {
    const bookAFreeSlot = builtInScenarios.find((s) => s.id === 'book-a-free-slot')!;
    const broken = {
      ...bookAFreeSlot,
      given: [
        ...bookAFreeSlot.given.slice(0, 2),
        { kind: 'event' as const, event: { type: 'SlotBooked', data: {} } },
      ],
    };

    it('does not open the link, names the field, and changes nothing', () => {
      const lab = builtSlotAlreadyBooked();
      const before = lab.build();
      lab.openLink(`#${encodeScenarioLink(broken)}`);
      expect(lab.linkError).toBe(
        'This scenario link cannot be opened: it does not hold a valid scenario (scenarios.0.given.2.event.data.dayId: is required).',
      );
      expect(lab.build()).toEqual(before);
      expect(lab.run).toBeNull();
    });

    it('imports nothing from the file and names the field', async () => {
      const lab = builtSlotAlreadyBooked();
      const text = JSON.stringify(toScenarioFile([bookAFreeSlot, broken]));
      await lab.importText(text, 'mine.json', 'x');
      expect(lab.notice).toEqual({
        text: 'mine.json was not imported, nothing changed. First problem at scenarios.1.given.2.event.data.dayId: is required',
        isError: true,
      });
      expect(lab.title).toBe('Maria cannot take Tom’s slot');
    });
  });

  it('refuses a Given command the domain rejects, and says why', () => {
    const lab = new ScenarioLabState();
    const outcome = lab.addGivenCommand(as(bookSlot(tomBaker)));
    expect(outcome).toMatchObject({ kind: 'rejected', error: { code: 'PatientNotRegistered' } });
    expect(lab.given).toEqual([]);
  });

  it('fails with a diff, and can take what happened as the expectation', () => {
    const lab = builtSlotAlreadyBooked();
    lab.thenRejection = 'SlotNotScheduled';
    lab.runNow();
    expect(lab.run?.pass).toBe(false);
    expect(lab.run?.checks[0].diff).toContain('-     "code": "SlotNotScheduled"');
    lab.expectActual();
    expect(lab.thenRejection).toBe('SlotAlreadyBooked');
    expect(lab.run?.pass).toBe(true);
  });

  it('says what is missing instead of running an incomplete scenario', () => {
    const lab = new ScenarioLabState();
    lab.runNow();
    expect(lab.run).toBeNull();
    expect(lab.notice).toEqual({ text: 'Choose the When command first.', isError: true });
  });

  it('forks the practice’s log at a position into the Given', async () => {
    const { createSandbox } = await import('../../../../src/domains/index.ts');
    const sandbox = createSandbox({ now: '2026-03-02T08:00' });
    for (const command of [
      registerDoctor(anaSilva),
      registerPatient(tomBaker),
      registerPatient(mariaLopez),
      scheduleDay(),
      bookSlot(tomBaker),
    ])
      await sandbox.dispatch(command);
    await sandbox.settle();
    const log = await sandbox.events();
    const lab = new ScenarioLabState();
    lab.givenFromLog(log, log.length);
    lab.setWhen(as(bookSlot(mariaLopez)));
    lab.thenRejection = 'SlotAlreadyBooked';
    lab.runNow();
    expect(lab.run?.verdict).toMatch(/^Passed: BookSlot was rejected with SlotAlreadyBooked/);
    const bookedAt = log.find((event) => event.type === 'SlotBooked')?.position ?? 0;
    lab.givenFromLog(log, bookedAt - 1);
    expect(lab.given.map((item) => (item.kind === 'event' ? item.event.type : ''))).not.toContain(
      'SlotBooked',
    );
    lab.runNow();
    expect(lab.run?.actual).toEqual({ events: ['SlotBooked'] });
  });

  it('refuses to fork a log longer than a scenario can hold, and changes nothing', () => {
    const lab = builtSlotAlreadyBooked();
    const events = recordEvents(
      Array.from({ length: 501 }, (_, index) => slotScheduled({ startTime: index % 2 ? '09:10' : '09:00' })),
    );
    lab.givenFromLog(events, 501);
    expect(lab.notice?.isError).toBe(true);
    expect(lab.given).toHaveLength(5);
  });

  describe('when opened from a link', () => {
    it('loads and runs the scenario', () => {
      const lab = new ScenarioLabState({ hash: `#${encodeScenarioLink(builtInScenarios[0])}` });
      expect(lab.title).toBe(builtInScenarios[0].title);
      expect(lab.run?.pass).toBe(true);
    });

    it('explains a damaged link and changes nothing', () => {
      const lab = builtSlotAlreadyBooked();
      const before = lab.build();
      lab.openLink('#scenario=N4IgZg9gTgtghgFxALhAUwG5oHYIM4DGEADmg');
      expect(lab.linkError).toMatch(/^This scenario link cannot be opened: /);
      expect(lab.build()).toEqual(before);
    });
  });

  it('imports a file all or nothing', async () => {
    const lab = builtSlotAlreadyBooked();
    await lab.importText(
      '{"format":"eventscope.scenario","formatVersion":1,"scenarios":[]}',
      'empty.json',
      'x',
    );
    expect(lab.notice?.text).toBe(
      'empty.json was not imported, nothing changed. First problem at scenarios: must hold at least one scenario',
    );
    expect(lab.title).toBe('Maria cannot take Tom’s slot');
  });

  describe('when a saved scenario no longer reads', () => {
    it('shows it with its problem until it is deleted', async () => {
      const unreadable = [
        { id: 'tom-twice', title: 'Tom books twice', problem: 'when.data.dayId: is required', stored: {} },
      ];
      const library: ScenarioLibrary = {
        list: async () => ({ scenarios: [], unreadable: [...unreadable] }),
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
      expect(lab.unreadable.map((each) => `${each.title} — ${each.problem}`)).toEqual([
        'Tom books twice — when.data.dayId: is required',
      ]);
      await lab.remove('tom-twice');
      expect(lab.unreadable).toEqual([]);
    });
  });

  describe('when the browser refuses to store', () => {
    const refusing: ScenarioLibrary = {
      list: async () => ({ scenarios: [], unreadable: [] }),
      save: () => Promise.reject(new Error('QuotaExceededError')),
      saveAll: () => Promise.reject(new Error('QuotaExceededError')),
      remove: async () => {},
      close: () => {},
    };

    it('says saving failed and changes nothing', async () => {
      const lab = new ScenarioLabState({ library: refusing });
      lab.load(builtInScenarios[0]);
      await lab.save('2026-03-02T08:00');
      expect(lab.notice).toEqual({
        text: 'Saving failed, nothing changed: QuotaExceededError',
        isError: true,
      });
    });

    it('imports nothing and does not load the file', async () => {
      const lab = new ScenarioLabState({ library: refusing });
      lab.title = 'Maria cannot take Tom’s slot';
      const text = JSON.stringify(toScenarioFile(builtInScenarios));
      await lab.importText(text, 'all.json', 'x');
      expect(lab.notice?.text).toBe('Importing all.json failed, nothing changed: QuotaExceededError');
      expect(lab.title).toBe('Maria cannot take Tom’s slot');
    });
  });
});

/** A library in memory, per domain, as the IndexedDB one keeps it (checked by the same file format). */
function memoryLibrary(): ScenarioLibrary & { rows: Map<string, unknown> } {
  const rows = new Map<string, unknown>();
  const key = (domain: { name: string }, id: string) => `${domain.name}/${id}`;
  return {
    rows,
    list: async (domain) => ({
      scenarios: [...rows]
        .filter(([k]) => k.startsWith(`${domain.name}/`))
        .map(([, scenario]) => structuredClone(scenario) as never),
      unreadable: [],
    }),
    save: async (domain, scenario) => void rows.set(key(domain, scenario.id), structuredClone(scenario)),
    saveAll: async (domain, scenarios) => {
      for (const scenario of scenarios) rows.set(key(domain, scenario.id), structuredClone(scenario));
    },
    remove: async (domain, id) => void rows.delete(key(domain, id)),
    close: () => {},
  };
}

describe('saving to the library', () => {
  const [first, second] = builtInScenarios;
  /** A new scenario in the builder, as a product owner starts one: no id typed, only a title. */
  function newScenario(lab: ScenarioLabState, title: string, from: (typeof builtInScenarios)[number]) {
    lab.clear();
    lab.load({ ...from, id: '' });
    lab.title = title;
  }

  it('never replaces the first scenario with a second one: each new one gets its own id from its title', async () => {
    const library = memoryLibrary();
    const lab = new ScenarioLabState({ library });
    newScenario(lab, 'Tom books twice', first);
    await lab.save('2026-03-02T08:00');
    newScenario(lab, 'Tom books twice', second);
    await lab.save('2026-03-02T08:01');
    newScenario(lab, 'Maria books', second);
    await lab.save('2026-03-02T08:02');
    expect([...library.rows.keys()]).toEqual([
      'scheduling/tom-books-twice',
      'scheduling/tom-books-twice-2',
      'scheduling/maria-books',
    ]);
    expect(lab.id).toBe('maria-books');
    expect(lab.notice).toEqual({
      text: 'Saved “Maria books” in your library as maria-books.',
      isError: false,
    });
  });

  it('updates the scenario it opened from the library in place', async () => {
    const library = memoryLibrary();
    const lab = new ScenarioLabState({ library });
    newScenario(lab, 'Tom books twice', first);
    await lab.save('2026-03-02T08:00');
    lab.title = 'Tom books twice, again';
    await lab.save('2026-03-02T08:01');
    expect(library.rows.size).toBe(1);
    expect(library.rows.get('scheduling/tom-books-twice')).toMatchObject({ title: 'Tom books twice, again' });
  });

  it('asks before replacing another scenario under an id typed in, and replaces it only when confirmed', async () => {
    const library = memoryLibrary();
    const lab = new ScenarioLabState({ library });
    newScenario(lab, 'The first', first);
    await lab.save('2026-03-02T08:00');
    newScenario(lab, 'The second', second);
    lab.id = 'the-first';
    await lab.save('2026-03-02T08:01');
    expect(lab.pendingOverwrite).toMatchObject({ replaces: 'The first', scenario: { title: 'The second' } });
    expect(lab.notice?.isError).toBe(true);
    expect(library.rows.get('scheduling/the-first')).toMatchObject({ title: 'The first' });
    lab.cancelOverwrite();
    expect(lab.pendingOverwrite).toBeNull();
    expect(library.rows.get('scheduling/the-first')).toMatchObject({ title: 'The first' });
    await lab.save('2026-03-02T08:02');
    await lab.confirmOverwrite('2026-03-02T08:03');
    expect(library.rows.get('scheduling/the-first')).toMatchObject({ title: 'The second' });
    expect(library.rows.size).toBe(1);
  });
});

describe('importing a file', () => {
  it('does not save a scenario twice when the same file is chosen again, and keeps one that differs beside the other', async () => {
    const library = memoryLibrary();
    const lab = new ScenarioLabState({ library });
    const text = JSON.stringify(toScenarioFile([builtInScenarios[0], builtInScenarios[1]]));
    await lab.importText(text, 'two.json', 'x');
    expect(library.rows.size).toBe(2);
    await lab.importText(text, 'two.json', 'x');
    expect(library.rows.size).toBe(2);
    expect(lab.notice?.text).toContain(
      `Already in your library as they are: ${builtInScenarios[0].id}, ${builtInScenarios[1].id}.`,
    );
    const changed = { ...builtInScenarios[0], title: 'Changed since' };
    await lab.importText(JSON.stringify(toScenarioFile([changed])), 'changed.json', 'x');
    expect(library.rows.size).toBe(3);
    expect(library.rows.get(`scheduling/${builtInScenarios[0].id}-2`)).toMatchObject({
      title: 'Changed since',
    });
    expect(lab.notice?.text).toContain(`${builtInScenarios[0].id} → ${builtInScenarios[0].id}-2`);
  });

  it('refuses a file holding two scenarios with one id, saving neither', async () => {
    const library = memoryLibrary();
    const lab = new ScenarioLabState({ library });
    const text = JSON.stringify(
      toScenarioFile([builtInScenarios[0], { ...builtInScenarios[1], id: builtInScenarios[0].id }]),
    );
    await lab.importText(text, 'twice.json', 'x');
    expect(lab.notice?.text).toBe(
      `twice.json was not imported, nothing changed. First problem at scenarios.1.id: "${builtInScenarios[0].id}" is also the id of scenario 1: ids in a file must be unique`,
    );
    expect(library.rows.size).toBe(0);
  });
});

describe('another domain', () => {
  const domains = (name: string) => (name === 'tally' ? tally : name === 'scheduling' ? scheduling : null);

  it('builds, runs and saves its scenarios with its own commands, queries and settings', async () => {
    const library = memoryLibrary();
    const lab = new ScenarioLabState({ domain: tally, library, domains });
    expect(lab.builtIns).toEqual(tally.scenarios);
    expect(Object.keys(lab.settings)).toEqual([]);
    lab.now = tally.defaultNow;
    expect(lab.addGivenCommand({ type: 'Count', data: { counterId: 'a', by: 2 } }).kind).toBe('accepted');
    lab.setWhen({ type: 'Count', data: { counterId: 'a', by: -5 } });
    lab.thenKind = 'rejection';
    lab.thenRejection = 'BelowZero';
    lab.addRows();
    expect(lab.rows[0]).toMatchObject({ query: 'total', expected: '0' });
    lab.rows[0].args = 'a';
    lab.rows[0].expected = '2';
    lab.settings = { ringEvery: '2' };
    lab.title = 'Never below zero';
    await lab.runNow();
    expect(lab.run?.pass).toBe(true);
    await lab.save('x');
    expect([...library.rows.keys()]).toEqual(['tally/never-below-zero']);
    expect(lab.testSource()).toContain('const domainName = "tally";');
  });

  it('opens a link of another domain in that domain, and says so to the app', () => {
    const followed: string[] = [];
    const lab = new ScenarioLabState({ domains, onDomain: (domain) => followed.push(domain.name) });
    lab.openLink(`#${encodeLink(tally, tally.scenarios[0])}`);
    expect(lab.domain).toBe(tally);
    expect(followed).toEqual(['tally']);
    expect(lab.title).toBe(tally.scenarios[0].title);
    expect(lab.run?.pass).toBe(true);
  });
});
