// Writes ten SYNTHETIC model recordings for `iacpac bench --model replay:<file>`, each over all 458 IaC-Eval rows,
// so a ten-model comparison report can be built and looked at without any LLM. Every "model" is a profile applied
// to the reference outputs: how often attempt 1 is broken (a variant from the committed mutation set, a missing
// closing brace, or an answer without code), how often a repair attempt fixes it, whether it drops a resource
// (lower recall), adds resources (lower precision; some insecure, so more failed policies), how many samples it has,
// its tokens and price, and its judge: recorded judge replies (some unparseable, to exercise judge health) or none.
// The numbers it produces describe these profiles, not any real model.
//
//   npx tsx scripts/make-replay-models.ts [out-dir]      (reads the mutation set via ../shared, as make-replay-demo)
//
// It writes <out-dir>/<name>.jsonl (answers), <name>.judge.jsonl (judge replies, when the profile has a judge)
// and <out-dir>/run-all.sh: the ten `iacpac bench` commands (each with its own --attempts/--samples/--judge-model)
// and the `iacpac report` that compares them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataset, type BenchTask } from '../src/bench/dataset.ts';
import { assetPath } from '../src/core/package-root.ts';
import { parseHclFile } from '../src/hcl/parse.ts';
import { random } from '../test/helpers/synthetic-runs.ts';
import { generateMutations } from './mutate-references.ts';

interface Profile {
  name: string;
  /** `--attempts` of its bench run (answers are recorded for up to 5 attempts). */
  attempts: number;
  samples: number;
  /** Chance that attempt 1 is valid at difficulty 1, minus `decline` per level above 1. */
  firstValid: number;
  decline: number;
  /** Chance that each repair attempt fixes the script. */
  repair: number;
  /** Chance that a broken attempt is prose without any code. */
  noCode: number;
  /** Chance that the final script omits one resource nothing else refers to. */
  drop: number;
  /** Chance that it adds a log group (benign) or an open security group and a bare bucket (insecure). */
  extra: number;
  insecureExtra: number;
  /** Dollars per million input / output tokens, and how wordy its answers are. */
  price: [number, number];
  verbosity: number;
  judge: 'none' | 'scores' | 'flaky';
}

const PROFILES: Profile[] = [
  { name: 'synthetic-strong-first-attempt', attempts: 5, samples: 1, firstValid: 0.9, decline: 0.03, repair: 0.7, noCode: 0, drop: 0.05, extra: 0.05, insecureExtra: 0.2, price: [2.5, 10], verbosity: 1.1, judge: 'scores' },
  { name: 'synthetic-weak-first-attempt-strong-repair', attempts: 5, samples: 1, firstValid: 0.45, decline: 0.05, repair: 0.75, noCode: 0.05, drop: 0.1, extra: 0.05, insecureExtra: 0.3, price: [0.15, 0.6], verbosity: 1, judge: 'scores' },
  { name: 'synthetic-terse-misses-resources', attempts: 3, samples: 1, firstValid: 0.75, decline: 0.06, repair: 0.5, noCode: 0, drop: 0.45, extra: 0, insecureExtra: 0, price: [0.5, 1.5], verbosity: 0.7, judge: 'none' },
  { name: 'synthetic-verbose-adds-extra-resources', attempts: 5, samples: 1, firstValid: 0.7, decline: 0.05, repair: 0.55, noCode: 0, drop: 0.02, extra: 0.6, insecureExtra: 0.15, price: [3, 15], verbosity: 1.8, judge: 'scores' },
  { name: 'synthetic-insecure-extras', attempts: 5, samples: 1, firstValid: 0.72, decline: 0.05, repair: 0.5, noCode: 0, drop: 0.05, extra: 0.55, insecureExtra: 1, price: [1, 4], verbosity: 1.2, judge: 'none' },
  { name: 'synthetic-single-attempt-no-repair', attempts: 1, samples: 1, firstValid: 0.6, decline: 0.07, repair: 0, noCode: 0.1, drop: 0.1, extra: 0.1, insecureExtra: 0.5, price: [0.05, 0.2], verbosity: 0.9, judge: 'none' },
  { name: 'synthetic-three-samples-per-task', attempts: 3, samples: 3, firstValid: 0.65, decline: 0.06, repair: 0.45, noCode: 0.02, drop: 0.1, extra: 0.1, insecureExtra: 0.3, price: [0.3, 1.2], verbosity: 1, judge: 'scores' },
  { name: 'synthetic-often-answers-without-code', attempts: 4, samples: 1, firstValid: 0.55, decline: 0.04, repair: 0.5, noCode: 0.6, drop: 0.08, extra: 0.05, insecureExtra: 0.3, price: [0.2, 0.8], verbosity: 0.8, judge: 'none' },
  { name: 'synthetic-judge-replies-often-unparseable', attempts: 2, samples: 1, firstValid: 0.8, decline: 0.04, repair: 0.6, noCode: 0, drop: 0.1, extra: 0.1, insecureExtra: 0.3, price: [1, 3], verbosity: 1, judge: 'flaky' },
  { name: 'synthetic-balanced-model-with-a-deliberately-long-recording-file-name', attempts: 5, samples: 1, firstValid: 0.8, decline: 0.04, repair: 0.6, noCode: 0.02, drop: 0.12, extra: 0.12, insecureExtra: 0.3, price: [0.8, 3.2], verbosity: 1.1, judge: 'scores' },
];

const RECORDED_ATTEMPTS = 5;
const BENIGN_EXTRA = '\nresource "aws_cloudwatch_log_group" "synthetic_extra_logs" {\n  name              = "synthetic-extra-logs"\n  retention_in_days = 30\n}\n';
const INSECURE_EXTRA =
  '\nresource "aws_s3_bucket" "synthetic_extra_bucket" {\n  bucket = "synthetic-extra-bucket"\n}\n\nresource "aws_security_group" "synthetic_extra_open" {\n  name = "synthetic-extra-open"\n\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';
