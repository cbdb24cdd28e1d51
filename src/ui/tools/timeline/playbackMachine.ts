import { assign, setup } from 'xstate';

export interface PlaybackContext {
  /** The position viewed; equals `head` while live. */
  position: number;
  head: number;
  /** Events per second while playing. */
  speed: number;
}

export type PlaybackEvent =
  | { type: 'playback.step'; delta: number }
  | { type: 'playback.play' }
  | { type: 'playback.pause' }
  | { type: 'playback.scrubTo'; position: number }
  | { type: 'playback.home' }
  | { type: 'playback.live' }
  | { type: 'playback.setSpeed'; speed: number }
  | { type: 'playback.head'; head: number };

const clamp = (position: number, head: number) => Math.max(0, Math.min(head, Math.round(position)));

/**
 * Playback through the log: `live` follows the head; `paused` holds a past position; `playing` steps one event
 * per tick and turns live on reaching the head. Pure transitions; the tick is a delayed transition.
 */
export const playbackMachine = setup({
  types: {
    context: {} as PlaybackContext,
    events: {} as PlaybackEvent,
    input: {} as { head: number; speed?: number },
  },
  delays: { tick: ({ context }) => 1_000 / context.speed },
  guards: { isAtHead: ({ context }) => context.position >= context.head },
  actions: {
    step: assign({
      position: ({ context, event }) =>
        event.type === 'playback.step'
          ? clamp(context.position + event.delta, context.head)
          : context.position,
    }),
    scrub: assign({
      position: ({ context, event }) =>
        event.type === 'playback.scrubTo' ? clamp(event.position, context.head) : context.position,
    }),
    home: assign({ position: 0 }),
    followHead: assign({
      head: ({ context, event }) => (event.type === 'playback.head' ? Math.max(0, event.head) : context.head),
      position: ({ context, event }) =>
        event.type === 'playback.head' ? Math.max(0, event.head) : context.position,
    }),
    setHead: assign({
      head: ({ context, event }) => (event.type === 'playback.head' ? Math.max(0, event.head) : context.head),
      position: ({ context, event }) =>
        event.type === 'playback.head' ? clamp(context.position, Math.max(0, event.head)) : context.position,
    }),
    toHead: assign({ position: ({ context }) => context.head }),
    advance: assign({ position: ({ context }) => clamp(context.position + 1, context.head) }),
    setSpeed: assign({
      speed: ({ context, event }) =>
        event.type === 'playback.setSpeed' && event.speed > 0 ? event.speed : context.speed,
    }),
  },
}).createMachine({
  id: 'playback',
  context: ({ input }) => ({ position: input.head, head: input.head, speed: input.speed ?? 4 }),
  initial: 'live',
  on: {
    'playback.setSpeed': { actions: 'setSpeed' },
    'playback.live': { target: '.live', actions: 'toHead' },
  },
  states: {
    live: {
      on: {
        'playback.head': { actions: 'followHead' },
        'playback.step': { target: 'paused', actions: 'step' },
        'playback.scrubTo': { target: 'paused', actions: 'scrub' },
        'playback.home': { target: 'paused', actions: 'home' },
      },
    },
    paused: {
      always: { guard: 'isAtHead', target: 'live' },
      on: {
        'playback.head': { actions: 'setHead' },
        'playback.step': { actions: 'step' },
        'playback.scrubTo': { actions: 'scrub' },
        'playback.home': { actions: 'home' },
        'playback.play': { target: 'playing' },
      },
    },
    playing: {
      always: { guard: 'isAtHead', target: 'live' },
      after: { tick: { target: 'playing', reenter: true, actions: 'advance' } },
      on: {
        'playback.head': { actions: 'setHead' },
        'playback.pause': { target: 'paused' },
        'playback.step': { target: 'paused', actions: 'step' },
        'playback.scrubTo': { actions: 'scrub' },
        'playback.home': { actions: 'home' },
      },
    },
  },
});
