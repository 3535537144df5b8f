import { errorMessage } from '../core/errors.ts';
import type { PolicyInfo } from './policy-metadata.ts';
import type { HelperModule } from './policy-library.ts';
import { compiledLibraryModule } from './compiled-library.ts';
import { collectGarbage, heapInUse } from '../core/collect-garbage.ts';
import { EvalScope } from '../rego/index.ts';
import { createRegoBackend, QUERY_TIMEOUT_MS, type RegoBackend } from './rego-backend.ts';

/** What one policy returned for one input: its `deny` findings, or the error that stopped it (`compile`: it never ran). */
export type PolicyOutcome = { findings: RawFinding[] } | { error: string; compile?: boolean };

/** A `deny` entry as policies write it. */
export interface RawFinding {
  address: string;
  message: string;
}

/**
 * Evaluates a set of policies on plan JSON inputs. All policies and helpers are compiled into ONE engine; each input
 * costs one object query per group of policies (see `evaluateCompiled`); when a group's query fails (a policy raised an
 * error), its policies are evaluated one by one so the failing one is pinned down and the others still report.
 */
export class PolicyRunner {
  private readonly backend: RegoBackend;
  private readonly policies: PolicyInfo[];
  private readonly byType = new Map<string, PolicyInfo[]>();
  private readonly untyped: PolicyInfo[] = [];
  /** Each evaluated policy's place in the library order (queries list the chosen policies in that order). */
  private readonly order = new Map<PolicyInfo, number>();
  private readonly libraryOnly: boolean;

  /**
   * `modules` are compiled (every loaded policy and helper, so a broken user policy is reported even when it is not
   * selected); only `policies` are evaluated.
   */
  /** Policies whose module did not compile: they report this error (as an error finding) on every input. */
  private readonly broken = new Map<string, string>();
  /** User helper modules that did not compile (file -> error): policies using them are among `broken`. */
  readonly brokenHelpers: Array<{ file: string; message: string }> = [];
  /** Every loaded policy by file, to name the policies of rejected modules. */
  private readonly policyFiles: Map<string, PolicyInfo>;
  /** How many rejected modules `noteRejected` has seen (the backend only ever adds to them). */
  private rejectedSeen = 0;

  constructor(policies: PolicyInfo[], modules: HelperModule[]) {
    // The library's policies are compiled when an input needs them (most plans touch a few dozen of 400), and its
    // helpers when a compiled module uses them; every user module is compiled at once (so a broken user policy is
    // reported even when it is not selected). The library's modules are taken from their precompiled form
    // (compiled-library.ts; the backend uses it only when no user module is loaded), so nothing is parsed or compiled
    // but what changed since the form was written.
    this.backend = createRegoBackend(
      modules.map((m) => ({ file: m.displayName, source: m.source, optional: m.builtin !== true, deferred: m.builtin === true })),
      { precompiled: (m) => compiledLibraryModule(m.file, m.source) },
    );
    this.policyFiles = new Map(policies.map((p) => [p.displayName, p]));
    this.noteRejected();
    this.policies = policies.filter((p) => !this.broken.has(p.id));
    this.libraryOnly = this.policies.every((p) => p.builtin);
    this.policies.forEach((policy, i) => this.order.set(policy, i));
    for (const policy of this.policies) {
      // No types, or `*` (any resource type, e.g. a rule about provisioners): evaluated on every plan.
      if (policy.resourceTypes.length === 0 || policy.resourceTypes.includes('*')) this.untyped.push(policy);
      for (const type of policy.resourceTypes) this.byType.set(type, [...(this.byType.get(type) ?? []), policy]);
    }
  }

  /**
   * The policies that can report anything on this plan: those declaring a resource type that occurs in it (a policy
   * reports resources of its `resource_types` only), plus policies that declare none. Every other policy's `deny` is
   * empty by construction, so skipping it changes no result and saves most of the evaluation.
   */
  private relevant(input: unknown): PolicyInfo[] {
    const types = planResourceTypes(input);
    const chosen = new Set<PolicyInfo>(this.untyped);
    for (const type of types) for (const policy of this.byType.get(type) ?? []) chosen.add(policy);
    return [...chosen].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }

