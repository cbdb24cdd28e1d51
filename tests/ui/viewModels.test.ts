import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../src/core/event.ts';
import { boardRows } from '../../src/domains/scheduling/board/boardModel.ts';
import { causeOf, filterEvents, pageOf } from '../../src/ui/panels/log/eventFilter.ts';
import { tablesOf } from '../../src/ui/panels/readModels/tables.ts';
import { readMonthlyLimit } from '../../src/ui/shell/openApp.ts';

const event = (
  position: number,
  type: string,
  streamId: string,
  data: object,
  causationId = `cmd-${position}`,
) =>
  ({
    id: `evt-${position}`,
    position,
    streamId,
    version: 1,
    type,
    data,
    metadata: {
      commandId: `cmd-${position}`,
      correlationId: 'c',
      causationId,
      occurredAt: '2026-03-02T08:00',
    },
  }) as RecordedEvent;

const log = [
  event(1, 'SlotBooked', 'doctorday-ana_2026-03-03', { patientId: 'tom' }),
  event(
    2,
    'SlotBookingCancelled',
    'doctorday-ana_2026-03-03',
    { patientId: 'tom', reason: 'overbooking' },
    'evt-1',
  ),
  event(3, 'PatientNotified', 'mailbox-tom', { subject: 'Cancelled' }, 'evt-2'),
];

describe('the event log filter', () => {
  it('matches stream prefixes, exact types and free text together', () => {
    expect(filterEvents(log, { stream: 'doctorday-', type: '', text: '' })).toHaveLength(2);
    expect(filterEvents(log, { stream: '', type: 'PatientNotified', text: '' })).toEqual([log[2]]);
    expect(filterEvents(log, { stream: '', type: '', text: 'OVERBOOKING' })).toEqual([log[1]]);
  });

  it('finds the cause: the triggering event for saga reactions, the command for user commands', () => {
    const byId = new Map(log.map((e) => [e.id, e]));
    expect(causeOf(log[1], byId)).toEqual({ kind: 'event', event: log[0] });
    expect(causeOf(log[0], byId)).toEqual({ kind: 'command', commandId: 'cmd-1' });
  });

  it('clamps pages', () => {
    expect(pageOf([1, 2, 3, 4, 5], 9, 2)).toEqual({ items: [5], page: 3, pages: 3 });
  });
});

describe('the board grid', () => {
  it('has one row per start time any doctor has, with an empty cell where a doctor has none', () => {
    const rows = boardRows([
      {
        doctorId: 'a',
        name: 'A',
        dayId: 'a_d',
        day: {
          dayId: 'a_d',
          doctorId: 'a',
          date: 'd',
          status: 'scheduled',
          slots: [{ slotId: 's1', startTime: '09:10', status: 'available' }],
        },
      },
      { doctorId: 'b', name: 'B', dayId: 'b_d', day: null },
    ]);
    expect(rows).toEqual([
      {
        startTime: '09:10',
        cells: [
          { doctorId: 'a', slot: expect.objectContaining({ slotId: 's1' }) },
          { doctorId: 'b', slot: null },
        ],
      },
    ]);
  });
});

describe('read-model tables', () => {
  it('gives a table per named part and folds nested values into expandable cells', () => {
    const tables = tablesOf('doctorDays', {
      doctorNames: { ana: 'Dr Ana' },
      days: { d1: { status: 'scheduled', slots: { s: {} } } },
    });
    expect(tables.map((t) => t.title)).toEqual(['doctorNames', 'days']);
    expect(tables[1].rows[0].slots).toEqual({ text: '1 entry', detail: expect.stringContaining('"s"') });
  });

  it('lists a record keyed by ids as one table', () => {
    const [table] = tablesOf('mailboxes', { 'tom-baker': [{ subject: 'Hi' }, { subject: 'Bye' }] });
    expect(table.rows.map((r) => r.subject.text)).toEqual(['Hi', 'Bye']);
  });
});

describe('the monthly limit setting', () => {
  it('takes the address first, then the saved setting, then 10', () => {
    expect(readMonthlyLimit('?monthlyLimit=2', '5')).toBe(2);
    expect(readMonthlyLimit('', '5')).toBe(5);
    expect(readMonthlyLimit('?monthlyLimit=zero', null)).toBe(10);
  });
});
