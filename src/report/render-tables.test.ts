import { describe, expect, it } from 'vitest';
import { attemptRecord as record } from '../../test/helpers/attempt-record.ts';
import { buildTables, formatCell, leaderboardTable, renderCsv, renderMarkdownTable } from './render-tables.ts';
import { summarize } from './summarize.ts';

describe('report tables', () => {
  const records = [
    record({ model: 'weak', index: 0, attempt: 1, final: false, valid: false }),
    record({ model: 'weak', index: 0, attempt: 2, valid: true, object_recall: 0.5, findings: [{ policy_id: 'P1', severity: 'critical', resource: 'r' }] }),
    record({ model: 'strong-model-with-a-long-name:v1', index: 0, intent_score: 5, usage: { input_tokens: 1000, output_tokens: 200, cost_usd: 0.0123456, latency_ms: 1, cached: false } }),
  ];
  const summary = summarize(records, [
    { model: 'weak', attempts: 3, judge: null },
    { model: 'strong-model-with-a-long-name:v1', attempts: 1, judge: 'openai:j' },
  ]);

  it('formats every number of a column with the same precision', () => {
    expect([formatCell(100, 1), formatCell(97.84, 1), formatCell(0.5, 3), formatCell(null, 1), formatCell('no judge', 2), formatCell(12)]).toEqual([
      '100.0',
      '97.8',
      '0.500',
      '–',
      'no judge',
      '12',
    ]);
  });

  it('ranks the leaderboard by final validation pass rate, then first-attempt pass rate, with full names', () => {
    const board = leaderboardTable(summary);
    expect(board.rows.map((r) => [r[0], r[1], r[3], r[4], r[5]])).toEqual([
      [1, 'strong-model-with-a-long-name:v1', 1, 100, 100],
      [2, 'weak', 3, 0, 100],
    ]);
    const md = renderMarkdownTable(board);
    expect(md).toContain('| 1 | strong-model-with-a-long-name:v1 | 1 | 1 | 100.0 | 100.0 | 1.000 | 1.000 | – | 5.00 |');
    expect(md).toContain('| 2 | weak | 1 | 3 | 0.0 | 100.0 | 0.500 | 1.000 | – | no judge | 0.00 | 0.00 | 0.00 | 0.00 | 1.00 | 1.00 | 1 | 0 | 0.0000 |');
    expect(md).toContain('| 1200 | 0.0123 |');
  });

  it('stops each model at its own attempt limit and adds pass@k only for runs with samples > 1', () => {
    const tables = buildTables(summary);
    expect(tables.map((t) => t.name)).toEqual(['leaderboard', 'validation-pass-rate', 'objects', 'intent', 'security', 'usage', 'judge-health']);
    const validation = renderCsv(tables[1]!);
    expect(validation).toContain('weak,all,1,1,3,0.0,100.0,100.0\n');
    expect(validation).toContain('strong-model-with-a-long-name:v1,all,1,1,1,100.0,,\n');
    const sampled = summarize([record({ model: 's', sample: 0 }), record({ model: 's', sample: 1, valid: false })]);
    expect(buildTables(sampled).map((t) => t.name)).toContain('pass-at-k');
    expect(renderCsv(buildTables(sampled).find((t) => t.name === 'pass-at-k')!)).toContain('s,all,1,2,50.0,100.0\n');
  });

  it('says in the judge-health table which runs had no judge and why calls failed', () => {
    const health = buildTables(
      summarize([record({ model: 'm', judge_error: { reason: 'reply JSON does not parse', message: 'the JSON does not parse: x' } }), record({ model: 'n' })], [
        { model: 'm', judge: 'openai:j' },
        { model: 'n', judge: null },
      ]),
    ).find((t) => t.name === 'judge-health')!;
    expect(health.rows).toEqual([
      ['m', 'openai:j', 1, 0, 1, '1 × reply JSON does not parse (the JSON does not parse: x)'],
      ['n', 'no judge in this run', null, null, null, null],
    ]);
  });
});
