import { createContext } from 'svelte';
import type { WalkthroughPlayerState } from './walkthroughPlayer.svelte.ts';

/**
 * The Scenarios tab hands its walkthrough player to the library list (rendered inside the builder), so a
 * walkthrough chosen in the library plays there. Without one, the library lists the Given/When/Then scenarios only.
 */
export const [walkthroughPlayerOf, provideWalkthroughPlayer, hasWalkthroughPlayer] =
  createContext<WalkthroughPlayerState>();
