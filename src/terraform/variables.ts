import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';
import { InputError } from '../core/errors.ts';
import type { Expression, HclFile } from '../hcl/ast.ts';
import { parseHclFile } from '../hcl/parse.ts';
import { readSourceFile, type ByteBudget } from './load-files.ts';
import type { Variable, VariableValues } from './model.ts';

/**
 * Root module input values, in Terraform's precedence order (later wins): `TF_VAR_name` environment
 * variables, `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars` / `*.auto.tfvars.json`
 * (lexical order), then `--var-file` files and `--var name=value` options.
 */

export interface VariableOptions {
  varFiles?: string[];
  vars?: string[];
  /** Environment for `TF_VAR_*` (default: process.env). */
  env?: Record<string, string | undefined>;
}

/** What `constantValue` returns for an expression that is not a constant. */
export const NON_CONSTANT: unique symbol = Symbol('non-constant');

/** Value of an expression that uses no variables or functions (what tfvars files may contain). */
export function constantValue(expr: Expression): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'template': {
      let text = '';
      for (const part of expr.parts) {
        if (part.kind === 'text') text += part.value;
        else if (part.kind === 'interpolation') {
          const value = constantValue(part.expr);
          if (value === NON_CONSTANT || (typeof value === 'object' && value !== null)) return NON_CONSTANT;
          text += String(value);
        } else return NON_CONSTANT;
      }
      return text;
    }
    case 'tuple': {
      const items = expr.items.map(constantValue);
      return items.includes(NON_CONSTANT) ? NON_CONSTANT : items;
    }
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const item of expr.items) {
        const key = constantValue(item.key);
        const value = constantValue(item.value);
        if (key === NON_CONSTANT || value === NON_CONSTANT || key === null || typeof key === 'object') return NON_CONSTANT;
        result[String(key)] = value;
      }
      return result;
    }
    case 'parens':
      return constantValue(expr.expr);
    case 'unary': {
      const value = constantValue(expr.operand);
      if (expr.op === '-' && typeof value === 'number') return -value;
      if (expr.op === '!' && typeof value === 'boolean') return !value;
      return NON_CONSTANT;
    }
    default:
      return NON_CONSTANT;
  }
}

function nonConstantDiagnostic(expr: Expression): Diagnostic {
  const calls = expr.kind === 'call';
  return {
    severity: 'error',
    summary: calls ? 'Function calls not allowed' : 'Variables not allowed',
    detail: calls ? 'Functions may not be called here.' : 'Variables may not be used here.',
    range: expr.range,
    source: 'tfvars',
    code: calls ? 'tfvars-function-call' : 'tfvars-variable',
  };
}

/** True when a variable's type constraint is a primitive (string/number/bool): `--var` takes its value raw. */
function isPrimitiveType(variable: Variable | undefined): boolean {
  const type = variable?.type;
  if (!type) return true;
  return type.kind === 'traversal' && type.steps.length === 0 && ['string', 'number', 'bool'].includes(type.root);
}

