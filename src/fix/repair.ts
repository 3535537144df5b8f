import type { Diagnostic } from '../core/diagnostics.ts';
import type { HclFile } from '../hcl/ast.ts';
import type { ProviderSchemas } from '../schema/provider-schemas.ts';
import type { Finding } from '../scan/finding.ts';
import type { Configuration } from '../terraform/model.ts';
import type { SourceEdit } from './source-edit.ts';

/** Which check a repair answers: the validator (`validate`) or the security scan (`security`). */
export type RepairSource = 'validate' | 'security';

/** One deterministic repair: byte-range edits of the source, proposed for one problem, kept only when verified. */
export interface Repair {
  /** The rule that proposed it: `rename-argument`, `close-unclosed-block`, `policy-fix`, ... */
  kind: string;
  source: RepairSource;
  /** Where the problem is: `main.tf:6:3`. */
  location: string;
  /** What the repair does, one line (`rename argument "cidr_bloc" to "cidr_block"`). */
  description: string;
  /** Why: the validator's message or the policy's finding the repair answers. */
  reason: string;
  edits: SourceEdit[];
  /** For validator repairs: the diagnostic answered (it must be gone, or fewer, after the repair). */
  diagnostic?: Pick<Diagnostic, 'summary' | 'detail'>;
  /** Something the user should know (e.g. the value of an argument that was removed). */
  note?: string;
  /** For security repairs: the policy whose finding this answers, and the resource address. */
  policyId?: string;
  resource?: string;
}

/** Everything a repair rule may look at: the current sources, their parsed files, the model and the problems. */
export interface RepairContext {
  /** Current text of each configuration file, by display name (`main.tf`). */
  sources: ReadonlyMap<string, string>;
  /** Parsed files of every module, by display name. */
  files: ReadonlyMap<string, HclFile>;
  configuration: Configuration;
  schemas: ProviderSchemas;
  /** The validator's diagnostics (errors and warnings). */
  diagnostics: readonly Diagnostic[];
  /** Unsuppressed security findings of the library's policies. */
  findings: readonly Finding[];
}

/** A validator-driven rule: proposes repairs for the diagnostics it understands. */
export interface ValidatorRepairRule {
  kind: string;
  /** One line for the docs: which diagnostic it answers and how. */
  summary: string;
  propose(context: RepairContext): Repair[];
}
