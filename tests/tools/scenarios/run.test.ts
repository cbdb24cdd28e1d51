import { describe, expect, it } from 'vitest';
import type { Message, ScenarioSpec } from '../../../src/core/domain/scenario.ts';
import { scheduling } from '../../../src/domains/index.ts';
import { bookSlot, people, slotBooked } from '../../../src/domains/scheduling/builders.ts';
import * as scenarioRun from '../../../src/tools/scenarios/run.ts';
import { tally } from '../../fixtures/tallyDomain.ts';
import { loadExportedTests, runExportedSource } from '../shared/exportedTests.ts';

const builtInScenarios = scheduling.scenarios;
const runScenario = (scenario: ScenarioSpec) => scenarioRun.runScenario(scheduling, scenario);
const runScenarioOnSandbox = (scenario: ScenarioSpec) =>
  scenarioRun.runScenarioOnSandbox(scheduling, scenario);
const thenRowsAfterSagas = (scenario: scenarioRun.PlayableScenario) =>
  scenarioRun.thenRowsAfterSagas(scheduling, scenario);
const scenarioTestSource = (scenario: ScenarioSpec) => scenarioRun.scenarioTestSource(scheduling, scenario);

const slotAlreadyBooked = builtInScenarios.find((s) => s.id === 'slot-already-booked') as ScenarioSpec;
const bookAFreeSlot = builtInScenarios.find((s) => s.id === 'book-a-free-slot') as ScenarioSpec;
const overbooking = builtInScenarios.find((s) => s.id === 'overbooking-accepted-first') as ScenarioSpec;

/** The exported vitest source of a scenario, as a file of its own importing this repository. */
const exported = (scenario: ScenarioSpec) => (root: string) =>
  scenarioRun.scenarioTestSource(scheduling, scenario, { root });

describe('runScenario', () => {
  it.each(builtInScenarios.map((s) => [s.id, s] as const))(
    'passes the decision of the built-in scenario %s',
    (_, scenario) => {
      const run = runScenario(scenario);
      expect(run.checks.filter((check) => !check.pass)).toEqual([]);
      expect(run.pendingRows).toHaveLength(scenario.thenRows?.length ?? 0);
      expect(run.verdict).toMatch(scenario.thenRows ? /^Checking: / : /^Passed: /);
    },
  );

  describe('when the slot is already booked but the scenario expects a booking', () => {
    const wrong: ScenarioSpec = {
      ...slotAlreadyBooked,
      then: { events: [{ type: 'SlotBooked', data: { dayId: 'x', slotId: 'y', patientId: 'maria-lopez' } }] },
    };

    it('fails and says so in plain words', () => {
      const run = runScenario(wrong);
      expect(run.pass).toBe(false);
      expect(run.verdict).toBe(
        'Failed: the scenario expects BookSlot to record SlotBooked, but BookSlot was rejected with ' +
          'SlotAlreadyBooked: Slot 09:00 on 2026-03-02 is already booked by another patient.',
      );
      expect(run.checks[0].diff).toContain('- expected\n+ actual');
      expect(run.checks[0].diff).toContain('+     "code": "SlotAlreadyBooked"');
    });
  });

  describe('when the scenario expects read-model rows', () => {
    it('leaves them to the scratch sandbox, where the sagas run, and does not pass yet', () => {
      const run = runScenario(bookAFreeSlot);
      expect(run.pass).toBe(false);
      expect(run.pendingRows).toEqual(['Read model appointment(ana-silva_2026-03-02_09:00)']);
      expect(run.verdict).toBe(
        'Checking: BookSlot was accepted and recorded 1 event: SlotBooked, as expected; 1 read model still to ' +
          'read after the sagas, on a scratch sandbox.',
      );
    });
  });

  describe('when a given command is rejected', () => {
    it('fails before the When and names the step', () => {
      const run = runScenario({ ...slotAlreadyBooked, given: slotAlreadyBooked.given.slice(1) });
      expect(run.pass).toBe(false);
      expect(run.verdict).toMatch(
        /^Failed before the When: Given step 3 was rejected \(DoctorNotRegistered\)/,
      );
    });
  });
});

