/** A rules document carried in a link: `#rules=` and the rules file, compressed (like scenario and race links). */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { parseRulesFile, toRulesFile, type RulesDocument } from './rulesDocument.ts';

const PREFIX = 'rules=';

/** Why a bound: browsers and chat tools cut long addresses; a few hundred lines of rules fit well under it. */
export const MAX_RULES_LINK_LENGTH = 32_000;

export type RulesLink = { kind: 'ok'; url: string } | { kind: 'tooLong'; message: string };

export type DecodedRulesLink =
  { kind: 'none' } | { kind: 'ok'; document: RulesDocument } | { kind: 'invalid'; message: string };

/** Pure: the URL hash (without `#`) carrying the document. */
export const encodeRulesLink = (document: RulesDocument): string =>
  PREFIX + compressToEncodedURIComponent(JSON.stringify(toRulesFile(document)));

/** Pure: a shareable address for the document on the page at `base` (its hash replaced), unless it is too long. */
export function rulesLinkUrl(document: RulesDocument, base: string): RulesLink {
  const hash = encodeRulesLink(document);
  if (hash.length > MAX_RULES_LINK_LENGTH)
    return {
      kind: 'tooLong',
      message: `These rules make a link of ${hash.length} characters, longer than the ${MAX_RULES_LINK_LENGTH} a link may have: share them as a file instead.`,
    };
  return { kind: 'ok', url: `${base.split('#')[0]}#${hash}` };
}

/** Pure: reads `#rules=…`; a damaged link yields a sentence saying what is wrong, never part of a document. */
export function decodeRulesLink(hash: string): DecodedRulesLink {
  const fragment = hash.replace(/^#\/?/, '');
  if (!fragment.startsWith(PREFIX)) return { kind: 'none' };
  const packed = fragment.slice(PREFIX.length);
  const broken = (why: string): DecodedRulesLink => ({
    kind: 'invalid',
    message: `This rules link cannot be opened: ${why}`,
  });
  if (packed === '') return broken('it has nothing after “#rules=”.');
  if (packed.length > MAX_RULES_LINK_LENGTH)
    return broken(`it is ${packed.length} characters long, more than a rules link may be.`);
  const text = decompressFromEncodedURIComponent(packed);
  if (!text) return broken('it is damaged or cut short (its data does not decompress).');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return broken('it is damaged or cut short (its data is not a complete JSON document).');
  }
  const parsed = parseRulesFile(json);
  if (parsed.kind === 'invalid') return broken(`it does not hold valid rules (${parsed.message}).`);
  return { kind: 'ok', document: parsed.document };
}
