/** The way back from an event to its form: the typed-in values that stand for its data, to edit it there. */
import type { FieldSpec } from './commandForms.ts';
import { buildEvents, eventFormSpecs } from './eventForms.ts';

const isPeriod = (value: unknown): value is { from: string; to: string } =>
  typeof value === 'object' && value !== null && 'from' in value && 'to' in value;

const valueOf = (f: FieldSpec, data: Record<string, unknown>): string => {
  // Why startTime: the slots field of an event form stands for one SlotScheduled event per start time.
  const value = f.kind === 'slots' ? data.startTime : data[f.name];
  if (f.kind === 'workingHours' && Array.isArray(value) && value.every(isPeriod))
    return value.map((period) => `${period.from}-${period.to}`).join(', ');
  return typeof value === 'string' ? value : '';
};

/** Pure: JSON with the keys of every object sorted, so two data that differ only in key order read the same. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, inner: unknown) =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );

/** Pure: whether two events' data are the same, whatever the order of their keys. */
export const isSameData = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/**
 * Pure: the values of `event`'s form that build exactly this event again; null when its form cannot say it all
 * (no form for its type, or data the form would derive differently, such as a slot id of one's own).
 */
export function eventFormValues(event: { type: string; data: unknown }): Record<string, string> | null {
  const spec = eventFormSpecs.find((each) => each.type === event.type);
  if (!spec) return null;
  const data = (event.data ?? {}) as Record<string, unknown>;
  const values = Object.fromEntries(spec.fields.map((f) => [f.name, valueOf(f, data)]));
  const built = buildEvents(spec, values);
  return built.kind === 'valid' && built.events.length === 1 && isSameData(built.events[0].data, event.data)
    ? values
    : null;
}
