import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import {
  parseScenarioFile,
  toScenarioFile,
  type ScenarioSpec,
} from '../../../tools/scenarios/model/scenarioFile.ts';

const PREFIX = 'scenario=';

export type DecodedScenarioLink =
  { kind: 'none' } | { kind: 'ok'; scenario: ScenarioSpec } | { kind: 'invalid'; message: string };

/** Pure: the URL hash (without `#`) carrying one scenario as a compressed scenario file. */
export const encodeScenarioLink = (scenario: ScenarioSpec): string =>
  PREFIX + compressToEncodedURIComponent(JSON.stringify(toScenarioFile([scenario])));

/** Pure: a shareable address for the scenario on the page at `base` (its hash replaced). */
export const scenarioLinkUrl = (scenario: ScenarioSpec, base: string): string =>
  `${base.split('#')[0]}#${encodeScenarioLink(scenario)}`;

/** Pure: reads `#scenario=…`; a damaged link yields a sentence saying what is wrong, never part of a scenario. */
export function decodeScenarioLink(hash: string): DecodedScenarioLink {
  const fragment = hash.replace(/^#\/?/, '');
  if (!fragment.startsWith(PREFIX)) return { kind: 'none' };
  const packed = fragment.slice(PREFIX.length);
  const broken = (why: string): DecodedScenarioLink => ({
    kind: 'invalid',
    message: `This scenario link cannot be opened: ${why}`,
  });
  if (packed === '') return broken('it has nothing after “#scenario=”.');
  const text = decompressFromEncodedURIComponent(packed);
  if (!text) return broken('it is damaged or cut short (its data does not decompress).');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return broken('it is damaged or cut short (its data is not a complete JSON document).');
  }
  const parsed = parseScenarioFile(json);
  if (parsed.kind === 'invalid') return broken(`it does not hold a valid scenario (${parsed.message}).`);
  if (parsed.scenarios.length !== 1) return broken('it holds more than one scenario.');
  return { kind: 'ok', scenario: parsed.scenarios[0] };
}
