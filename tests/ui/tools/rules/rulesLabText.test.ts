import { describe, expect, it } from 'vitest';
import { buildSentence, definesSentence, listed } from '../../../../src/ui/tools/rules/rulesLab.svelte.ts';
import { toEditorDiagnostics } from '../../../../src/ui/tools/rules/rulesCodeEditor.ts';
import type { DomainSummary, RulesDiagnostic } from '../../../../src/tools/rules-lab/protocol.ts';

const domain: DomainSummary = {
  name: 'library',
  title: 'Lending library',
  summary: '',
  commands: [{ type: 'LendBook', description: '' }],
  events: [
    { type: 'BookLent', description: '' },
    { type: 'BookReturned', description: '' },
  ],
  projections: ['loans', 'catalogue'],
  sagas: ['overdueReminders'],
  queries: [],
  invariants: [],
  scenarios: 0,
  walkthroughs: 0,
  hasRace: false,
};
const timings = { compileMs: 1, evaluateMs: 1 };

describe('what the Rules lab says', () => {
  it('lists names as a person would', () => {
    expect(listed([])).toBe('');
    expect(listed(['A'])).toBe('A');
    expect(listed(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('says what a domain is made of, in one sentence', () => {
    expect(definesSentence(domain)).toBe(
      'Your module defines domain library (Lending library) with command LendBook, events BookLent and BookReturned, projections loans and catalogue and saga overdueReminders.',
    );
  });

  it('says how each build ended', () => {
    const problem: RulesDiagnostic = {
      from: 0,
      to: 1,
      line: 1,
      column: 1,
      severity: 'error',
      source: 'syntax',
      message: 'x',
    };
    expect(
      buildSentence({
        kind: 'done',
        result: { kind: 'compileErrors', diagnostics: [problem, problem], timings },
      }),
    ).toBe('Your rules do not compile: 2 problems, nothing was run.');
    expect(
      buildSentence({
        kind: 'done',
        result: { kind: 'definitionErrors', domain: 'todo', diagnostics: [problem], timings },
      }),
    ).toBe('defineDomain refused domain todo: 1 problem.');
    expect(
      buildSentence({
        kind: 'done',
        result: { kind: 'thrown', message: 'Error: boom', diagnostics: [], timings },
      }),
    ).toBe('Running your module threw Error: boom');
    expect(
      buildSentence({ kind: 'stopped', message: 'Stopped: it ran longer than 3 s (an endless loop?).' }),
    ).toBe('Stopped: it ran longer than 3 s (an endless loop?).');
  });

  it('clamps diagnostics of an older, longer text to the editor’s document', () => {
    const problem: RulesDiagnostic = {
      from: 90,
      to: 120,
      line: 9,
      column: 1,
      severity: 'error',
      source: 'types',
      message: 'Late.',
    };
    expect(toEditorDiagnostics([problem], 100)).toEqual([
      { from: 90, to: 100, severity: 'error', source: 'types', message: 'Late.' },
    ]);
    expect(toEditorDiagnostics([problem], 50)).toEqual([
      { from: 50, to: 50, severity: 'error', source: 'types', message: 'Late.' },
    ]);
  });
});
