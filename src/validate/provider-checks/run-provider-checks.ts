import type { ArgumentChecks, TypeChecks } from '../../schema/provider-checks/check-types.ts';
import { isArray, isObject, isUnknown, type TfValue } from '../../terraform/eval/value.ts';
import { type ValidatorDiagnostic } from '../diagnostic.ts';
import { rangeForAttributePath, type AttributePathStep } from './attribute-range.ts';
import { isWhollyKnownValue, lookupFlatKey, type ConfigBody } from './config-tree.ts';
import { runValueCheck, type CheckFailure, type PrimitiveValue } from './value-checks.ts';

/** One place an argument of the asset occurs in the configuration: its block instance and indexes. */
interface Occurrence {
  /** Block instance that holds the argument. */
  holder: ConfigBody;
  /** Indexes of the enclosing block instances, outermost first. */
  indexes: number[];
}

/** Whether a block instance holds no unknown value at any depth. */
function whollyKnownBody(body: ConfigBody, depth = 0): boolean {
  if (depth > 32) return true;
  for (const { value } of body.attributes.values()) if (!isWhollyKnownValue(value)) return false;
  for (const blocks of body.blocks.values()) {
    if (blocks.unknown || !blocks.instances.every((instance) => whollyKnownBody(instance, depth + 1))) return false;
  }
  return true;
}

/**
 * The block instances holding an argument. As the SDK validates a nested block type only when all of its
 * instances are wholly known, a block collection with any unknown value inside hides every argument in it.
 */
function occurrences(root: ConfigBody, path: readonly string[]): Occurrence[] {
  let current: Occurrence[] = [{ holder: root, indexes: [] }];
  for (const name of path.slice(0, -1)) {
    const next: Occurrence[] = [];
    for (const occurrence of current) {
      const blocks = occurrence.holder.blocks.get(name);
      if (!blocks || blocks.unknown || !blocks.instances.every((instance) => whollyKnownBody(instance))) continue;
      blocks.instances.forEach((instance, i) => next.push({ holder: instance, indexes: [...occurrence.indexes, i] }));
    }
    current = next;
  }
  return current;
}

/** The SDK's flat key of an argument occurrence (`rule.0.filter.1.prefix`). */
function flatKey(path: readonly string[], indexes: readonly number[]): string {
  return [...path.slice(0, -1).flatMap((name, i) => [name, String(indexes[i] ?? 0)]), path[path.length - 1]].join('.');
}

/** The framework's path text (`rule[0].filter[1].prefix`). */
function frameworkPath(path: readonly string[], indexes: readonly number[]): string {
  return path.map((name, i) => (i < path.length - 1 ? `${name}[${indexes[i] ?? 0}]` : name)).join('.');
}

/** The attribute path the provider reports: its recorded pattern with this occurrence's indexes, or the natural one. */
function reportPath(argument: ArgumentChecks, indexes: readonly number[], element?: number): AttributePathStep[] {
  if (argument.reportPath) {
    // A recorded element step (`cidr_blocks.*`) only applies to element diagnostics.
    const pattern = element === undefined && argument.elements && argument.reportPath.at(-1) === '*' ? argument.reportPath.slice(0, -1) : argument.reportPath;
    const pending = [...indexes, ...(element === undefined ? [] : [element])];
    return pattern.map((step) => (step === '*' ? (pending.shift() ?? 0) : step));
  }
  const out: AttributePathStep[] = [];
  argument.path.forEach((name, i) => {
    out.push(name);
    if (i < argument.path.length - 1) out.push(indexes[i] ?? 0);
  });
  if (element !== undefined) out.push(element);
  return out;
}

function primitive(value: TfValue): PrimitiveValue | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/**
 * The diagnostics the provider's own validation gives for a resource or data source body, in the order of the
 * SDK's per-argument validation: exactly-one-of, at-least-one-of, required-with, then (for known values)
 * conflicts, list sizes, value checks and the deprecation warning. Unknown values are not checked.
 */
