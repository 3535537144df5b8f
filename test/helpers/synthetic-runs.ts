import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttemptRecord } from '../../src/bench/results-store.ts';
import { attemptRecord } from './attempt-record.ts';
import { seededRandom } from '../../src/core/seeded-random.ts';

/** IaC-Eval's rows per difficulty 1-6 (458 in all). */
export const IAC_EVAL_DIFFICULTIES = [45, 95, 113, 58, 72, 75];

/** Deterministic pseudo-random numbers (mulberry32). */
export const random = seededRandom;

export interface SyntheticModel {
  name: string;
  attempts: number;
  samples: number;
  /** Chance that attempt 1 is valid at difficulty 1; falls by `decline` per level. */
  firstValid: number;
  decline: number;
  /** Chance that a repair attempt fixes an invalid script. */
  repair: number;
  recall: number;
  precision: number;
  /** Findings per script ~ types × this. */
  insecurity: number;
  /** none: no judge; scores: judge scores around `judgeMean`; failing: every judge call fails. */
  judge: 'none' | 'scores' | 'failing';
  judgeMean?: number;
}

const SEVERITY_MIX = ['low', 'low', 'low', 'medium', 'info', 'info', 'high', 'low', 'medium', 'critical'];

/** Results of one synthetic model over the 458 IaC-Eval rows (a test stand-in for a bench run: no scripts behind it). */
export function syntheticRecords(model: SyntheticModel, seed: number): AttemptRecord[] {
  const next = random(seed);
  const out: AttemptRecord[] = [];
  let index = 0;
  IAC_EVAL_DIFFICULTIES.forEach((rows, level) => {
    const difficulty = level + 1;
    for (let row = 0; row < rows; row++, index++) {
      for (let sample = 0; sample < model.samples; sample++) {
        let valid = next() < Math.max(0.02, model.firstValid - model.decline * level);
        let attempt = 1;
        while (!valid && attempt < model.attempts) {
          out.push(attemptRecord({ model: model.name, index, difficulty, sample, attempt, final: false, valid: false }));
          attempt++;
          valid = next() < model.repair;
        }
        const types = Math.max(1, Math.round(difficulty * 1.3 + (next() - 0.5) * 3 + (1 - model.precision) * 3));
        const findings = Array.from({ length: Math.round(types * model.insecurity * (0.5 + next())) }, (_, i) => ({
          policy_id: `CKV_AWS_${(index * 7 + i * 13) % 60}`,
          severity: SEVERITY_MIX[(index + i) % SEVERITY_MIX.length]!,
          resource: `aws_s3_bucket.b${i}`,
        }));
        const judged = model.judge === 'scores' && valid;
        out.push(
          attemptRecord({
            model: model.name,
            index,
            difficulty,
            sample,
            attempt,
            final: true,
            valid,
            object_recall: Math.min(1, Math.max(0, model.recall + (next() - 0.5) * 0.3)),
            object_precision: Math.min(1, Math.max(0, model.precision + (next() - 0.5) * 0.3)),
            predicted_object_types: types,
            intent_correct: valid ? next() < model.recall - 0.1 : null,
            intent_score: judged ? Math.min(5, Math.max(1, Math.round((model.judgeMean ?? 3) + (next() - 0.5) * 3))) : null,
            ...(model.judge === 'failing' ? { judge_error: { reason: 'reply has no JSON object', message: 'the reply contains no JSON object; the reply began "Score: 4"' } } : {}),
            findings,
            usage: { input_tokens: 900 + attempt * 400, output_tokens: 250 + types * 40, cost_usd: (900 + types * 40) * 2e-6, latency_ms: 1200, cached: false },
          }),
        );
      }
    }
  });
  return out;
}

/** Writes one run directory (results.jsonl + run-config.json) per model and returns their paths. */
export function writeSyntheticRuns(root: string, models: SyntheticModel[]): string[] {
  return models.map((model, i) => {
    const dir = join(root, `run-${String(i + 1).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'results.jsonl'), syntheticRecords(model, 1000 + i).map((r) => JSON.stringify(r)).join('\n') + '\n');
    const judge = model.judge === 'none' ? null : 'openai:judge-model';
    writeFileSync(join(dir, 'run-config.json'), JSON.stringify({ models: [model.name], attempts: model.attempts, samples: model.samples, judge }));
    return dir;
  });
}

/** Ten models that differ in every measure, with names long enough to need wrapping. */
export const TEN_MODELS: SyntheticModel[] = [
  { name: 'openai-compatible:synthetic-large-instruct-with-a-very-long-model-identifier-v2', attempts: 5, samples: 1, firstValid: 0.85, decline: 0.06, repair: 0.6, recall: 0.9, precision: 0.85, insecurity: 1.1, judge: 'scores', judgeMean: 4.1 },
  { name: 'replay:synthetic-small-model.jsonl', attempts: 3, samples: 1, firstValid: 0.55, decline: 0.08, repair: 0.35, recall: 0.7, precision: 0.75, insecurity: 1.6, judge: 'none' },
  { name: 'anthropic:synthetic-medium', attempts: 5, samples: 3, firstValid: 0.75, decline: 0.05, repair: 0.5, recall: 0.82, precision: 0.9, insecurity: 0.8, judge: 'scores', judgeMean: 3.6 },
  { name: 'ollama:synthetic-tiny-q4', attempts: 1, samples: 1, firstValid: 0.35, decline: 0.05, repair: 0, recall: 0.55, precision: 0.6, insecurity: 2.1, judge: 'failing' },
  { name: 'openai:synthetic-reasoner-2026-01-01', attempts: 5, samples: 1, firstValid: 0.92, decline: 0.03, repair: 0.7, recall: 0.93, precision: 0.8, insecurity: 0.6, judge: 'scores', judgeMean: 4.4 },
  { name: 'azure:synthetic-deployment-east-us-2', attempts: 2, samples: 1, firstValid: 0.7, decline: 0.07, repair: 0.45, recall: 0.78, precision: 0.82, insecurity: 1.3, judge: 'none' },
  { name: 'replay:synthetic-repairs-well.jsonl', attempts: 5, samples: 1, firstValid: 0.4, decline: 0.04, repair: 0.8, recall: 0.86, precision: 0.88, insecurity: 1.0, judge: 'scores', judgeMean: 3.2 },
  { name: 'openai-compatible:synthetic-code-model-33b', attempts: 4, samples: 2, firstValid: 0.8, decline: 0.09, repair: 0.3, recall: 0.74, precision: 0.7, insecurity: 1.4, judge: 'none' },
  { name: 'replay:synthetic-verbose-over-generates.jsonl', attempts: 5, samples: 1, firstValid: 0.78, decline: 0.04, repair: 0.55, recall: 0.95, precision: 0.55, insecurity: 1.8, judge: 'scores', judgeMean: 2.8 },
  { name: 'replay:synthetic-near-perfect.jsonl', attempts: 5, samples: 1, firstValid: 0.99, decline: 0, repair: 0, recall: 1, precision: 1, insecurity: 1.2, judge: 'none' },
];