const NO_CODE = 'I cannot write that configuration without more details about your environment.';

const fence = (hcl: string) => `\`\`\`hcl\n${hcl.trimEnd()}\n\`\`\``;

/** The reference without one resource block that no other part of the file refers to (undefined if none). */
async function dropResource(source: string, pick: number): Promise<string | undefined> {
  const file = await parseHclFile('main.tf', source);
  const resources = file.body.blocks.filter((b) => b.type === 'resource' && b.labels.length === 2);
  if (resources.length < 2) return undefined;
  const bytes = Buffer.from(source, 'utf8');
  const droppable = resources.filter((b) => {
    const rest = Buffer.concat([bytes.subarray(0, b.range.start.byte), bytes.subarray(b.range.end.byte)]).toString('utf8');
    return !rest.includes(`${b.labels[0]}.${b.labels[1]}`);
  });
  const block = droppable[pick % Math.max(1, droppable.length)];
  if (!block) return undefined;
  return Buffer.concat([bytes.subarray(0, block.range.start.byte), bytes.subarray(block.range.end.byte)]).toString('utf8');
}

function usage(profile: Profile, task: BenchTask, attempt: number, answer: string) {
  const input = Math.round((2600 + task.prompt.length / 4) * attempt + (attempt > 1 ? 300 * (attempt - 1) : 0));
  const output = Math.round((answer.length / 3.6) * profile.verbosity + 40);
  return { input_tokens: input, output_tokens: output, cost_usd: Number(((input * profile.price[0] + output * profile.price[1]) / 1e6).toFixed(6)), latency_ms: Math.round(800 + output * 12) };
}

const outDir = resolve(process.argv[2] ?? '.scratch/replay-models');
mkdirSync(outDir, { recursive: true });
const tasks = await loadDataset(assetPath('datasets', 'iac-eval.jsonl.gz'));
const mutations = new Map((await generateMutations()).map((m) => [m.index, m.files['main.tf']]));
const commands: string[] = [];
for (const [p, profile] of PROFILES.entries()) {
  const next = random(7001 + p);
  const answers: string[] = [];
  const judge: string[] = [];
  for (const task of tasks) {
    for (let sample = 0; sample < profile.samples; sample++) {
      let final = task.referenceOutput;
      let quality = 4.5;
      if (next() < profile.drop) {
        const dropped = await dropResource(final, Math.floor(next() * 100));
        if (dropped !== undefined) {
          final = dropped;
          quality -= 1.5;
        }
      }
      if (next() < profile.extra) {
        final = `${final.trimEnd()}\n${next() < profile.insecureExtra ? INSECURE_EXTRA : BENIGN_EXTRA}`;
        quality -= 0.7;
      }
      const mutation = mutations.get(task.index);
      const broken = () => (next() < profile.noCode ? NO_CODE : fence(mutation ?? task.referenceOutput.replace(/\}\s*$/, '')));
      const recorded: string[] = [];
      let valid = next() < Math.max(0.05, profile.firstValid - profile.decline * (task.difficulty - 1));
      while (!valid && recorded.length < RECORDED_ATTEMPTS - 1) {
        recorded.push(broken());
        valid = next() < profile.repair;
      }
      recorded.push(valid ? fence(final) : broken());
      recorded.forEach((output, i) =>
        answers.push(JSON.stringify({ index: task.index, sample, attempt: i + 1, output, usage: usage(profile, task, i + 1, output) })),
      );
      if (profile.judge !== 'none') {
        const score = Math.min(5, Math.max(1, Math.round(quality + (next() - 0.6) * 2.2 - (valid ? 0 : 2))));
        const reply =
          profile.judge === 'flaky' && next() < 0.55
            ? `I would rate this a ${score} out of 5: the configuration mostly matches the request.`
            : JSON.stringify({ score, reasons: score >= 4 ? 'creates what the prompt asks for' : 'misses part of the requested infrastructure' });
        judge.push(JSON.stringify({ index: task.index, sample, reply, usage: { input_tokens: 900 + Math.round(final.length / 4), output_tokens: 60, cost_usd: 0.0004 } }));
      }
    }
  }
  writeFileSync(join(outDir, `${profile.name}.jsonl`), `${answers.join('\n')}\n`);
  if (judge.length) writeFileSync(join(outDir, `${profile.name}.judge.jsonl`), `${judge.join('\n')}\n`);
  const judgeFlag = judge.length ? ` --judge-model replay:${join(outDir, `${profile.name}.judge.jsonl`)}` : '';
  commands.push(
    `npx iacpac bench --model replay:${join(outDir, `${profile.name}.jsonl`)} --attempts ${profile.attempts} --samples ${profile.samples}${judgeFlag} --out "$RUNS/${profile.name}" > /dev/null`,
  );
  process.stdout.write(`${profile.name}: ${answers.length} answers${judge.length ? `, ${judge.length} judge replies` : ''}\n`);
}
const script = [
  '#!/usr/bin/env bash',
  '# Generated by scripts/make-replay-models.ts: ten synthetic replay runs of all 458 rows, then one report comparing them.',
  'set -euo pipefail',
  'RUNS=${1:-runs/replay-models}',
  ...commands,
  `npx iacpac report ${PROFILES.map((p) => `"$RUNS/${p.name}"`).join(' ')} --out "$RUNS/report" > /dev/null`,
  '',
].join('\n');
writeFileSync(join(outDir, 'run-all.sh'), script);
process.stdout.write(`${PROFILES.length} recordings and ${join(outDir, 'run-all.sh')} written\n`);