  /**
   * The outcome of every policy that can report on this input (see `relevant`) and of every broken one; a policy
   * missing from the map reported nothing. (A plan touches a few dozen of the library's policies: answering for the
   * others too cost more than evaluating small inputs.)
   */
  evaluate(input: unknown): Map<string, PolicyOutcome> {
    const outcomes = new Map<string, PolicyOutcome>();
    const relevant = this.relevant(input);
    for (const policy of relevant) outcomes.set(policy.id, { findings: [] });
    for (const [id, error] of this.broken) outcomes.set(id, { error, compile: true });
    if (relevant.length === 0) return outcomes;
    this.backend.include(relevant.map((p) => p.displayName));
    // A user module can conflict with a library policy compiled only now: it is left out from here on, and reported.
    if (this.noteRejected()) for (const [id, error] of this.broken) outcomes.set(id, { error, compile: true });
    return this.evaluateCompiled(input, outcomes, relevant.filter((p) => !this.broken.has(p.id)));
  }

  /** Records modules the backend left out that were not known yet (broken policies, broken helpers); true if any. */
  private noteRejected(): boolean {
    if (this.backend.rejected.size === this.rejectedSeen) return false;
    this.rejectedSeen = this.backend.rejected.size;
    let added = false;
    const knownHelpers = new Set(this.brokenHelpers.map((h) => h.file));
    for (const [file, message] of this.backend.rejected) {
      const policy = this.policyFiles.get(file);
      if (policy && !this.broken.has(policy.id)) {
        this.broken.set(policy.id, message);
        added = true;
      } else if (!policy && !knownHelpers.has(file)) {
        this.brokenHelpers.push({ file, message });
        added = true;
      }
    }
    return added;
  }

  private evaluateCompiled(input: unknown, outcomes: Map<string, PolicyOutcome>, relevant: PolicyInfo[]): Map<string, PolicyOutcome> {
    if (relevant.length === 0) return outcomes;
    // The bundled library reads only resource_changes, configuration and the scan extension; user policies get the
    // whole document.
    const trimmed = this.libraryOnly && input && typeof input === 'object'
      ? {
          resource_changes: (input as PlanLike).resource_changes,
          configuration: (input as PlanLike).configuration,
          ...((input as PlanLike).iacpac === undefined ? {} : { iacpac: (input as PlanLike).iacpac }),
        }
      : input;
    const value = this.backend.toInput(trimmed);
    const timeoutMs = queryTimeout(input);
    // The policies are evaluated group by group (one object query each) in one scope, so what the library computes per
    // input (its indexes over all resources, its functions' results per resource) is computed once for all groups, while
    // the values of a group's own rules (its findings as Rego sets, its policies' helper rules) are released once the
    // group is done (its findings are JS values by then).
    const scope = new EvalScope();
    let since = heapInUse();
    for (const group of evaluationGroups(relevant, input)) {
      let all: unknown;
      try {
        all = this.backend.queryRefs(group.map((p) => [p.id, [...p.packagePath, 'deny']] as const), value, timeoutMs, scope);
      } catch {
        all = undefined;
      }
      if (all && typeof all === 'object') {
        const results = all as Record<string, unknown>;
        for (const policy of group) outcomes.set(policy.id, toOutcome(results[policy.id]));
      } else {
        // A policy raised an error: evaluated one by one, the failing one is pinned down and the others still report.
        for (const policy of group) {
          try {
            outcomes.set(policy.id, toOutcome(this.backend.query(`data.${policy.packagePath.map(refPart).join('')}.deny`, value, timeoutMs, scope)));
          } catch (error) {
            outcomes.set(policy.id, { error: errorMessage(error) });
          }
        }
      }
      scope.releaseDocuments(group.map((p) => p.packagePath));
      // What the group released, and the evaluation's temporaries that lived long enough to be promoted, are garbage in
      // the old generation: collected once the evaluation has added enough, the heap stays near what is live instead of
      // growing to the limit V8 set from the live set at the evaluation's start (~3.7x it), the peak of a large scan.
      if (collectGarbage(GROUP_COLLECT_BYTES, since)) since = heapInUse();
    }
    return outcomes;
  }
}

