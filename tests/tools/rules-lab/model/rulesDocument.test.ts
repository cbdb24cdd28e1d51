import { describe, expect, it } from 'vitest';
import {
  domainNamed,
  parseRulesFile,
  readRulesText,
  RULES_LIMITS,
  rulesFileName,
  toRulesFile,
  type RulesDocument,
} from '../../../../src/tools/rules-lab/model/rulesDocument.ts';
import { exerciseDocument } from '../../../../src/tools/rules-lab/exercises/index.ts';

const document: RulesDocument = exerciseDocument('todo');

describe('a rules document', () => {
  it('reads back the file it writes', () => {
    const file = JSON.parse(JSON.stringify(toRulesFile(document)));
    expect(file).toMatchObject({
      format: 'eventscope.rules',
      formatVersion: 1,
      domain: 'todo',
      exercise: 'todo',
    });
    expect(parseRulesFile(file)).toEqual({ kind: 'ok', document });
    expect(rulesFileName(document)).toBe('todo.rules.json');
  });

  it.each([
    [
      { ...toRulesFile(document), formatVersion: 2 },
      'formatVersion must be 1 (this version of Eventscope reads no other)',
    ],
    [{ ...toRulesFile(document), format: 'eventscope.scenario' }, 'format must be "eventscope.rules"'],
    [{ ...toRulesFile(document), domain: 'To Do' }, 'domain must be a lower-case id like "todo"'],
    [{ ...toRulesFile(document), source: 42 }, 'source must be a text'],
    [
      { ...toRulesFile(document), source: 'x'.repeat(RULES_LIMITS.maxSourceLength + 1) },
      'source must be at most 100000 characters',
    ],
  ])('refuses a damaged file, naming the bad part (%#)', (file, message) => {
    expect(parseRulesFile(file)).toEqual({ kind: 'invalid', message });
  });

  it('opens a .ts file someone brings as rules, naming the domain its source names', () => {
    const source = "export default defineDomain({ name: 'shop', title: 'Shop' });";
    expect(readRulesText(source, 'shop.ts')).toEqual({
      kind: 'ok',
      document: { domain: 'shop', exercise: null, source },
    });
  });

  it('opens pasted source that is not JSON as rules too, and a rules file as one', () => {
    expect(readRulesText('const x = 1;')).toEqual({
      kind: 'ok',
      document: { domain: 'custom', exercise: null, source: 'const x = 1;' },
    });
    expect(readRulesText(JSON.stringify(toRulesFile(document)), 'todo.rules.json')).toEqual({
      kind: 'ok',
      document,
    });
  });

  it('refuses a JSON object that is not a rules file, and rules too long to hold', () => {
    expect(readRulesText('{"format":"eventscope.scenario"}')).toEqual({
      kind: 'invalid',
      message: 'This is not a rules file Eventscope can open: format must be "eventscope.rules".',
    });
    expect(readRulesText('x'.repeat(RULES_LIMITS.maxSourceLength + 1), 'big.ts')).toEqual({
      kind: 'invalid',
      message: 'The rules are 100001 characters long; at most 100000 fit in the Rules lab.',
    });
  });

  it('finds the domain a source names, or calls it custom', () => {
    expect(domainNamed('defineDomain({\n  name: "library",\n')).toBe('library');
    expect(domainNamed('const name = 1;')).toBe('custom');
  });
});