describe('runScenarioOnSandbox', () => {
  const overbooked: ScenarioSpec = {
    id: 'limit-1-overbooking',
    title: 'A second booking in a month of one is compensated',
    tags: ['saga'],
    now: '2026-03-02T08:00',
    settings: { monthlyLimit: 1 },
    // The practice, and Tom's booking at 09:00.
    given: slotAlreadyBooked.given,
    when: bookSlot({ ...people.tomBaker, startTime: '09:10' }) as Message,
    then: {
      events: [slotBooked({ ...people.tomBaker, startTime: '09:10' }) as Message],
    },
    thenRows: [
      { query: 'monthlyBookings', args: ['tom-baker', '2026-03'], expected: 1 },
      {
        query: 'mailbox',
        args: ['tom-baker'],
        expected: [
          {
            body:
              'A patient can hold at most 1 appointments in a month. Your booking on 2026-03-02 at 09:10 went over ' +
              'that limit for 2026-03, so it was cancelled automatically. Your other appointments are unchanged.',
            causationEventId: 'evt-2',
            patientId: 'tom-baker',
            subject: 'Your appointment on 2026-03-02 at 09:10 was cancelled',
          },
        ],
      },
    ],
  };

  it('reads the expected rows after the sagas reacted, under the scenario’s settings', async () => {
    const run = await runScenarioOnSandbox(overbooked);
    expect(run.checks.filter((check) => !check.pass)).toEqual([]);
    expect(run.pass).toBe(true);
    expect(run.verdict).toBe('Passed: BookSlot was accepted and recorded 1 event: SlotBooked, as expected.');
    expect(
      run.scratch?.reactions.map(({ saga, command, isAccepted }) => ({ saga, command, isAccepted })),
    ).toEqual([
      { saga: 'overbooking', command: 'CancelSlotBooking', isAccepted: true },
      { saga: 'overbooking', command: 'NotifyPatient', isAccepted: true },
    ]);
    expect(run.scratch?.violations).toEqual([]);
    expect(run.scratch?.failures).toEqual([]);
  });

  it('uses the practice’s default limit of 10 when the scenario names none, so nothing is compensated', async () => {
    const run = await runScenarioOnSandbox({ ...overbooked, settings: undefined });
    expect(run.pass).toBe(false);
    expect(run.scratch?.reactions).toEqual([]);
    expect(run.checks.map((check) => check.pass)).toEqual([true, false, false]);
    expect(run.checks[1].diff).toContain('- 1\n+ 2');
  });

  it('keeps the engine’s decision check: a wrong Then fails with its diff', async () => {
    const run = await runScenarioOnSandbox({ ...overbooked, then: { rejection: 'SlotAlreadyBooked' } });
    expect(run.pass).toBe(false);
    expect(run.checks[0]).toMatchObject({ label: 'Rejected with SlotAlreadyBooked', pass: false });
    expect(run.verdict).toMatch(/^Failed: the scenario expects BookSlot to be rejected/);
  });

  it('names the read model that differs', async () => {
    const run = await runScenarioOnSandbox({
      ...bookAFreeSlot,
      thenRows: [{ query: 'monthlyBookings', args: ['tom-baker', '2026-03'], expected: 2 }],
    });
    expect(run.pass).toBe(false);
    expect(run.verdict).toContain(
      'but Read model monthlyBookings(tom-baker, 2026-03) after the sagas differs',
    );
    expect(run.checks[1].diff).toContain('- 2\n+ 1');
  });

  it('stops before the When when a Given command is rejected', async () => {
    const run = await runScenarioOnSandbox({
      ...overbooked,
      given: [...overbooked.given, overbooked.given[4]],
    });
    expect(run.pass).toBe(false);
    expect(run.verdict).toMatch(/^Failed before the When: Given step 6 was rejected \(SlotAlreadyBooked\)/);
  });

  it.each(builtInScenarios.map((s) => [s.id, s] as const))(
    'passes the built-in scenario %s',
    async (_, scenario) => {
      const run = await runScenarioOnSandbox(scenario);
      expect(run.checks.filter((check) => !check.pass)).toEqual([]);
      expect(run.pass).toBe(true);
      expect(run.verdict).toMatch(/^Passed: /);
      expect(run.scratch?.failures).toEqual([]);
      expect(run.scratch?.violations).toEqual([]);
    },
  );

  it('lets the monthly-cap scenario’s saga cancel both surplus halves of the double slot', async () => {
    const run = await runScenarioOnSandbox(overbooking);
    expect(overbooking.settings).toEqual({ monthlyLimit: 3 });
    const reactions = run.scratch?.reactions.map(({ command, subject }) => `${command} ${subject}`);
    expect(reactions?.sort()).toEqual([
      'CancelSlotBooking ana-silva_2026-03-02, ana-silva_2026-03-02_09:00, tom-baker',
      'CancelSlotBooking ana-silva_2026-03-02, ana-silva_2026-03-02_09:10, tom-baker',
      'NotifyPatient tom-baker',
      'NotifyPatient tom-baker',
    ]);
  });
});

describe('thenRowsAfterSagas', () => {
  it('throws a spec failure naming each read model that differs', async () => {
    await expect(
      thenRowsAfterSagas({
        ...overbooking,
        thenRows: [{ query: 'monthlyBookings', args: ['tom-baker', '2026-03'], expected: 5 }],
      }),
    ).rejects.toThrow(/Read model monthlyBookings\(tom-baker, 2026-03\) after the sagas\n[^]*- 5\n\+ 3/);
  });

  it('throws when the Given cannot be played', async () => {
    await expect(
      thenRowsAfterSagas({ ...slotAlreadyBooked, given: slotAlreadyBooked.given.slice(1) }),
    ).rejects.toThrow(/^Failed before the When: Given step 3 was rejected \(DoctorNotRegistered\)/);
  });
});

