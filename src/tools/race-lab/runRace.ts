import type { Projection } from '../../core/boundedContext.ts';
import { createDeterministicScheduler, LivelockError } from '../../core/scheduler/deterministicScheduler.ts';
import type { RecordedEvent } from '../../core/event.ts';
import type { ActorScheduler } from '../../core/scheduler/scheduler.ts';
import { scheduling, schedulingProjections } from '../../domains/scheduling/index.ts';
import { plantStaleSagaReads } from '../../domains/scheduling/plantedBugs/staleReadSaga.ts';
import { createRuntime, type Append, type Runtime } from '../../runtime/index.ts';
import { raceDecorators } from './faults.ts';
import {
  commandOf,
  setupCommands,
  type AppendRecord,
  type OperationRecord,
  type Race,
  type RaceOutcome,
  type RaceSetup,
  type StepFinding,
} from './model/race.ts';
import { replayCounterexample, type Counterexample } from './model/lab.ts';
import type { Checkpoint, CommandRecord, EventLogFile, EventStore } from '../../store/eventStore.ts';
import { createMemoryStore } from '../../store/memory/memoryStore.ts';
import type { IdGenerator } from '../../runtime/idGenerators.ts';

export interface RaceRunOptions {
  /** Scheduler releases before the run is declared livelocked (default 5,000). */
  maxSteps?: number;
  /** Compare each projection with a fresh fold after every delivery (default false: it halves the speed). */
  checkEveryDelivery?: boolean;
  /** Receives the race's full command records (outcomes, conflicts met, heads seen), e.g. for a timeline. */
  onCommandRecords?: (records: CommandRecord[]) => void;
}

interface SetupSnapshot {
  file: EventLogFile;
  checkpoints: Checkpoint[];
  counters: { cmd: number; evt: number };
}

const counterIds = (counters: { cmd: number; evt: number }): IdGenerator => {
  const next = { ...counters };
  return (kind) => `${kind}-${++next[kind]}`;
};

// Why a cache: every race of a lab session shares its setup; replaying it per race would cost more than the race.
const setupCache = new Map<string, Promise<SetupSnapshot>>();

async function setupSnapshot(setup: RaceSetup): Promise<SetupSnapshot> {
  const key = JSON.stringify(setup);
  const cached = setupCache.get(key);
  if (cached) return cached;
  const built = (async () => {
    const counters = { cmd: 0, evt: 0 };
    const ids: IdGenerator = (kind) => `${kind}-${++counters[kind]}`;
    const store = createMemoryStore();
    const sandbox = createRuntime(scheduling, {
      now: setup.now,
      store,
      scheduler: createDeterministicScheduler(),
      ids,
    });
    for (const command of setupCommands(setup)) {
      const result = await sandbox.dispatch(command, { actor: 'setup' });
      if (result.kind === 'rejected') throw new Error(`The race setup is invalid: ${result.error.message}`);
    }
    await sandbox.settle();
    const subscribers = [
      ...sandbox.projections().map((p) => `projection:${p.name}`),
      ...sandbox.sagas().map((s) => `saga:${s.name}`),
    ];
    const checkpoints = await Promise.all(subscribers.map((id) => store.loadCheckpoint(id)));
    return {
      file: await store.exportLog(setup.now),
      checkpoints: checkpoints.filter((c): c is Checkpoint => c !== null),
      counters: { ...counters },
    };
  })();
  setupCache.set(key, built);
  if (setupCache.size > 32) setupCache.delete(setupCache.keys().next().value as string);
  return built;
}

/**
 * The memory store holds the events (the part races are about); command records and checkpoints stay here.
 * Why: nothing reloads mid-race, and cloning every record and checkpoint cost more than the race itself.
 */
async function storeAfterSetup(snapshot: SetupSnapshot): Promise<EventStore> {
  const store = createMemoryStore();
  const imported = await store.importLog({ ...snapshot.file, commands: [] });
  if (imported.kind !== 'imported')
    throw new Error(`The setup log did not import: ${imported.error.message}`);
  const commands: CommandRecord[] = [];
  const checkpoints = new Map(snapshot.checkpoints.map((c) => [c.subscriberId, c]));
  return {
    ...store,
    loadCheckpoint: async <State>(subscriberId: string) => {
      const saved = checkpoints.get(subscriberId);
      return saved ? (structuredClone(saved) as Checkpoint<State>) : null;
    },
    saveCheckpoint: async () => ({ kind: 'saved' as const }),
    recordCommand: async (record) => {
      const stored = { seq: commands.length + 1, ...record };
      commands.push(stored);
      return stored;
    },
    readCommands: async () => commands,
  };
}

