import { errorMessage } from '../core/errors.ts';
import type { PolicyInfo } from './policy-metadata.ts';
import type { HelperModule } from './policy-library.ts';
import { createRegoBackend, type RegoBackend } from './rego-backend.ts';

/** What one policy returned for one input: its `deny` findings, or the error that stopped it. */
export type PolicyOutcome = { findings: RawFinding[] } | { error: string };

/** A `deny` entry as policies write it. */
export interface RawFinding {
  address: string;
  message: string;
}

const RUNNER_PACKAGE = 'iacpac_scan_runner';

/**
 * Evaluates a set of policies on plan JSON inputs. All policies and helpers are compiled into ONE engine with a
 * generated runner module, so each input costs a single query; when that query fails (a policy raised an error),
 * the policies are evaluated one by one so the failing one is pinned down and the others still report.
 */
export class PolicyRunner {
  private readonly backend: RegoBackend;
  private readonly policies: PolicyInfo[];

  /**
   * `modules` are compiled (every loaded policy and helper, so a broken user policy is reported even when it is not
   * selected); only `policies` are evaluated.
   */
  constructor(policies: PolicyInfo[], modules: HelperModule[]) {
    this.policies = policies;
    this.backend = createRegoBackend([
      ...modules.map((m) => ({ file: m.displayName, source: m.source })),
      { file: `${RUNNER_PACKAGE}.rego`, source: runnerModule(policies) },
    ]);
  }

  evaluate(input: unknown): Map<string, PolicyOutcome> {
    const outcomes = new Map<string, PolicyOutcome>();
    const value = this.backend.toInput(input);
    let all: unknown;
    try {
      all = this.backend.query(`data.${RUNNER_PACKAGE}.results`, value);
    } catch {
      all = undefined;
    }
    if (all && typeof all === 'object') {
      const results = all as Record<string, unknown>;
      for (const policy of this.policies) outcomes.set(policy.id, toOutcome(results[policy.id]));
      return outcomes;
    }
    for (const policy of this.policies) {
      try {
        outcomes.set(policy.id, toOutcome(this.backend.query(`data.${policy.packagePath.map(refPart).join('')}.deny`, value)));
      } catch (error) {
        outcomes.set(policy.id, { error: errorMessage(error) });
      }
    }
    return outcomes;
  }
}

function runnerModule(policies: PolicyInfo[]): string {
  const lines = [`package ${RUNNER_PACKAGE}`, '', 'import rego.v1', ''];
  for (const policy of policies) {
    lines.push(`results[${JSON.stringify(policy.id)}] := data.${policy.packagePath.map(refPart).join('')}.deny`);
  }
  return `${lines.join('\n')}\n`;
}

function refPart(part: string, index: number): string {
  if (index === 0) return part;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`;
}

function toOutcome(value: unknown): PolicyOutcome {
  if (value === undefined || value === null) return { findings: [] };
  const items = Array.isArray(value) ? value : [];
  const findings: RawFinding[] = [];
  for (const item of items) {
    if (item && typeof item === 'object' && typeof (item as RawFinding).address === 'string') {
      const { address, message } = item as { address: string; message?: unknown };
      findings.push({ address, message: typeof message === 'string' ? message : String(message ?? '') });
    } else if (typeof item === 'string') {
      findings.push({ address: '', message: item });
    } else {
      return { error: `deny produced ${JSON.stringify(item)}; expected {"address": ..., "message": ...}` };
    }
  }
  return { findings };
}
