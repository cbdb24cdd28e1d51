import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { playbackMachine } from '../../../../src/ui/tools/timeline/playbackMachine.ts';

const start = (head = 10) => createActor(playbackMachine, { input: { head, speed: 10 } }).start();
const at = (actor: ReturnType<typeof start>) => [
  actor.getSnapshot().value,
  actor.getSnapshot().context.position,
];

describe('playback', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('follows the head while live', () => {
    const actor = start();
    actor.send({ type: 'playback.head', head: 12 });
    expect(at(actor)).toEqual(['live', 12]);
  });

  it('steps back into the past and forward to live again', () => {
    const actor = start();
    actor.send({ type: 'playback.step', delta: -1 });
    expect(at(actor)).toEqual(['paused', 9]);
    actor.send({ type: 'playback.head', head: 15 });
    expect(at(actor)).toEqual(['paused', 9]);
    actor.send({ type: 'playback.step', delta: 6 });
    expect(at(actor)).toEqual(['live', 15]);
  });

  it('never leaves 0…head when scrubbing or stepping', () => {
    const actor = start();
    actor.send({ type: 'playback.scrubTo', position: -5 });
    expect(at(actor)).toEqual(['paused', 0]);
    actor.send({ type: 'playback.step', delta: -1 });
    expect(at(actor)).toEqual(['paused', 0]);
    actor.send({ type: 'playback.scrubTo', position: 99 });
    expect(at(actor)).toEqual(['live', 10]);
  });

  it('plays one event per tick at its speed, then turns live at the head', () => {
    const actor = start();
    actor.send({ type: 'playback.scrubTo', position: 7 });
    actor.send({ type: 'playback.play' });
    vi.advanceTimersByTime(100);
    expect(at(actor)).toEqual(['playing', 8]);
    actor.send({ type: 'playback.setSpeed', speed: 20 }); // from the next tick on
    vi.advanceTimersByTime(100);
    expect(at(actor)).toEqual(['playing', 9]);
    vi.advanceTimersByTime(50);
    expect(at(actor)).toEqual(['live', 10]);
  });

  it('pauses where it is, and goes back to live on request', () => {
    const actor = start();
    actor.send({ type: 'playback.home' });
    actor.send({ type: 'playback.play' });
    vi.advanceTimersByTime(300);
    actor.send({ type: 'playback.pause' });
    expect(at(actor)).toEqual(['paused', 3]);
    vi.advanceTimersByTime(1000);
    expect(at(actor)).toEqual(['paused', 3]);
    actor.send({ type: 'playback.live' });
    expect(at(actor)).toEqual(['live', 10]);
  });
});