/** Watches every released task: who read which version, what was appended, how projections progressed. */
class RaceObserver {
  readonly appends: AppendRecord[] = [];
  readonly appendSteps: Record<number, number> = {};
  readonly findings: StepFinding[] = [];
  readonly log: RecordedEvent[];
  private readonly knownVersions = new Map<string, number>();
  private readonly checkpoints = new Map<string, number>();
  private readonly references = new Map<
    string,
    { projection: Projection; state: unknown; position: number }
  >();
  sandbox: Runtime | null = null;

  constructor(
    setupLog: RecordedEvent[],
    snapshot: SetupSnapshot,
    private readonly step: () => number,
    private readonly checkEveryDelivery: boolean,
  ) {
    this.log = [...setupLog];
    if (!checkEveryDelivery) return;
    for (const projection of schedulingProjections()) {
      const saved = snapshot.checkpoints.find((c) => c.subscriberId === `projection:${projection.name}`);
      this.references.set(`projection:${projection.name}`, {
        projection,
        state: structuredClone(saved?.state ?? projection.initialState()),
        position: saved?.position ?? 0,
      });
    }
  }

  /** The version a writer's decision is based on (typed notification from the command handler). */
  loaded(actor: string, streamId: string, version: number): void {
    this.knownVersions.set(`${actor}|${streamId}`, version);
  }

  /** The innermost append decorator: sees what really reached the store, whatever the writer was told. */
  readonly observeAppends =
    (append: Append): Append =>
    async (request) => {
      const appended = await append(request);
      if (appended.kind !== 'appended' || appended.events.length === 0) return appended;
      const key = `${request.actor}|${request.streamId}`;
      this.appends.push({
        step: this.step(),
        owner: request.actor,
        commandId: appended.events[0].metadata.commandId,
        streamId: request.streamId,
        basedOnVersion: this.knownVersions.get(key) ?? 0,
        positions: appended.events.map((e) => e.position),
      });
      this.knownVersions.set(key, appended.streamVersion);
      for (const event of appended.events) {
        this.log[event.position - 1] = event;
        this.appendSteps[event.position] = this.step();
      }
      return appended;
    };

  delivered(subscriberId: string): void {
    if (this.checkEveryDelivery) this.afterDelivery(subscriberId);
  }

  private afterDelivery(subscriber: string): void {
    const sandbox = this.sandbox;
    if (!sandbox) return;
    const name = subscriber.replace(/^(projection|saga):/, '');
    const status = [...sandbox.projections(), ...sandbox.sagas()].find(
      (s) => `${subscriber.startsWith('saga:') ? 'saga' : 'projection'}:${s.name}` === subscriber,
    );
    if (!status) return;
    const previous = this.checkpoints.get(subscriber) ?? 0;
    if (status.checkpoint < previous) {
      this.findings.push({
        step: this.step(),
        subscriber,
        kind: 'checkpointWentBack',
        message: `${subscriber}'s checkpoint went back from ${previous} to ${status.checkpoint}`,
      });
    }
    this.checkpoints.set(subscriber, status.checkpoint);
    const reference = this.references.get(subscriber);
    if (!reference) return;
    for (let p = reference.position + 1; p <= status.checkpoint; p++) {
      reference.state = reference.projection.apply(reference.state, this.log[p - 1]);
    }
    reference.position = Math.max(reference.position, status.checkpoint);
    // Why plain JSON here: the reference folds the same events in the same order, so keys come in the same order.
    const actual = JSON.stringify(sandbox.projectionState(name));
    const expected = JSON.stringify(reference.state);
    if (actual !== expected && !this.findings.some((f) => f.subscriber === subscriber)) {
      this.findings.push({
        step: this.step(),
        subscriber,
        kind: 'projectionDiverged',
        message: `${subscriber} at checkpoint ${status.checkpoint} differs from a fresh fold of the log up to ${status.checkpoint}`,
      });
    }
  }
}

