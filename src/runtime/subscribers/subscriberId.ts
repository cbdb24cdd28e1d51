/** The one home of subscriber ids: `projection:<name>` and `saga:<name>`, as checkpoints and timeline lanes name them. */
export type SubscriberKind = 'projection' | 'saga';

/** Pure: the id of a projection's or saga's subscriber. */
export const subscriberId = (kind: SubscriberKind, name: string): string => `${kind}:${name}`;

/** Pure: the kind and name of a subscriber id, or null when it is not one. */
export function parseSubscriberId(id: string): { kind: SubscriberKind; name: string } | null {
  const match = /^(projection|saga):(.+)$/.exec(id);
  return match ? { kind: match[1] as SubscriberKind, name: match[2] } : null;
}

/** The checkpoint id under which a live runtime keeps its virtual clock. */
export const CLOCK_CHECKPOINT_ID = '$clock';