export function runProviderChecks(checks: TypeChecks, root: ConfigBody, address: string): ValidatorDiagnostic[] {
  const out: ValidatorDiagnostic[] = [];
  const emit = (severity: 'error' | 'warning', failure: CheckFailure, path: AttributePathStep[]) => {
    out.push({
      severity,
      summary: failure.summary,
      detail: failure.detail,
      source: 'provider',
      code: 'provider-check',
      address,
      range: rangeForAttributePath(root.body, path),
    });
  };
  for (const argument of checks.arguments) {
    for (const { holder, indexes } of occurrences(root, argument.path)) {
      const name = argument.path[argument.path.length - 1] as string;
      const self = lookupFlatKey(holder, name);
      if (checks.framework) {
        if (self.set && !self.unknown) runValues(argument, self.value, { name, flat: flatKey(argument.path, indexes), path: frameworkPath(argument.path, indexes) }, indexes, emit);
        continue;
      }
      // Most arguments are unset or pass: their keys and paths are made only for what is reported or checked.
      if (!self.set && !argument.exactlyOneOf && !argument.atLeastOneOf) continue;
      const key = flatKey(argument.path, indexes);
      const path = reportPath(argument, indexes);
      if (argument.exactlyOneOf) {
        let specified: string[] = [];
        let unknown = 0;
        for (const member of argument.exactlyOneOf) {
          const found = lookupFlatKey(root, member);
          if (found.unknown) unknown++;
          else if (found.set) specified.push(member);
        }
        specified = specified.sort();
        const group = argument.exactlyOneOf.join(',');
        if (specified.length === 0 && unknown === 0) {
          emit('error', { summary: 'Invalid combination of arguments', detail: `"${key}": one of \`${group}\` must be specified` }, path);
          continue;
        }
        if (specified.length > 1) {
          emit('error', { summary: 'Invalid combination of arguments', detail: `"${key}": only one of \`${group}\` can be specified, but \`${specified.join(',')}\` were specified.` }, path);
          continue;
        }
      }
      if (argument.atLeastOneOf && !argument.atLeastOneOf.some((member) => lookupFlatKey(root, member).set)) {
        emit('error', { summary: 'Missing required argument', detail: `"${key}": one of \`${argument.atLeastOneOf.join(',')}\` must be specified` }, path);
        continue;
      }
      if (!self.set) continue;
      if (argument.requiredWith && !argument.requiredWith.every((member) => lookupFlatKey(root, member).set)) {
        emit('error', { summary: 'Missing required argument', detail: `"${key}": all of \`${argument.requiredWith.join(',')}\` must be specified` }, path);
        continue;
      }
      if (self.unknown) continue;
      const conflict = argument.conflictsWith?.find((other) => {
        const found = lookupFlatKey(root, other);
        return found.set && !(found.unknown && found.value === undefined);
      });
      if (conflict) {
        emit('error', { summary: 'Conflicting configuration arguments', detail: `"${key}": conflicts with ${conflict}` }, path);
        continue;
      }
      runValues(argument, self.value, { name, flat: key, path: frameworkPath(argument.path, indexes) }, indexes, emit);
      if (argument.deprecated) emit('warning', { summary: 'Argument is deprecated', detail: argument.deprecated }, path);
    }
  }
  for (const block of checks.deprecatedBlocks ?? []) {
    for (const { holder, indexes } of occurrences(root, block.path)) {
      const blocks = holder.blocks.get(block.path[block.path.length - 1] as string);
      if (!blocks || blocks.unknown || blocks.instances.length === 0) continue;
      const path: AttributePathStep[] = [];
      block.path.forEach((name, i) => {
        path.push(name);
        if (i < block.path.length - 1) path.push(indexes[i] ?? 0);
      });
      emit('warning', { summary: 'Argument is deprecated', detail: block.message }, path);
    }
  }
  return out;
}

function runValues(
  argument: ArgumentChecks,
  value: TfValue | undefined,
  keys: { name: string; flat: string; path: string },
  indexes: number[],
  emit: (severity: 'error' | 'warning', failure: CheckFailure, path: AttributePathStep[]) => void,
): void {
  if (value === undefined || value === null || isUnknown(value) || !isWhollyKnownValue(value)) return;
  if (isArray(value)) {
    const path = reportPath(argument, indexes);
    if (argument.maxItems !== undefined && value.length > argument.maxItems) {
      emit('error', { summary: 'Too many list items', detail: `Attribute ${keys.flat} supports ${argument.maxItems} item maximum, but config has ${value.length} declared.` }, path);
      return;
    }
    if (argument.minItems !== undefined && value.length < argument.minItems) {
      emit('error', { summary: 'Not enough list items', detail: `Attribute ${keys.flat} requires ${argument.minItems} item minimum, but config has only ${value.length} declared.` }, path);
      return;
    }
    if (!argument.elements) return;
    value.forEach((item, i) => {
      const element = primitive(item);
      if (element === undefined) return;
      const elementKeys = { name: keys.name, flat: `${keys.flat}.${i}`, path: `${keys.path}[${i}]` };
      for (const failure of valueFailures(argument, element, elementKeys)) emit('error', failure, reportPath(argument, indexes, i));
    });
    return;
  }
  if (isObject(value) || argument.elements) return;
  const scalar = primitive(value);
  if (scalar === undefined) return;
  for (const failure of valueFailures(argument, scalar, keys)) emit('error', failure, reportPath(argument, indexes));
}

/**
 * The failures of an argument's checks on one value. One probe value cannot tell whether several validators of
 * an argument are all required (`All`) or alternatives (`Any`, e.g. a period that is one of 10/20/30 or a multiple
 * of 60): when one of them accepts the value, none is reported (never an error Terraform would not give).
 */
function valueFailures(argument: ArgumentChecks, value: PrimitiveValue, keys: { name: string; flat: string; path: string }): CheckFailure[] {
  const results = argument.checks.map((check) => ({ check, failures: runValueCheck(check, value, keys) }));
  // Literal and inferred checks reproduce the provider's recorded answers for this argument: always reported.
  const exact = (kind: string) => kind === 'literal' || kind === 'inferred';
  const general = results.filter((r) => !exact(r.check.kind));
  if (general.length > 1 && general.some((r) => r.failures.length === 0)) return results.filter((r) => exact(r.check.kind)).flatMap((r) => r.failures);
  return results.flatMap((r) => r.failures);
}
