import type { SchedulingCommand, SchedulingCommandType } from './commands.ts';
import { commandDataSchemas, schedulingCommandTypes } from './commands.ts';
import type { SchedulingError } from './errors.ts';
import { invalidCommand } from './errors.ts';
import { fieldProblem } from './eventSchemas.ts';

export { commandDataSchemas };

const isCommandType = (value: unknown): value is SchedulingCommandType =>
  typeof value === 'string' && (schedulingCommandTypes as readonly string[]).includes(value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Pure: a typed scheduling command, or `InvalidCommand` naming the first bad field. */
export function validateCommand(
  input: unknown,
): { kind: 'valid'; command: SchedulingCommand } | { kind: 'invalid'; error: SchedulingError } {
  if (!isRecord(input))
    return { kind: 'invalid', error: invalidCommand('Command', 'command', 'must be an object') };
  const { type } = input;
  if (!isCommandType(type)) {
    const problem = `must be one of ${schedulingCommandTypes.join(', ')} (got ${JSON.stringify(type) ?? 'nothing'})`;
    return { kind: 'invalid', error: invalidCommand('Command', 'type', problem) };
  }
  if (!isRecord(input.data))
    return { kind: 'invalid', error: invalidCommand(type, 'data', 'must be an object') };
  const parsed = commandDataSchemas[type].safeParse(input.data);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field = ['data', ...issue.path.map(String)].join('.');
    return { kind: 'invalid', error: invalidCommand(type, field, fieldProblem(input.data, issue)) };
  }
  return { kind: 'valid', command: { type, data: parsed.data } as SchedulingCommand };
}
