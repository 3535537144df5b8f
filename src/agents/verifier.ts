import type { Analysis } from '../analysis/analyze.ts';
import type { AgentFinding } from './agent-finding.ts';
import type { GeneratedFile } from './extract-files.ts';

/** The artifacts of one iteration, as written in --out. */
export interface Candidate {
  dir: string;
  terraform: readonly GeneratedFile[];
  policies: readonly GeneratedFile[];
  /** The analysis of exactly these files, when the caller has one (the deterministic repairs make one). */
  analysis?: Analysis;
}

/** What step 1 (technical validation) found. */
export interface TechnicalResult {
  findings: AgentFinding[];
  /** Terraform is syntactically and schematically valid (the reviewer only runs on valid Terraform). */
  terraformValid: boolean;
  /** The synthesised plan JSON, when planning succeeded. */
  plan?: unknown;
  /** What each stage did, for the trace and report: stage -> short status text. */
  stages: Record<string, string>;
}

/** Step 1 of validation. `technical-validation.ts` implements it on iacpac's embedded engines. */
export interface Verifier {
  verify(candidate: Candidate): Promise<TechnicalResult>;
}
