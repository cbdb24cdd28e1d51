/**
 * A scenario in a link: `#scenario=` and one scenario file (naming its domain), compressed. A link comes from
 * anyone, so it is read with bounds: its packed text, the text it unpacks to, and the file format's own limits.
 */
import { compressToEncodedURIComponent } from 'lz-string';
import type { DomainModule } from '../../../core/domain/domainModule.ts';
import { decompressBounded } from './boundedLz.ts';
import {
  parseScenarioFile,
  toScenarioFile,
  type DomainResolver,
  type ScenarioSpec,
} from './scenarioFormat.ts';

const PREFIX = 'scenario=';

/** Why bounds: the largest scenario (500 Given steps) packs into far less; anything beyond is refused at once. */
export const LINK_LIMITS = {
  /** Characters after `#scenario=`. */
  packedLength: 200_000,
  /** Characters of JSON the link unpacks to. */
  textLength: 400_000,
} as const;

export type DecodedScenarioLink =
  | { kind: 'none' }
  | { kind: 'ok'; domain: DomainModule; scenario: ScenarioSpec }
  | { kind: 'invalid'; message: string };

/** Pure: the URL hash (without `#`) carrying one scenario of `domain` as a compressed scenario file. */
export const encodeScenarioLink = (domain: DomainModule | string, scenario: ScenarioSpec): string =>
  PREFIX + compressToEncodedURIComponent(JSON.stringify(toScenarioFile(domain, [scenario])));

/** Pure: a shareable address for the scenario on the page at `base` (its hash replaced). */
export const scenarioLinkUrl = (
  domain: DomainModule | string,
  scenario: ScenarioSpec,
  base: string,
): string => `${base.split('#')[0]}#${encodeScenarioLink(domain, scenario)}`;

const size = (characters: number) =>
  characters >= 10_000
    ? `${Math.round(characters / 1_000)} KB`
    : `${characters.toLocaleString('en')} characters`;

/**
 * Pure: reads `#scenario=…` and the domain it names; a damaged or oversized link yields a sentence saying what is
 * wrong, never part of a scenario.
 */
export function decodeScenarioLink(hash: string, resolve: DomainResolver): DecodedScenarioLink {
  const fragment = hash.replace(/^#\/?/, '');
  if (!fragment.startsWith(PREFIX)) return { kind: 'none' };
  const packed = fragment.slice(PREFIX.length);
  const broken = (why: string): DecodedScenarioLink => ({
    kind: 'invalid',
    message: `This scenario link cannot be opened: ${why}`,
  });
  if (packed === '') return broken('it has nothing after “#scenario=”.');
  if (packed.length > LINK_LIMITS.packedLength)
    return broken(
      `it is ${size(packed.length)} long; a scenario link holds at most ${size(LINK_LIMITS.packedLength)}. Share the scenario as a file instead.`,
    );
  const unpacked = decompressBounded(packed, LINK_LIMITS.textLength);
  if (unpacked.kind === 'tooLarge')
    return broken(
      `it unpacks to more than ${size(LINK_LIMITS.textLength)} of text, more than any scenario holds. Share the scenario as a file instead.`,
    );
  if (unpacked.kind === 'damaged' || unpacked.text === '')
    return broken('it is damaged or cut short (its data does not decompress).');
  let json: unknown;
  try {
    json = JSON.parse(unpacked.text);
  } catch {
    return broken('it is damaged or cut short (its data is not a complete JSON document).');
  }
  const parsed = parseScenarioFile(json, resolve);
  if (parsed.kind === 'invalid') return broken(`it does not hold a valid scenario (${parsed.message}).`);
  if (parsed.scenarios.length !== 1) return broken('it holds more than one scenario.');
  return { kind: 'ok', domain: parsed.domain, scenario: parsed.scenarios[0] };
}
