/** The todo domain's events: what happened, each one's data schema the single source of its type (`z.infer`). */
import { dateRule, emailRule, idRule, longTextRule, textRule, z } from '../../index.ts';
import type { DomainEvent, MessageDefinition } from '../../index.ts';

const todoAdded = z.object({
  todoId: idRule,
  title: textRule,
  description: longTextRule,
  dueDate: dateRule.nullable(),
  stakeholderEmail: emailRule.nullable(),
});

/** Only the fields that changed: a field left out kept its value. */
const todoAmended = z.object({
  todoId: idRule,
  title: textRule.optional(),
  description: longTextRule.optional(),
  dueDate: dateRule.nullable().optional(),
  stakeholderEmail: emailRule.nullable().optional(),
});

const todoCompleted = z.object({ todoId: idRule, completedOn: dateRule });
const todoAbandoned = z.object({ todoId: idRule, abandonedOn: dateRule });

/** Why `causationEventId`: it is how the stakeholder's stream remembers which completions it has told. */
const stakeholderNotified = z.object({
  todoId: idRule,
  stakeholderEmail: emailRule,
  causationEventId: idRule,
});

/** Every event: its data schema and what it means, as `defineDomain` takes them. */
export const todoEvents = {
  TodoAdded: { schema: todoAdded, description: 'A todo was added.' },
  TodoAmended: { schema: todoAmended, description: "Some of a todo's fields changed." },
  TodoCompleted: { schema: todoCompleted, description: 'A todo was done.' },
  TodoAbandoned: { schema: todoAbandoned, description: 'A todo was given up.' },
  StakeholderNotifiedOfTodoCompletion: {
    schema: stakeholderNotified,
    description: "A todo's stakeholder was emailed that it is done.",
  },
} satisfies Record<string, MessageDefinition>;

type Catalog = typeof todoEvents;

/** Any event of the todo domain, typed from its schema. */
export type TodoEvent = {
  [T in keyof Catalog]: DomainEvent<T, z.infer<Catalog[T]['schema']>>;
}[keyof Catalog];

export type TodoAdded = Extract<TodoEvent, { type: 'TodoAdded' }>;
export type TodoAmended = Extract<TodoEvent, { type: 'TodoAmended' }>;
export type TodoCompleted = Extract<TodoEvent, { type: 'TodoCompleted' }>;
export type TodoAbandoned = Extract<TodoEvent, { type: 'TodoAbandoned' }>;
export type StakeholderNotifiedOfTodoCompletion = Extract<
  TodoEvent,
  { type: 'StakeholderNotifiedOfTodoCompletion' }
>;

/** Pure: an event of this domain's log, typed (a log holds only events that passed these schemas). */
export const asTodoEvent = (event: DomainEvent): TodoEvent => event as TodoEvent;