describe('the exported vitest source', () => {
  describe.each(builtInScenarios.map((s) => [s.id, s] as const))(
    'of the built-in scenario %s',
    (_, scenario) => {
      it('passes when run as a test file of its own', async () => {
        const names = await runExportedSource(exported(scenario));
        expect(names).toHaveLength(scenario.thenRows ? 2 : 1);
      });
    },
  );

  it('checks the rows after the sagas, as the app does: the monthly-cap scenario fails without its limit', async () => {
    const { tests } = await loadExportedTests(exported({ ...overbooking, settings: undefined }));
    expect(tests.map((test) => test.name)).toEqual([
      'accepts BookDoubleSlot',
      'shows the expected read models after the sagas reacted, on a scratch sandbox',
    ]);
    await tests[0].run();
    await expect(tests[1].run()).rejects.toThrow(/- 3\n\+ 5/);
    expect((await runScenarioOnSandbox({ ...overbooking, settings: undefined })).pass).toBe(false);
  });

  it('fails when the scenario expects a booking where the slot is already booked', async () => {
    await expect(
      runExportedSource(
        exported({
          ...slotAlreadyBooked,
          then: {
            events: [{ type: 'SlotBooked', data: { dayId: 'x', slotId: 'y', patientId: 'maria-lopez' } }],
          },
        }),
      ),
    ).rejects.toThrow(/Spec failed/);
  });

  it('fails when an expected read-model row differs', async () => {
    await expect(
      runExportedSource(
        exported({
          ...bookAFreeSlot,
          thenRows: [{ query: 'monthlyBookings', args: ['tom-baker', '2026-03'], expected: 2 }],
        }),
      ),
    ).rejects.toThrow(/- 2\n\+ 1/);
  });

  it('names its domain, and the settings only when the scenario has some', () => {
    expect(scenarioTestSource(overbooking)).toContain('const domainName = "scheduling";');
    expect(scenarioTestSource(overbooking)).toContain(
      'const domain = builtIn.configure({"monthlyLimit":3});',
    );
    expect(scenarioTestSource(slotAlreadyBooked)).toContain('const domain = builtIn;');
    expect(scenarioTestSource(slotAlreadyBooked)).not.toContain('monthlyLimit');
  });

  it('imports nothing but Eventscope’s public entry and vitest', () => {
    for (const scenario of builtInScenarios) {
      const imports = [...scenarioTestSource(scenario).matchAll(/^import .* from (.*);$/gm)].map((m) => m[1]);
      expect(imports).toEqual(["'vitest'", '"../../src/index.ts"']);
    }
  });
});

describe('a scenario of another domain', () => {
  const [belowZero, addsUp] = tally.scenarios;
  const tallyExport = (scenario: ScenarioSpec) => (root: string) =>
    scenarioRun.scenarioTestSource(tally, scenario, {
      root,
      domainImport: { from: `${root}/tests/fixtures/tallyDomain.ts`, name: 'tally' },
    });

  it('runs with that domain’s rules, queries and sagas', async () => {
    expect(scenarioRun.runScenario(tally, belowZero)).toMatchObject({
      pass: true,
      actual: { rejection: 'BelowZero' },
    });
    const run = await scenarioRun.runScenarioOnSandbox(tally, addsUp);
    expect(run.checks.map((check) => [check.label, check.pass])).toEqual([
      ['These events', true],
      ['Read model total(a) after the sagas', true],
    ]);
    expect(run.scratch?.reactions.map((r) => `${r.saga}: ${r.command} (${r.subject})`)).toEqual([
      'bell: Ring (a)',
      'bell: Ring (a)',
    ]);
  });

  it('takes its settings: the bell rings every other count', async () => {
    const run = await scenarioRun.runScenarioOnSandbox(tally, { ...addsUp, settings: { ringEvery: 2 } });
    expect(run.pass).toBe(true);
    expect(run.scratch?.reactions.map((r) => r.command)).toEqual(['Ring']);
  });

  it('is exported as a test that imports the domain and passes, or fails with the diff', async () => {
    expect(await runExportedSource(tallyExport(addsUp))).toEqual([
      'accepts Count',
      'shows the expected read models after the sagas reacted, on a scratch sandbox',
    ]);
    await expect(
      runExportedSource(tallyExport({ ...addsUp, thenRows: [{ query: 'total', args: ['a'], expected: 4 }] })),
    ).rejects.toThrow(/- 4\n\+ 5/);
  });
});
