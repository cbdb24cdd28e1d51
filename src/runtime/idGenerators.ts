/** Makes ids for commands and events. Deterministic in the sandbox and simulations; random in the app. */
export type IdGenerator = (kind: 'cmd' | 'evt') => string;

/** `cmd-1`, `evt-1`, `evt-2`…: deterministic, for simulations and tests. */
export function sequentialIds(prefix = ''): IdGenerator {
  const counters = { cmd: 0, evt: 0 };
  return (kind) => `${prefix}${kind}-${++counters[kind]}`;
}

/** Random UUIDs: unique across tabs and reloads sharing one IndexedDB store. */
export const randomIds: IdGenerator = (kind) => `${kind}-${crypto.randomUUID()}`;
