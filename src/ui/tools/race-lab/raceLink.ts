import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { z } from 'zod';
import type { Counterexample } from '../../../tools/race-lab/model/lab.ts';
import { everyProperty, raceProperties } from '../../../tools/race-lab/model/properties.ts';

const PREFIX = 'race=';
const propertyNames = [...raceProperties, everyProperty].map((p) => p.name);

const slot = { patientId: z.string(), dayId: z.string(), time: z.string() };
const intent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('book'), ...slot }),
  z.object({ kind: z.literal('bookDouble'), ...slot }),
  z.object({ kind: z.literal('cancelBooking'), ...slot }),
  z.object({ kind: z.literal('cancelDay'), dayId: z.string() }),
  z.object({ kind: z.literal('moveClock'), to: z.string() }),
]);
const count = z.number().int().nonnegative();

const counterexampleSchema = z.object({
  format: z.literal('eventscope.race-counterexample'),
  formatVersion: z.literal(1),
  property: z.string().refine((name) => propertyNames.includes(name), 'is not a property of this race lab'),
  title: z.string(),
  race: z.object({
    seed: z.number().optional(),
    setup: z.object({
      now: z.string(),
      doctors: z.array(z.object({ doctorId: z.string(), name: z.string() })),
      patients: z.array(z.object({ patientId: z.string(), name: z.string() })),
      days: z.array(z.object({ doctorId: z.string(), date: z.string(), times: z.array(z.string()) })),
    }),
    operations: z.array(z.object({ actor: z.string(), intent })).max(200),
    choices: z.array(count).max(2_000),
    faults: z.object({
      duplicateDelivery: z.array(count),
      deliveryBatchSize: z.number().int().min(1).max(3),
      lostAcks: z.array(count),
    }),
    bugs: z.object({
      skipVersionCheck: z.boolean(),
      splitAppends: z.boolean(),
      nonIdempotentProjections: z.boolean(),
      staleSagaReads: z.boolean(),
    }),
    monthlyLimit: z.number().int().min(1),
  }),
  choices: z.array(count).max(2_000),
  seed: z.number().int(),
  path: z.string(),
  trace: z.array(
    z.object({
      step: count,
      owner: z.string(),
      kind: z.string(),
      detail: z.string().optional(),
      isContextSwitch: z.boolean(),
    }),
  ),
  violations: z.array(
    z.object({
      property: z.string(),
      invariant: z.string(),
      message: z.string(),
      positions: z.array(count),
      step: count.nullable(),
    }),
  ),
  story: z.array(z.string()),
  size: z.object({
    operations: count,
    actors: count,
    nonZeroChoices: count,
    contextSwitches: count.nullable(),
    steps: count.nullable(),
  }),
  runsToFailure: count,
  shrinkSteps: count,
  minimizeSteps: count,
  minimizeRuns: count,
});

export type DecodedLink =
  { kind: 'none' } | { kind: 'ok'; counterexample: Counterexample } | { kind: 'invalid'; message: string };

/** Pure: the URL hash (without `#`) that carries a counterexample, compressed and URL-safe. */
export function encodeRaceLink(counterexample: Counterexample): string {
  return PREFIX + compressToEncodedURIComponent(JSON.stringify(counterexample));
}

/** Pure: a shareable address for the counterexample on the page at `base` (its hash replaced). */
export function raceLinkUrl(counterexample: Counterexample, base: string): string {
  return `${base.split('#')[0]}#${encodeRaceLink(counterexample)}`;
}

/** Pure: reads `#race=…`; a damaged link yields a sentence saying what is wrong, never a partial race. */
export function decodeRaceLink(hash: string): DecodedLink {
  const fragment = hash.replace(/^#\/?/, '');
  if (!fragment.startsWith(PREFIX)) return { kind: 'none' };
  const packed = fragment.slice(PREFIX.length);
  if (packed === '') return { kind: 'invalid', message: 'The link has no counterexample after “#race=”.' };
  const text = decompressFromEncodedURIComponent(packed);
  if (!text)
    return { kind: 'invalid', message: 'The link is damaged or cut short: its data does not decompress.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      kind: 'invalid',
      message: 'The link is damaged or cut short: its data is not a complete JSON document.',
    };
  }
  const parsed = counterexampleSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the document';
    return {
      kind: 'invalid',
      message: `The link does not hold a race counterexample: ${where} ${issue.message.toLowerCase()}.`,
    };
  }
  return { kind: 'ok', counterexample: parsed.data as Counterexample };
}
