/**
 * Explain traces as `opa eval --explain` / `opa test --explain` print them: one line per event, the location
 * (`file:row`) padded to one column, `| ` per rule nesting level, the operation and the expression or rule. Modes
 * filter the events as OPA's lineage filters do: `full` keeps everything, `fails` the failures and `notes` the trace()
 * notes, each with the enter events of the rules they happened in.
 */
import type { TraceEvent, Tracer } from './eval/types.ts';

export type ExplainMode = 'full' | 'fails' | 'notes';

/** A tracer that keeps every event (for one query or test). */
export class RecordingTracer implements Tracer {
  readonly events: TraceEvent[] = [];
  event(e: TraceEvent): void {
    this.events.push(e);
  }
}

/** The events a mode keeps: the selected ones plus the `enter` events of the rules around them. */
export function filterTrace(events: readonly TraceEvent[], mode: ExplainMode): TraceEvent[] {
  if (mode === 'full') return [...events];
  const wanted = mode === 'fails' ? 'fail' : 'note';
  const keep = new Set<number>();
  const enters: number[] = []; // index of the current enter event per depth
  events.forEach((e, i) => {
    if (e.op === 'enter') {
      enters[e.depth] = i;
      enters.length = e.depth + 1;
    }
    if (e.op !== wanted) return;
    keep.add(i);
    for (let d = 0; d <= Math.min(e.depth, enters.length - 1); d++) if (enters[d] !== undefined) keep.add(enters[d]!);
  });
  return events.filter((_, i) => keep.has(i));
}

const OPS: Record<TraceEvent['op'], string> = { enter: 'Enter', eval: 'Eval', exit: 'Exit', fail: 'Fail', redo: 'Redo', note: 'Note', testcase: 'TestCase' };

function eventText(e: TraceEvent): string {
  if (e.op === 'note') return JSON.stringify(e.message ?? '');
  if (e.rule) return e.rule.path.join('.');
  return (e.expr?.loc.text ?? e.loc?.text ?? '').replace(/\s*\n\s*/g, ' ');
}

/** The trace as lines (OPA's PrettyTraceWithLocation). */
export function prettyTrace(events: readonly TraceEvent[]): string[] {
  const locations = events.map((e) => (e.loc ? `${e.loc.file || 'query'}:${e.loc.row}` : 'query:1'));
  const width = Math.max(0, ...locations.map((l) => l.length));
  return events.map((e, i) => `${locations[i]!.padEnd(width)} ${'| '.repeat(e.depth)}${OPS[e.op]} ${eventText(e)}`.trimEnd());
}
