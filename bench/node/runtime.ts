// Node bench suite: the runtime's write path vs Emmett's command handler, and projection rebuilds vs bare folds.
import { CommandHandler, getInMemoryEventStore } from '@event-driven-io/emmett';
import { createDomainRuntime as createSandbox } from '../../src/domains/index.ts';
import { addDays } from '../../src/core/clock.ts';
import type { DomainEvent, RecordedEvent } from '../../src/core/event.ts';
import {
  dayDecider,
  dayIdOf,
  dayStream,
  patientDecider,
  patientStream,
  practiceDecider,
  schedulingProjections,
  createScheduling,
  fold,
  type DayCommand,
  type DayEvent,
  type SchedulingCommand,
} from '../../src/domains/scheduling/index.ts';
import { createMemoryStore } from '../../src/store/memory/memoryStore.ts';
import { DAY_TIMES, NOW, registrations } from '../practice.ts';

export interface Row {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  ratio?: number;
}

/** A practice: doctors, patients, and `days` scheduled days per doctor with 36 slots each. */
function practiceCommands(doctors: number, patients: number, days: number) {
  const setup = registrations(doctors, patients);
  const dayIds: string[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(NOW, i + 1).slice(0, 10);
    for (let d = 0; d < doctors; d++) {
      setup.push({
        type: 'ScheduleDay',
        data: { doctorId: `doc${d}`, date, slots: DAY_TIMES.map((startTime) => ({ startTime })) },
      });
      dayIds.push(dayIdOf(`doc${d}`, date));
    }
  }
  return { setup, dayIds };
}

/** Book, then cancel, every slot of the days in turn: a write-heavy, conflict-free workload. */
function bookingWorkload(dayIds: string[], patients: number, count: number): DayCommand[] {
  const commands: DayCommand[] = [];
  for (let i = 0; commands.length < count; i++) {
    const dayId = dayIds[i % dayIds.length];
    const slotId = `${dayId}_${DAY_TIMES[Math.floor(i / dayIds.length) % DAY_TIMES.length]}`;
    const patientId = `pat${i % patients}`;
    commands.push({ type: 'BookSlot', data: { dayId, slotId, patientId } });
    commands.push({ type: 'CancelSlotBooking', data: { dayId, slotId, reason: 'changed plans' } });
  }
  return commands;
}

async function sandboxCommandsPerSecond(
  setup: SchedulingCommand[],
  workload: DayCommand[],
  withReadSide = true,
) {
  const sandbox = createSandbox({
    now: NOW,
    monthlyLimit: 1_000,
    runProjections: withReadSide,
    runSagas: withReadSide,
  });
  for (const command of setup) await sandbox.dispatch(command);
  await sandbox.settle();
  const started = performance.now();
  for (const command of workload) {
    const result = await sandbox.dispatch(command);
    if (result.kind !== 'accepted')
      throw new Error(`bench command rejected: ${JSON.stringify(result.error)}`);
  }
  await sandbox.settle();
  return workload.length / ((performance.now() - started) / 1000);
}

async function emmettCommandsPerSecond(setup: SchedulingCommand[], workload: DayCommand[]) {
  const store = getInMemoryEventStore();
  const handleDay = CommandHandler({ evolve: dayDecider.evolve, initialState: dayDecider.initialState });
  const patientOf = async (patientId: string) =>
    fold(patientDecider, (await store.readStream(patientStream(patientId))).events);
  const practice = async () => fold(practiceDecider, (await store.readStream('practice')).events);
  const decideOn = async (command: SchedulingCommand) => {
    // Same guard reads as the sandbox (seed 003): practice for scheduling, the patient for booking.
    if (command.type === 'RegisterDoctor' || command.type === 'RegisterPatient') {
      const [streamId, decider] =
        command.type === 'RegisterDoctor'
          ? ['practice', practiceDecider]
          : [patientStream(command.data.patientId), patientDecider];
      const state = fold(decider as typeof practiceDecider, (await store.readStream(streamId)).events);
      const decision = (decider as typeof practiceDecider).decide(command as never, state, null);
      if (decision.kind === 'rejected') throw new Error(decision.error.message);
      await store.appendToStream(streamId, decision.events);
      return;
    }
    const day = command as DayCommand;
    const dayId = day.type === 'ScheduleDay' ? dayIdOf(day.data.doctorId, day.data.date) : day.data.dayId;
    const patient =
      'patientId' in day.data && day.type.startsWith('Book')
        ? await patientOf(day.data.patientId as string)
        : null;
    const context = {
      now: NOW,
      practice: day.type.startsWith('Schedule') ? await practice() : fold(practiceDecider, []),
      patient,
    };
    await handleDay(store, dayStream(dayId), (state) => {
      const decision = dayDecider.decide(day, state, context);
      if (decision.kind === 'rejected') throw new Error(decision.error.message);
      return decision.events as DayEvent[];
    });
  };
  for (const command of setup) await decideOn(command);
  const started = performance.now();
  for (const command of workload) await decideOn(command);
  return workload.length / ((performance.now() - started) / 1000);
}

