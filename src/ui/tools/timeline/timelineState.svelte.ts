import { createActor } from 'xstate';
import { checkpointAt } from '../../../runtime/progressHistory.ts';
import type { DomainModule } from '../../../core/domain/domainModule.ts';
import { resolveDomain } from '../../../domains/index.ts';
import { TimeTravel, queriesAt, sagaInstancesOf } from '../../../tools/time-travel/timeTravel.ts';
import type { AppState, SagaView } from '../../shell/appState.svelte.ts';
import { playbackMachine, type PlaybackEvent } from './playbackMachine.ts';

export type PlaybackMode = 'live' | 'paused' | 'playing';

/** The default domain, under the app's monthly limit when the domain has that setting. */
function defaultDomainOf(app: AppState): DomainModule {
  const domain = resolveDomain(undefined);
  return Object.hasOwn(domain.settings, 'monthlyLimit')
    ? domain.configure({ monthlyLimit: app.monthlyLimit })
    : domain;
}

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
  readonly #domainOf: () => DomainModule;
  /** The domain (under its settings) the time travel folds with: a new one when the app's changes. */
  #domain: DomainModule;
  #travel: TimeTravel;
  #actor;

  /**
   * `domain` gives the app's domain under the settings its log is recorded with (read again as it changes); by
   * default, the default domain under the app's monthly limit, for the callers that predate domains.
   */
  constructor(app: AppState, domain: () => DomainModule = () => defaultDomainOf(app)) {
    this.#app = app;
    this.#domainOf = domain;
    this.#domain = domain();
    this.#travel = new TimeTravel(this.#domain.context);
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

  /** The domain the time travel folds with (under the log's settings). */
  get domain(): DomainModule {
    return this.#domainOf();
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
    const domain = this.#domainOf();
    if (domain !== this.#domain) {
      this.#domain = domain;
      this.#travel = new TimeTravel(domain.context);
    }
    this.#travel.sync(app.events);
    const view = this.#travel.at(this.position);
    app.past = {
      position: view.position,
      head: app.head,
      query: queriesAt(domain, view, () => app.now),
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
        instances: sagaInstancesOf(
          this.#domain,
          saga.name,
          past.sagaState(saga.name),
        ) as SagaView['instances'],
        reactions: saga.reactions.filter(
          (r) => r.outcome.kind === 'accepted' && (r.outcome.firstPosition ?? Infinity) <= past.position,
        ),
      };
    });
  }
}