/**
 * The groups in which `policies` are evaluated on `input`: by resource type for a large plan (at least
 * GROUP_BY_TYPE_RESOURCES resource changes), else as few as possible.
 */
export function evaluationGroups(policies: PolicyInfo[], input: unknown): PolicyInfo[][] {
  return policyGroups(policies, resourceCount(input) >= GROUP_BY_TYPE_RESOURCES);
}

/**
 * The policies in groups evaluated together: when `byType`, by their first resource type (the policies of one resource
 * type read the same resources, so they share function results) in the order of their first policy, else in their
 * order; at most MAX_GROUP each (an object query term of hundreds of members nests too deep to evaluate).
 */
function policyGroups(policies: PolicyInfo[], byType: boolean): PolicyInfo[][] {
  const groups: PolicyInfo[][] = [];
  const open = new Map<string, PolicyInfo[]>();
  for (const policy of policies) {
    const type = !byType || policy.resourceTypes.includes('*') ? '*' : (policy.resourceTypes[0] ?? '*');
    let group = open.get(type);
    if (!group || group.length >= MAX_GROUP) {
      group = [];
      open.set(type, group);
      groups.push(group);
    }
    group.push(policy);
  }
  return groups;
}

/**
 * The heap a scan's evaluation may add (live and garbage) before the old generation is collected after a group of
 * policies. A full collection costs ~0.15 s CPU with the ~100 MB a 20,000-resource scan holds then: one there, for
 * ~25 MB less peak memory (32 MB made two, for no lower peak); 5,000 resources and fewer make none.
 */
const GROUP_COLLECT_BYTES = 64 * 1024 * 1024;

/**
 * Resource changes from which the policies are grouped by resource type. Grouping frees each group's rule values
 * before the next group runs, which lowers the peak of a large scan, but every group is one more query: a plan of a few
 * resources (most inputs) runs its policies in as few queries as possible (measured on the 393 IaC-Eval plans: +8 %
 * evaluation CPU when grouped by type).
 */
const GROUP_BY_TYPE_RESOURCES = 500;

/** The most policies one object query names. */
const MAX_GROUP = 64;

interface PlanLike {
  resource_changes?: unknown;
  configuration?: unknown;
  iacpac?: unknown;
}

/**
 * The time budget of one query on this plan: the default plus 2 ms per resource change, so a large plan on a loaded
 * machine (20k resources take several seconds) is not cut off by the guard meant for runaway policies (a query cut
 * off becomes error findings, and the per-policy fallback repeats the shared indexing once per policy).
 */
function queryTimeout(input: unknown): number {
  return QUERY_TIMEOUT_MS + 2 * resourceCount(input);
}

/** The resource changes of a plan (0 for anything else). */
function resourceCount(input: unknown): number {
  const changes = (input as PlanLike | undefined)?.resource_changes;
  return Array.isArray(changes) ? changes.length : 0;
}

/** Resource types a plan mentions: resource changes, configured resources/data sources of every module, providers. */
export function planResourceTypes(input: unknown): Set<string> {
  const types = new Set<string>();
  if (!input || typeof input !== 'object') return types;
  const plan = input as {
    resource_changes?: Array<{ type?: unknown }>;
    configuration?: { root_module?: unknown; provider_config?: Record<string, { name?: unknown }> };
  };
  for (const rc of plan.resource_changes ?? []) if (typeof rc?.type === 'string') types.add(rc.type);
  // Provider policies declare the provider name (e.g. `aws`) as their resource type.
  for (const provider of Object.values(plan.configuration?.provider_config ?? {})) if (typeof provider?.name === 'string') types.add(provider.name);
  const visit = (module: unknown, depth: number): void => {
    if (!module || typeof module !== 'object' || depth > 32) return;
    const m = module as { resources?: Array<{ type?: unknown }>; module_calls?: Record<string, { module?: unknown }> };
    for (const r of m.resources ?? []) if (typeof r?.type === 'string') types.add(r.type);
    for (const call of Object.values(m.module_calls ?? {})) visit(call?.module, depth + 1);
  };
  visit(plan.configuration?.root_module, 0);
  return types;
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