/**
 * A realistic log of `target` events, decided by the real deciders (so every event is one the domain would
 * write) but without the runtime: doctors, patients, then days of 36 slots with most of them booked.
 */
async function generatedLog(target: number): Promise<RecordedEvent[]> {
  const doctors = 5;
  const patients = 600;
  const context = createScheduling({ monthlyLimit: 1_000 });
  const store = createMemoryStore();
  let ids = 0;
  const append = async (streamId: string, events: DomainEvent[], expectedVersion: number | 'no-stream') => {
    const metadata = { commandId: 'gen', correlationId: 'gen', causationId: 'gen', occurredAt: NOW };
    const result = await store.append(
      streamId,
      events.map((e) => ({ ...e, id: `evt-${++ids}`, metadata })),
      { expectedVersion },
    );
    if (result.kind !== 'appended') throw new Error(`could not generate the log: ${result.error.message}`);
  };
  const decide = (command: SchedulingCommand, stream: unknown, guards: Record<string, unknown>) => {
    const decision = context.decideFolded?.(command, { stream, guards, now: NOW });
    if (!decision || decision.kind !== 'accepted')
      throw new Error(`generator command rejected: ${command.type}`);
    return decision.events;
  };
  const { setup } = practiceCommands(doctors, patients, 0);
  let practice = practiceDecider.initialState();
  const patientStates: Record<string, unknown> = {};
  for (const command of setup) {
    if (command.type === 'RegisterDoctor') {
      const events = decide(command, practice, {});
      const registered = Object.keys(practice.doctors).length;
      await append('practice', events, registered === 0 ? 'no-stream' : registered);
      practice = events.reduce((s, e) => practiceDecider.evolve(s, e as never), practice);
    } else if (command.type === 'RegisterPatient') {
      const events = decide(command, patientDecider.initialState(), {});
      await append(patientStream(command.data.patientId), events, 'no-stream');
      patientStates[patientStream(command.data.patientId)] = events.reduce(
        (s, e) => patientDecider.evolve(s, e as never),
        patientDecider.initialState(),
      );
    }
  }
  for (let day = 0, booking = 0; (await store.head()) < target; day++) {
    const date = addDays(NOW, Math.floor(day / doctors) + 1).slice(0, 10);
    const doctorId = `doc${day % doctors}`;
    const dayId = dayIdOf(doctorId, date);
    const schedule: SchedulingCommand = {
      type: 'ScheduleDay',
      data: { doctorId, date, slots: DAY_TIMES.map((startTime) => ({ startTime })) },
    };
    let state = dayDecider.initialState();
    const events: DomainEvent[] = [];
    const take = (produced: DomainEvent[]) => {
      events.push(...produced);
      state = produced.reduce((s, e) => dayDecider.evolve(s, e as DayEvent), state);
    };
    take(decide(schedule, state, { practice }));
    for (const time of DAY_TIMES.slice(0, 27)) {
      const patient = patientStream(`pat${booking++ % patients}`);
      const book: SchedulingCommand = {
        type: 'BookSlot',
        data: { dayId, slotId: `${dayId}_${time}`, patientId: patient.slice('patient-'.length) },
      };
      take(decide(book, state, { [patient]: patientStates[patient] }));
    }
    await append(dayStream(dayId), events, 'no-stream');
  }
  return (await store.readAll()).slice(0, target);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function rebuildRows(events: RecordedEvent[]): Promise<Row[]> {
  // Bare fold: the same projections applied directly to an in-memory array: no store, no runner, no checkpoint.
  const bareFold = () => {
    const started = performance.now();
    for (const projection of schedulingProjections()) {
      let state = projection.initialState();
      for (const event of events) state = projection.apply(state, event);
    }
    return performance.now() - started;
  };
  const store = createMemoryStore();
  for (const event of events) {
    const result = await store.append(event.streamId, [event], {
      expectedVersion: event.version === 1 ? 'no-stream' : event.version - 1,
    });
    if (result.kind !== 'appended') throw new Error('could not load the generated log');
  }
  const sandbox = createSandbox({ now: NOW, store, runSagas: false });
  await sandbox.settle();
  const rebuild = async () => {
    const started = performance.now();
    for (const { name } of sandbox.projections()) await sandbox.rebuildProjection(name);
    const rebuilt = performance.now() - started;
    await sandbox.settle();
    return { rebuilt, saved: performance.now() - started };
  };
  bareFold();
  await rebuild();
  const bare = median([bareFold(), bareFold(), bareFold()]);
  const runs = [await rebuild(), await rebuild(), await rebuild()];
  const rebuilt = median(runs.map((r) => r.rebuilt));
  const saved = median(runs.map((r) => r.saved));
  return [
    {
      name: `rebuild all projections, ${events.length.toLocaleString('en')} events (ms, lower is better)`,
      value: rebuilt,
      unit: 'ms',
      baseline: { name: 'bare fold of the same projections', value: bare },
      ratio: rebuilt / bare,
    },
    {
      name: `rebuild all projections and save their checkpoints (ms, lower is better)`,
      value: saved,
      unit: 'ms',
      baseline: { name: 'bare fold of the same projections', value: bare },
      ratio: saved / bare,
    },
  ];
}

/** Rows: commands/s vs Emmett, and rebuild time vs a bare fold. */
export default async function runtimeSuite({ log }: { log: (line: string) => void }): Promise<Row[]> {
  log('runtime: commands/s vs Emmett');
  const { setup, dayIds } = practiceCommands(5, 50, 20);
  const workload = bookingWorkload(dayIds, 50, 4_000);
  await sandboxCommandsPerSecond(setup, workload.slice(0, 400));
  await emmettCommandsPerSecond(setup, workload.slice(0, 400));
  // Why alternate: the machine is shared, so each round measures all three under the same load.
  const rounds = { full: [] as number[], commandPath: [] as number[], emmett: [] as number[] };
  for (let round = 0; round < 3; round++) {
    rounds.full.push(await sandboxCommandsPerSecond(setup, workload));
    rounds.commandPath.push(await sandboxCommandsPerSecond(setup, workload, false));
    rounds.emmett.push(await emmettCommandsPerSecond(setup, workload));
  }
  const emmett = {
    name: 'Emmett CommandHandler + in-memory store, same decider and guard reads',
    value: median(rounds.emmett),
  };
  const rows: Row[] = [
    {
      name: 'createSandbox (memory): command path (validate, load, decide, append, record)',
      value: median(rounds.commandPath),
      unit: 'commands/s',
      baseline: emmett,
      ratio: median(rounds.commandPath) / emmett.value,
    },
    {
      name: 'createSandbox (memory): same, with 5 projections and 2 sagas kept up to date',
      value: median(rounds.full),
      unit: 'commands/s',
      baseline: emmett,
      ratio: median(rounds.full) / emmett.value,
    },
  ];
  log('runtime: generating a 100k-event log');
  const events = await generatedLog(Number(process.env.BENCH_EVENTS ?? 100_000));
  log('runtime: rebuilding projections');
  rows.push(...(await rebuildRows(events)));
  return rows;
}
