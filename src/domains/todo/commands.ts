/**
 * The todo domain's commands: each one's data schema is the single source of its type (`z.infer`), and the
 * generic validation turns a schema's first problem into an `InvalidCommand`.
 */
import { dateRule, emailRule, idRule, longTextRule, textRule, z } from '../../index.ts';
import type { Command, MessageDefinition } from '../../index.ts';

/** The fields an amendment may change, in this order (a `null` due date or stakeholder email clears it). */
export const amendableFields = ['title', 'description', 'dueDate', 'stakeholderEmail'] as const;
export type AmendableField = (typeof amendableFields)[number];

const addTodo = z.object({
  todoId: idRule,
  title: textRule,
  description: longTextRule.optional(),
  dueDate: dateRule.optional(),
  stakeholderEmail: emailRule.optional(),
});

const amendTodo = z
  .object({
    todoId: idRule,
    title: textRule.optional(),
    description: longTextRule.optional(),
    dueDate: dateRule.nullable().optional(),
    stakeholderEmail: emailRule.nullable().optional(),
  })
  .refine((data) => amendableFields.some((field) => data[field] !== undefined), {
    error: 'must change at least one of title, description, dueDate or stakeholderEmail',
  });

const completeTodo = z.object({ todoId: idRule, completedOn: dateRule });
const abandonTodo = z.object({ todoId: idRule, abandonedOn: dateRule });

const notifyStakeholder = z.object({
  todoId: idRule,
  stakeholderEmail: emailRule,
  /** The completion this notification answers: a second one for it changes nothing. */
  causationEventId: idRule,
});

/** Every command: its data schema and what it does, as `defineDomain` takes them. */
export const todoCommands = {
  AddTodo: {
    schema: addTodo,
    description:
      'Adds a todo with a title, and maybe a description, a due date and a stakeholder to tell when it is done.',
  },
  AmendTodo: {
    schema: amendTodo,
    description: 'Changes the title, description, due date or stakeholder of an outstanding todo.',
  },
  CompleteTodo: { schema: completeTodo, description: 'Marks an outstanding todo as done on a date.' },
  AbandonTodo: { schema: abandonTodo, description: 'Gives up an outstanding todo on a date.' },
  NotifyStakeholder: {
    schema: notifyStakeholder,
    description: "Emails a todo's stakeholder that it is done, once per completion.",
  },
} satisfies Record<string, MessageDefinition>;

type Catalog = typeof todoCommands;

/** Any command of the todo domain, typed from its schema. */
export type TodoCommand = { [T in keyof Catalog]: Command<T, z.infer<Catalog[T]['schema']>> }[keyof Catalog];

export type AddTodo = Extract<TodoCommand, { type: 'AddTodo' }>;
export type AmendTodo = Extract<TodoCommand, { type: 'AmendTodo' }>;
export type CompleteTodo = Extract<TodoCommand, { type: 'CompleteTodo' }>;
export type AbandonTodo = Extract<TodoCommand, { type: 'AbandonTodo' }>;
export type NotifyStakeholder = Extract<TodoCommand, { type: 'NotifyStakeholder' }>;
