import { describe, expect, it } from 'vitest';
import { replayRace } from '../../../../../src/tools/race-lab/runRace.ts';
import type { Counterexample } from '../../../../../src/tools/race-lab/model/lab.ts';

// Found by the race lab: doubleSlotAllOrNothing (2 operations, 2 actors, 1 context switch).
// Seed 7, path "32:3:1:8:11:2:5:11:14:14:11:11:14:27:1:6:5:4:4:4:4:4:10:6:4:6:4:5:4:5:4:5:5:5:6:7:9:9:10:4:5:4", after 33 run(s), 41 shrink step(s)
// and 1 minimising step(s).
//   tom#2 books a double slot ana_2026-03-03 09:00 for tom
//   tom books ana_2026-03-03 09:30
const counterexample: Counterexample = {
  format: 'eventscope.race-counterexample',
  formatVersion: 1,
  property: 'doubleSlotAllOrNothing',
  title: 'always books both halves of a double slot in one append, or neither',
  race: {
    setup: {
      now: '2026-03-02T08:00',
      doctors: [
        {
          doctorId: 'ana',
          name: 'Dr Ana Silva',
        },
      ],
      patients: [
        {
          patientId: 'tom',
          name: 'Tom Baker',
        },
        {
          patientId: 'eve',
          name: 'Eve Moneypenny',
        },
        {
          patientId: 'ann',
          name: 'Ann Lee',
        },
      ],
      days: [
        {
          doctorId: 'ana',
          date: '2026-03-03',
          times: ['09:00', '09:10', '09:20', '09:30', '09:40', '09:50'],
        },
      ],
    },
    operations: [
      {
        actor: 'tom#2',
        intent: {
          kind: 'bookDouble',
          patientId: 'tom',
          dayId: 'ana_2026-03-03',
          time: '09:00',
        },
      },
      {
        actor: 'tom',
        intent: {
          kind: 'book',
          patientId: 'tom',
          dayId: 'ana_2026-03-03',
          time: '09:30',
        },
      },
    ],
    choices: [0, 0, 1],
    faults: {
      duplicateDelivery: [],
      deliveryBatchSize: 1,
      lostAcks: [],
    },
    bugs: {
      skipVersionCheck: false,
      splitAppends: true,
      nonIdempotentProjections: false,
      staleSagaReads: false,
    },
    monthlyLimit: 2,
  },
  choices: [0, 0, 1],
  seed: 7,
  path: '32:3:1:8:11:2:5:11:14:14:11:11:14:27:1:6:5:4:4:4:4:4:10:6:4:6:4:5:4:5:4:5:5:5:6:7:9:9:10:4:5:4',
  trace: [
    {
      step: 1,
      owner: 'op-0',
      kind: 'load',
      detail: 'doctorday-ana_2026-03-03',
      isContextSwitch: false,
    },
    {
      step: 2,
      owner: 'op-0',
      kind: 'append',
      detail: 'doctorday-ana_2026-03-03',
      isContextSwitch: false,
    },
    {
      step: 3,
      owner: 'op-1',
      kind: 'load',
      detail: 'doctorday-ana_2026-03-03',
      isContextSwitch: true,
    },
    {
      step: 4,
      owner: 'op-1',
      kind: 'append',
      detail: 'doctorday-ana_2026-03-03',
      isContextSwitch: false,
    },
    {
      step: 5,
      owner: 'op-0',
      kind: 'append',
      detail: 'doctorday-ana_2026-03-03',
      isContextSwitch: false,
    },
    {
      step: 6,
      owner: 'projection:doctorDays',
      kind: 'deliver',
      detail: '12…12',
      isContextSwitch: false,
    },
    {
      step: 7,
      owner: 'projection:doctorDays',
      kind: 'deliver',
      detail: '13…13',
      isContextSwitch: false,
    },
    {
      step: 8,
      owner: 'projection:patientSlots',
      kind: 'deliver',
      detail: '12…12',
      isContextSwitch: false,
    },
    {
      step: 9,
      owner: 'projection:patientSlots',
      kind: 'deliver',
      detail: '13…13',
      isContextSwitch: false,
    },
    {
      step: 10,
      owner: 'projection:appointments',
      kind: 'deliver',
      detail: '12…12',
      isContextSwitch: false,
    },
    {
      step: 11,
      owner: 'projection:appointments',
      kind: 'deliver',
      detail: '13…13',
      isContextSwitch: false,
    },
    {
      step: 12,
      owner: 'projection:mailboxes',
      kind: 'deliver',
      detail: '12…12',
      isContextSwitch: false,
    },
    {
      step: 13,
      owner: 'projection:mailboxes',
      kind: 'deliver',
      detail: '13…13',
      isContextSwitch: false,
    },
    {
      step: 14,
      owner: 'projection:monthlyBookings',
      kind: 'deliver',
      detail: '12…12',
      isContextSwitch: false,
    },
    {
      step: 15,
      owner: 'projection:monthlyBookings',
      kind: 'deliver',
      detail: '13…13',
      isContextSwitch: false,
    },
    {
      step: 16,
      owner: 'saga:overbooking',
      kind: 'deliver',
      detail: '12…12',
      isContextSwitch: false,
    },
    {
      step: 17,
      owner: 'saga:overbooking',
      kind: 'deliver',
      detail: '13…13',
      isContextSwitch: false,
    },
    {
      step: 18,
      owner: 'saga:dayCancellationNotifier',
      kind: 'deliver',
      detail: '12…12',
      isContextSwitch: false,
    },
    {
      step: 19,
      owner: 'saga:dayCancellationNotifier',
      kind: 'deliver',
      detail: '13…13',
      isContextSwitch: false,
    },
  ],
  violations: [
    {
      property: 'doubleSlotAllOrNothing',
      invariant: 'doubleSlotAtomicity',
      message:
        'Slot ana_2026-03-03_09:00 was booked by tom as half of a double slot at position 12, but its other half ana_2026-03-03_09:10 was not booked in the same append',
      positions: [12],
      step: 2,
    },
    {
      property: 'doubleSlotAllOrNothing',
      invariant: 'doubleSlotAcknowledgement',
      message:
        'tom#2 was told the double slot ana_2026-03-03 09:00 was booked, but only 1 booking was written',
      positions: [],
      step: 6,
    },
  ],
  story: ['tom#2 books a double slot ana_2026-03-03 09:00 for tom', 'tom books ana_2026-03-03 09:30'],
  size: {
    operations: 2,
    actors: 2,
    nonZeroChoices: 1,
    contextSwitches: 1,
    steps: 19,
  },
  runsToFailure: 33,
  shrinkSteps: 41,
  minimizeSteps: 1,
  minimizeRuns: 588,
};

describe('race lab counterexample: doubleSlotAllOrNothing', () => {
  it('breaks "always books both halves of a double slot in one append, or neither" (planted bug)', async () => {
    const { violations } = await replayRace(counterexample);
    expect(violations.map((v) => v.property)).toContain(counterexample.property);
  });
});
