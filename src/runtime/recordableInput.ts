/**
 * What the command log keeps of a command that was refused before it could be typed: only what the log format can
 * hold and export again (a type that is an identifier, data that is plain bounded JSON), so a backup always restores.
 */
const TYPE = /^[^\p{C}\p{Z}\s]{1,128}$/u;
const MAX_DATA_CHARS = 20_000;

/** Pure: the command's type and data as they can be recorded, whatever `input` is (cyclic, BigInt, getters…). */
export function recordableInput(input: unknown): { type: string; data: unknown } {
  const raw = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  let type: unknown;
  let data: unknown;
  try {
    type = raw.type;
    data = raw.data;
  } catch {
    return { type: '(unreadable)', data: null };
  }
  return {
    type: typeof type === 'string' && TYPE.test(type) ? type : '(invalid type)',
    data: recordableData(data),
  };
}

function recordableData(data: unknown): unknown {
  if (data === undefined) return null;
  try {
    const text = JSON.stringify(data);
    if (text === undefined) return null;
    if (text.length > MAX_DATA_CHARS)
      return { omitted: `the data was ${text.length} characters long (at most ${MAX_DATA_CHARS} are kept)` };
    return JSON.parse(text, (key, value) => (key === '__proto__' ? undefined : value));
  } catch (error) {
    return {
      omitted: `the data could not be kept: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