export async function loadVariableValues(
  rootDir: string,
  variables: Variable[],
  options: VariableOptions,
  diagnostics: Diagnostic[],
  reading: { budget?: ByteBudget; automatic?: boolean } = {},
): Promise<VariableValues> {
  const values: VariableValues = {};
  const declared = new Map(variables.map((v) => [v.name, v] as const));
  const env = reading.automatic === false ? {} : (options.env ?? process.env);
  for (const [key, raw] of Object.entries(env)) {
    if (!key.startsWith('TF_VAR_') || raw === undefined) continue;
    const name = key.slice('TF_VAR_'.length);
    const variable = declared.get(name);
    if (!variable) continue; // Terraform ignores undeclared TF_VAR_ variables silently.
    const value = await parseCliValue(raw, variable, diagnostics);
    if (value !== NON_CONSTANT) values[name] = { value, source: `env:TF_VAR_${name}` };
  }

  const files: string[] = [];
  if (reading.automatic !== false) files.push(...(await automaticVarFiles(rootDir)));
  for (const name of files) await applyFile(join(rootDir, name), name, values, declared, diagnostics, reading.budget);
  for (const file of options.varFiles ?? []) {
    const path = isAbsolute(file) ? file : join(process.cwd(), file);
    if (!existsSync(path)) throw new InputError(`--var-file ${file}: no such file; check the path (relative paths are from the current directory)`);
    await applyFile(path, file, values, declared, diagnostics, reading.budget);
  }
  for (const assignment of options.vars ?? []) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new InputError(`--var ${JSON.stringify(assignment)}: expected name=value, e.g. --var region=us-east-1`);
    const name = assignment.slice(0, eq).trim();
    const raw = assignment.slice(eq + 1);
    const variable = declared.get(name);
    if (!variable) {
      diagnostics.push({
        severity: 'error',
        summary: 'Value for undeclared variable',
        detail: `A variable named "${name}" was assigned on the command line, but the root module does not declare a variable of that name. To use this value, add a "variable" block to the configuration.`,
        source: 'tfvars',
        code: 'undeclared-variable',
      });
      continue;
    }
    const value = await parseCliValue(raw, variable, diagnostics);
    if (value !== NON_CONSTANT) values[name] = { value, source: 'cli' };
  }
  return values;
}

/** terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars[.json] in lexical order. */
async function automaticVarFiles(rootDir: string): Promise<string[]> {
  const files: string[] = [];
  if (existsSync(join(rootDir, 'terraform.tfvars'))) files.push('terraform.tfvars');
  if (existsSync(join(rootDir, 'terraform.tfvars.json'))) files.push('terraform.tfvars.json');
  const auto = (await readdir(rootDir, { withFileTypes: true }))
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && (e.name.endsWith('.auto.tfvars') || e.name.endsWith('.auto.tfvars.json')))
    .map((e) => e.name)
    .sort();
  files.push(...auto);
  return files;
}

async function parseCliValue(raw: string, variable: Variable, diagnostics: Diagnostic[]): Promise<unknown> {
  if (isPrimitiveType(variable)) return raw;
  const file = await parseHclFile(`<value for var.${variable.name}>`, `v = ${raw}\n`);
  const expr = file.body.attributes[0]?.expr;
  if (file.syntaxErrors.length > 0 || !expr) {
    diagnostics.push(...file.syntaxErrors.map((d) => ({ ...d, source: 'tfvars' })));
    return NON_CONSTANT;
  }
  const value = constantValue(expr);
  if (value === NON_CONSTANT) diagnostics.push(nonConstantDiagnostic(expr));
  return value;
}

async function applyFile(
  path: string,
  displayName: string,
  values: VariableValues,
  declared: Map<string, Variable>,
  diagnostics: Diagnostic[],
  budget?: ByteBudget,
): Promise<HclFile> {
  const source = await readSourceFile(path, displayName, budget);
  const file = await parseHclFile(displayName, source);
  diagnostics.push(...file.syntaxErrors.map((d) => ({ ...d, source: 'tfvars' })));
  for (const block of file.body.blocks) {
    diagnostics.push({
      severity: 'error',
      summary: `Unexpected "${block.type}" block`,
      detail: 'Blocks are not allowed here.',
      range: block.typeRange,
      source: 'tfvars',
      code: 'tfvars-block',
    });
  }
  for (const attr of file.body.attributes) {
    if (!declared.has(attr.name)) {
      diagnostics.push({
        severity: 'warning',
        summary: 'Value for undeclared variable',
        detail: `The root module does not declare a variable named "${attr.name}" but a value was found in file "${displayName}". If you meant to use this value, add a "variable" block to the configuration.\n\nTo silence these warnings, use TF_VAR_... environment variables to provide certain "global" settings to all configurations in your organization. To reduce the verbosity of these warnings, use the -compact-warnings option.`,
        source: 'tfvars',
        code: 'undeclared-variable',
      });
      continue;
    }
    const value = constantValue(attr.expr);
    if (value === NON_CONSTANT) {
      diagnostics.push(nonConstantDiagnostic(attr.expr));
      continue;
    }
    values[attr.name] = { value, source: displayName };
  }
  return file;
}
