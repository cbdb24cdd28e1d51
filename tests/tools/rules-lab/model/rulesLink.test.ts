import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { exerciseDocument } from '../../../../src/tools/rules-lab/exercises/index.ts';
import {
  decodeRulesLink,
  encodeRulesLink,
  MAX_RULES_LINK_LENGTH,
  rulesLinkUrl,
} from '../../../../src/tools/rules-lab/model/rulesLink.ts';
import { toRulesFile } from '../../../../src/tools/rules-lab/model/rulesDocument.ts';
import librarySource from '../fixtures/library.rules.txt?raw';

const document = exerciseDocument('todo');

describe('a rules link', () => {
  it('carries the rules and opens them again', () => {
    const link = rulesLinkUrl(document, 'https://eventscope.example/app/#scenario=x');
    if (link.kind !== 'ok') throw new Error(link.message);
    expect(link.url).toBe(`https://eventscope.example/app/#${encodeRulesLink(document)}`);
    expect(encodeRulesLink(document).startsWith('rules=')).toBe(true);
    expect(decodeRulesLink(new URL(link.url).hash)).toEqual({ kind: 'ok', document });
  });

  it('fits a 300-line domain', () => {
    const link = rulesLinkUrl(
      { domain: 'library', exercise: null, source: librarySource },
      'https://e.example/',
    );
    expect(link.kind).toBe('ok');
  });

  it('is refused when too long, with the advice to share a file', () => {
    let state = 7;
    const noise = Array.from({ length: 60_000 }, () =>
      String.fromCharCode(33 + ((state = (state * 48271) % 2147483647) % 90)),
    ).join('');
    const link = rulesLinkUrl({ ...document, source: noise }, 'https://e.example/');
    expect(link).toEqual({
      kind: 'tooLong',
      message: expect.stringContaining('share them as a file instead'),
    });
  });

  it('ignores a hash that is not a rules link', () => {
    expect(decodeRulesLink('#scenario=abc')).toEqual({ kind: 'none' });
  });

  it.each([
    ['#rules=', 'This rules link cannot be opened: it has nothing after “#rules=”.'],
    [
      '#rules=%%%not-lz',
      'This rules link cannot be opened: it is damaged or cut short (its data does not decompress).',
    ],
    [
      `#rules=${compressToEncodedURIComponent('{"format": "eventscope.ru')}`,
      'This rules link cannot be opened: it is damaged or cut short (its data is not a complete JSON document).',
    ],
    [
      `#rules=${compressToEncodedURIComponent(JSON.stringify({ ...toRulesFile(document), formatVersion: 9 }))}`,
      'This rules link cannot be opened: it does not hold valid rules (formatVersion must be 1 (this version of Eventscope reads no other)).',
    ],
    [
      `#rules=${'A'.repeat(MAX_RULES_LINK_LENGTH + 1)}`,
      `This rules link cannot be opened: it is ${MAX_RULES_LINK_LENGTH + 1} characters long, more than a rules link may be.`,
    ],
  ])('says what is wrong with a damaged link (%#)', (hash, message) => {
    expect(decodeRulesLink(hash)).toEqual({ kind: 'invalid', message });
  });
});