/** Runs one race on `createSandbox` + a memory store under the deterministic scheduler its choices drive. */
export async function runRace(race: Race, options: RaceRunOptions = {}): Promise<RaceOutcome> {
  const snapshot = await setupSnapshot(race.setup);
  const store = await storeAfterSetup(snapshot);
  const setupLog = await store.readAll();
  const setupHead = setupLog.length;
  const inner = createDeterministicScheduler(race.choices, { maxSteps: options.maxSteps ?? 5_000 });
  const observer = new RaceObserver(
    setupLog,
    snapshot,
    () => inner.trace.length,
    options.checkEveryDelivery ?? false,
  );
  const scheduler: ActorScheduler = inner;

  const commandIdOf = (index: number) => `op-${index}`;
  const lostAckCommands = new Set(race.faults.lostAcks.map(commandIdOf));
  const lostAcks = new Set<string>();
  const duplicated = new Set(race.faults.duplicateDelivery.map((p) => p + setupHead));
  const configured = scheduling.configure({ monthlyLimit: race.monthlyLimit });
  const domain = race.bugs.staleSagaReads ? plantStaleSagaReads(configured, race.monthlyLimit) : configured;
  const sandbox = createRuntime(domain, {
    now: race.setup.now,
    store,
    scheduler,
    ids: counterIds(snapshot.counters),
    decorators: raceDecorators({
      observe: observer.observeAppends,
      skipVersionCheck: race.bugs.skipVersionCheck,
      splitAppends: race.bugs.splitAppends,
      loseAck: ({ commandId }) => {
        if (!lostAckCommands.has(commandId) || lostAcks.has(commandId)) return false;
        lostAcks.add(commandId);
        return true;
      },
      nonIdempotentProjections: race.bugs.nonIdempotentProjections,
      duplicated: (event) => duplicated.has(event.position),
    }),
    observer: {
      loaded: ({ actor, streamId, version }) => observer.loaded(actor, streamId, version),
      delivered: ({ subscriberId }) => observer.delivered(subscriberId),
    },
    batchSize: Math.max(1, race.faults.deliveryBatchSize),
    maxRetries: 3,
  });
  observer.sandbox = sandbox;
  await sandbox.ready;

  const records: OperationRecord[] = race.operations.map((operation, index) => ({
    index,
    actor: operation.actor,
    intent: operation.intent,
    commandId: commandIdOf(index),
    invokeStep: 0,
    completeStep: null,
    outcome: 'info',
    eventIds: [],
  }));
  const perform = async (record: OperationRecord) => {
    record.invokeStep = inner.trace.length;
    const command = commandOf(record.intent);
    if (command === null) {
      const { to } = record.intent as { to: string };
      await scheduler.spawn(`clock/${record.commandId}`, () =>
        scheduler.run({ kind: 'clock', owner: `clock/${record.commandId}`, detail: to }, () =>
          sandbox.clock.set(to),
        ),
      );
      record.outcome = 'ok';
    } else {
      const result = await sandbox.dispatch(command, { commandId: record.commandId, actor: record.actor });
      // Lost ack: the caller cannot know whether a rejection is true (Jepsen's `info`).
      record.outcome = result.kind === 'accepted' ? 'ok' : lostAcks.has(record.commandId) ? 'info' : 'fail';
      if (result.kind === 'accepted') record.eventIds = result.events.map((e) => e.id);
      else record.errorCode = result.error.code;
    }
    record.completeStep = inner.trace.length;
  };
  const actors = [...new Set(race.operations.map((o) => o.actor))];
  const sessions = actors.map(async (actor) => {
    for (const record of records.filter((r) => r.actor === actor)) await perform(record);
  });

  let livelock: RaceOutcome['livelock'] = null;
  try {
    await Promise.all(sessions);
    await sandbox.settle();
  } catch (error) {
    if (!(error instanceof LivelockError)) throw error;
    livelock = { steps: error.steps };
  }

  const commandRecords = await store.readCommands();
  options.onCommandRecords?.(commandRecords);
  const commands = commandRecords.map((c) => ({
    commandId: c.commandId,
    type: c.type,
    actor: c.actor,
    outcome:
      c.outcome.kind === 'accepted'
        ? { kind: 'accepted' as const, eventIds: c.outcome.eventIds }
        : { kind: 'rejected' as const, code: c.outcome.code },
  }));
  const outcome: RaceOutcome = {
    log: await store.readAll(),
    setupHead,
    operations: records,
    commands,
    appends: observer.appends,
    appendSteps: observer.appendSteps,
    stepFindings: observer.findings,
    projections: sandbox.projections().map((p) => ({
      name: p.name,
      checkpoint: p.checkpoint,
      state: structuredClone(sandbox.projectionState(p.name)),
    })),
    sagas: sandbox.sagas().map((s) => ({ name: s.name, checkpoint: s.checkpoint })),
    failures: sandbox.failures(),
    trace: [...inner.trace],
    contextSwitches: inner.contextSwitches,
    choicesUsed: inner.choicesUsed,
    livelock,
  };
  sandbox.close();
  store.close();
  return outcome;
}

/** Replays a counterexample file on the real runtime: same race, same choices, same path. */
export function replayRace(counterexample: Counterexample, options: RaceRunOptions = {}) {
  return replayCounterexample(counterexample, (race, observe) => runRace(race, { ...observe, ...options }));
}
