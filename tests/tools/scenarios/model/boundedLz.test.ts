import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressBounded } from '../../../../src/tools/scenarios/model/boundedLz.ts';
import { ALPHABET, lzBomb } from './lzBomb.ts';

describe('decompressBounded', () => {
  it('reads back what lz-string packed, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(decompressBounded(compressToEncodedURIComponent(text), Infinity)).toEqual({
          kind: 'ok',
          text,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('reads repetitive texts (long codes, a grown dictionary) as lz-string does', () => {
    for (const text of ['a'.repeat(20_000), 'abcabd'.repeat(3_000), JSON.stringify({ é: '€😀' }).repeat(500)])
      expect(decompressBounded(compressToEncodedURIComponent(text), Infinity)).toEqual({ kind: 'ok', text });
  });

  it('agrees with lz-string on arbitrary packed texts whenever it reads one', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 1, maxLength: 60 }),
        (packed) => {
          const ours = decompressBounded(packed, Infinity);
          let theirs: string | null;
          try {
            theirs = decompressFromEncodedURIComponent(packed);
          } catch {
            // lz-string throws on some damaged texts (a first code of 3); that reads as nothing.
            theirs = null;
          }
          if (ours.kind === 'ok') expect(theirs).toBe(ours.text);
          else expect(ours.kind).toBe('damaged');
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('says a cut-short text is damaged', () => {
    const packed = compressToEncodedURIComponent(JSON.stringify({ a: 'b'.repeat(50), c: [1, 2, 3] }));
    expect(decompressBounded(packed.slice(0, packed.length / 2), Infinity)).toEqual({ kind: 'damaged' });
    expect(decompressBounded('', Infinity)).toEqual({ kind: 'damaged' });
  });

  it('stops a 67 KB bomb (hundreds of millions of characters) at the limit, at once', () => {
    const bomb = lzBomb(30_000);
    expect(bomb.length).toBeGreaterThan(67_000);
    expect(decompressBounded(lzBomb(40), Infinity)).toEqual({ kind: 'ok', text: 'a'.repeat((41 * 42) / 2) });
    const started = performance.now();
    expect(decompressBounded(bomb, 300_000)).toEqual({ kind: 'tooLarge', limit: 300_000 });
    expect(performance.now() - started).toBeLessThan(200);
  });
});
