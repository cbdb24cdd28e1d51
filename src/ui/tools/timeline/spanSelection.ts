import { causalChain, type TimelineIndex } from '../../../tools/time-travel/model/timelineIndex.ts';

/**
 * Pure: the positions a mark's causal chain covers, as a span to export: its events, and the head each of its
 * rejected commands saw. Null for an unknown mark or an empty log.
 */
export function chainSpan(index: TimelineIndex, markId: string): [number, number] | null {
  if (index.head === 0) return null;
  const positions: number[] = [];
  for (const id of [markId, ...causalChain(index, markId)]) {
    const event = index.eventById.get(id);
    if (event) positions.push(event.position);
    const command = index.commandById.get(id);
    if (command && command.eventIds.length === 0) positions.push(command.record.headPosition);
  }
  if (positions.length === 0) return null;
  const from = Math.max(1, Math.min(...positions));
  return [from, Math.min(index.head, Math.max(from, ...positions))];
}

const LOG_LINE = /^ {2}\/\* #(\d+) \*\/ /;

/**
 * Pure: the first `maxLines` lines of an exported test, its log (one event a line) folded into one line, so
 * the preview shows what the file checks.
 */
export function testPreview(text: string, maxLines = 40): string {
  const lines: string[] = [];
  let logLines = 0;
  for (const line of text.split('\n')) {
    if (LOG_LINE.test(line)) {
      logLines++;
      continue;
    }
    if (logLines > 0) {
      lines.push(`  /* … ${logLines} event${logLines === 1 ? '' : 's'}, one a line … */`);
      logLines = 0;
    }
    lines.push(line);
  }
  if (lines.length <= maxLines) return lines.join('\n');
  return [...lines.slice(0, maxLines), `… ${lines.length - maxLines} more lines`].join('\n');
}
