import type { z } from 'zod';
import type { MessageDefinition } from '../kit/index.ts';

/** Pure: each message type's schema with its description, as `defineDomain` takes them. */
export function messageDefinitions<K extends string>(
  schemas: Record<K, z.ZodType>,
  descriptions: Record<K, string>,
): Record<K, MessageDefinition> {
  const definitions = {} as Record<K, MessageDefinition>;
  for (const type of Object.keys(schemas) as K[])
    definitions[type] = { schema: schemas[type], description: descriptions[type] };
  return definitions;
}
