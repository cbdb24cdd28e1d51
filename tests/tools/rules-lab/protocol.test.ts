import { describe, expect, it } from 'vitest';
import { PROTOCOL_LIMITS, readJobResult, readSandboxMessage } from '../../../src/tools/rules-lab/protocol.ts';

const diagnostic = {
  from: 0,
  to: 1,
  line: 1,
  column: 1,
  severity: 'error',
  source: 'syntax',
  message: 'Nope.',
};

describe('the sandbox protocol', () => {
  it('reads the messages it defines, with the worker they are from', () => {
    const ready = { lane: 'main', message: { type: 'ready', bootMs: 12 } };
    expect(readSandboxMessage(ready)).toEqual(ready);
    const running = { lane: 'types', message: { type: 'running', id: 3 } };
    expect(readSandboxMessage(running)).toEqual(running);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'done'],
    ['a message without its worker', { type: 'running', id: 1 }],
    ['a message from an unknown worker', { lane: 'eval', message: { type: 'running', id: 1 } }],
    ['an unknown type', { lane: 'main', message: { type: 'eval', code: 'alert(1)' } }],
    ['a job id that is not a whole number', { lane: 'main', message: { type: 'running', id: 1.5 } }],
    [
      'an oversized crash message',
      { lane: 'main', message: { type: 'crashed', message: 'x'.repeat(PROTOCOL_LIMITS.maxText + 1) } },
    ],
  ])('drops %s', (_, data) => {
    expect(readSandboxMessage(data)).toBeNull();
  });

  it('reads a build result of the right shape', () => {
    const result = {
      kind: 'compileErrors',
      diagnostics: [diagnostic],
      timings: { compileMs: 1, evaluateMs: 0 },
    };
    expect(readJobResult('build', result)).toEqual(result);
  });

  it.each([
    ['a result of another job', { diagnostics: [], checkMs: 3 }],
    [
      'a diagnostic of an unknown source',
      {
        kind: 'compileErrors',
        diagnostics: [{ ...diagnostic, source: 'dom' }],
        timings: { compileMs: 1, evaluateMs: 0 },
      },
    ],
    [
      'too many diagnostics',
      {
        kind: 'compileErrors',
        diagnostics: Array.from({ length: PROTOCOL_LIMITS.maxDiagnostics + 1 }, () => diagnostic),
        timings: { compileMs: 1, evaluateMs: 0 },
      },
    ],
  ])('refuses %s as a build result', (_, data) => {
    expect(readJobResult('build', data)).toBeNull();
  });
});
