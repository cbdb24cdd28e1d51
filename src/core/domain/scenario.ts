/** A Given/When/Then scenario as data: what a domain ships as built-in scenarios and what scenario files hold. */

/** A command or event as plain data: a type and its data. */
export interface Message {
  type: string;
  data: Record<string, unknown>;
}

/** One past fact of a scenario: an event that happened, or a command whose events happened. */
export type GivenItem = { kind: 'event'; event: Message } | { kind: 'command'; command: Message };

/** An expected read-model answer: the query (by its name in the domain's catalog), its arguments, the answer. */
export interface ExpectedRows {
  query: string;
  args: string[];
  expected: unknown;
}

/** A Given/When/Then scenario a product owner can read, run, save and share. */
export interface ScenarioSpec {
  id: string;
  title: string;
  tags: string[];
  description?: string;
  /** The virtual clock the decisions see, `YYYY-MM-DDTHH:MM`. */
  now: string;
  /** The domain's settings for this scenario (e.g. scheduling's `monthlyLimit`); the domain's defaults when absent. */
  settings?: Record<string, unknown>;
  given: GivenItem[];
  when: Message;
  then: { events: Message[] } | { rejection: string };
  thenRows?: ExpectedRows[];
}
