/**
 * lz-string's `decompressFromEncodedURIComponent`, stopped as soon as the text it writes passes a limit.
 * Why a port: a link is untrusted input, and lz-string cannot stop early. A 67 KB link can stand for hundreds of
 * millions of characters (each code may name the entry before it plus one character), which lz-string builds in
 * full before anything can look at it, stalling the tab. The algorithm and the alphabet are lz-string 1.5's; the
 * tests check this port against lz-string itself on arbitrary input.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE_OF = new Map([...ALPHABET].map((character, value) => [character, value]));
const BITS_PER_CHARACTER = 6;

/** What came out of a link's packed text. */
export type Unpacked =
  { kind: 'ok'; text: string } | { kind: 'tooLarge'; limit: number } | { kind: 'damaged' };

/**
 * Pure: the text `packed` (from `compressToEncodedURIComponent`) stands for, or `tooLarge` as soon as it passes
 * `maxLength` characters, or `damaged` when it is not a complete packed text.
 */
export function decompressBounded(packed: string, maxLength: number): Unpacked {
  const input = packed.replace(/ /g, '+');
  if (input === '') return { kind: 'damaged' };
  const TOP = 1 << (BITS_PER_CHARACTER - 1);
  // A character outside the alphabet (or past the end) reads as 0, as in lz-string (undefined & n).
  const valueAt = (at: number) => (at < input.length ? (VALUE_OF.get(input[at]) ?? 0) : 0);
  // As lz-string does, the next character is loaded as soon as the last bit of one is read: `index` counts
  // the characters loaded, and reading past the input's end means the link was cut short.
  let value = valueAt(0);
  let position = TOP;
  let index = 1;
  const nextBit = (): number => {
    const bit = value & position ? 1 : 0;
    position >>= 1;
    if (position === 0) {
      position = TOP;
      value = valueAt(index++);
    }
    return bit;
  };
  const read = (bits: number): number => {
    let result = 0;
    for (let power = 0; power < bits; power++) result |= nextBit() << power;
    return result;
  };

  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let numBits = 3;
  let length = 0;
  const parts: string[] = [];
  const write = (entry: string): boolean => {
    length += entry.length;
    parts.push(entry);
    return length <= maxLength;
  };

  const first = read(2);
  if (first === 2) return { kind: 'ok', text: '' };
  if (first === 3) return { kind: 'damaged' };
  let w = String.fromCharCode(read(first === 0 ? 8 : 16));
  dictionary[3] = w;
  if (!write(w)) return { kind: 'tooLarge', limit: maxLength };
  for (;;) {
    // lz-string gives up (an empty text) once it has read past the input: a link cut short.
    if (index > input.length) return { kind: 'damaged' };
    let code = read(numBits);
    if (code === 0 || code === 1) {
      dictionary.push(String.fromCharCode(read(code === 0 ? 8 : 16)));
      code = dictionary.length - 1;
      if (--enlargeIn === 0) {
        enlargeIn = 2 ** numBits;
        numBits++;
      }
    } else if (code === 2) return { kind: 'ok', text: parts.join('') };
    let entry: string;
    if (code < dictionary.length && dictionary[code] !== '') entry = dictionary[code];
    else if (code === dictionary.length) entry = w + w[0];
    else return { kind: 'damaged' };
    if (!write(entry)) return { kind: 'tooLarge', limit: maxLength };
    dictionary.push(w + entry[0]);
    w = entry;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
