import { createContext } from 'svelte';
import type { TeachingPlayerState } from './teachingPlayer.svelte.ts';

/**
 * The Scenarios tab hands its teaching player to the library list (rendered inside the builder), so a teaching
 * scenario chosen in the library plays there. Without one, the library lists the Given/When/Then scenarios only.
 */
export const [teachingPlayerOf, provideTeachingPlayer, hasTeachingPlayer] =
  createContext<TeachingPlayerState>();
