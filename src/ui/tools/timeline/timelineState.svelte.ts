import { createActor } from 'xstate';
import { checkpointAt } from '../../../runtime/progressHistory.ts';
import { TimeTravel, queriesAt } from '../../../tools/time-travel/timeTravel.ts';
import { createScheduling, listSagaInstances } from '../../../domains/scheduling/index.ts';
import type { AppState, SagaView } from '../../shell/appState.svelte.ts';
import { playbackMachine, type PlaybackEvent } from './playbackMachine.ts';

export type PlaybackMode = 'live' | 'paused' | 'playing';

/**
 * The app's time travel: a playback machine over the log's positions; while it is not live, the app's panels
 * read the read models and sagas as of the viewed position (`app.past`). The store is never written.
 */
export class TimelineState {
  mode = $state<PlaybackMode>('live');
  position = $state(0);
  speed = $state(4);
  readonly isPast = $derived(this.mode !== 'live');
  /** The sagas panel's views, as of the viewed position while in the past. */
  readonly sagas = $derived.by(() => this.#sagasAsOf());

  #app: AppState;
  #travel: TimeTravel;
  #monthlyLimit: number;
  #actor;

  constructor(app: AppState) {
    this.#app = app;
    this.#monthlyLimit = app.monthlyLimit;
    this.#travel = new TimeTravel(createScheduling({ monthlyLimit: app.monthlyLimit }));
    this.#actor = createActor(playbackMachine, { input: { head: app.head } });
    this.#actor.subscribe((snapshot) => {
      this.mode = snapshot.value as PlaybackMode;
      this.position = snapshot.context.position;
      this.speed = snapshot.context.speed;
      this.#publish();
    });
    this.#actor.start();
  }

  /** Sends a playback event, after telling the machine where the head is now. */
  send(event: PlaybackEvent): void {
    this.#actor.send({ type: 'playback.head', head: this.#app.head });
    this.#actor.send(event);
  }

  close(): void {
    this.#actor.stop();
    this.#app.past = null;
  }

  #publish(): void {
    const app = this.#app;
    if (this.mode === 'live') {
      app.past = null;
      return;
    }
    if (app.monthlyLimit !== this.#monthlyLimit) {
      this.#monthlyLimit = app.monthlyLimit;
      this.#travel = new TimeTravel(createScheduling({ monthlyLimit: app.monthlyLimit }));
    }
    this.#travel.sync(app.events);
    const view = this.#travel.at(this.position);
    app.past = {
      position: view.position,
      head: app.head,
      query: queriesAt(view, () => app.now),
      read: view.read,
      sagaState: view.sagaState,
    };
  }

  #sagasAsOf(): SagaView[] {
    const past = this.#app.past;
    const live = this.#app.sagas;
    if (!past) return live;
    return live.map((saga) => {
      // As of the viewed position: where the saga had got when the log was there (recorded by the runtime).
      const history = this.#app.sandbox.progressHistory(`saga:${saga.name}`);
      const checkpoint =
        (history && checkpointAt(history, past.position, this.#app.head, saga.checkpoint)) ??
        Math.min(saga.checkpoint, past.position);
      return {
        ...saga,
        checkpoint,
        lag: past.position - checkpoint,
        instances: listSagaInstances(past.sagaState(saga.name)),
        reactions: saga.reactions.filter(
          (r) => r.outcome.kind === 'accepted' && (r.outcome.firstPosition ?? Infinity) <= past.position,
        ),
      };
    });
  }
}
