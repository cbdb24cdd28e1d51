/** Packed texts for lz-string tests: its URI alphabet, and a decompression bomb. */
export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/**
 * A packed text lz-string reads as `'a'` repeated to `tokens × (tokens + 1) / 2` characters: each code names the
 * entry not made yet (the last one plus its first character), so every code writes one character more.
 */
export function lzBomb(tokens: number): string {
  const bits: number[] = [];
  const put = (value: number, width: number) => {
    for (let i = 0; i < width; i++) bits.push((value >> i) & 1);
  };
  put(0, 2);
  put('a'.charCodeAt(0), 8);
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  const grow = () => {
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  };
  for (let t = 0; t < tokens; t++) {
    put(dictSize, numBits);
    dictSize++;
    grow();
  }
  put(2, numBits);
  let text = '';
  for (let i = 0; i < bits.length; i += 6) {
    let value = 0;
    for (let j = 0; j < 6; j++) value = (value << 1) | (bits[i + j] ?? 0);
    text += ALPHABET[value];
  }
  return text;
}
