/** Who and what caused an event: the envelope's metadata (DESIGN.md decision 3). */
export interface EventMetadata {
  commandId: string;
  correlationId: string;
  /** The id of the event that triggered the command (saga reactions), or the command's id for user commands. */
  causationId: string;
  occurredAt: string;
  actor?: string;
}

/** An event about to be appended: the store assigns `position` and `version`. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/** An event as stored: global position (gapless from 1) and per-stream version (contiguous from 1). */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  position: number;
  streamId: string;
  version: number;
}

/** A domain event before it gets an envelope: what `decide` returns. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}
