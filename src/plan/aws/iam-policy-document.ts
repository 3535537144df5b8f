import { crc32 } from 'node:zlib';
import { isObject, Sensitive, type TfObject, type TfValue } from '../../terraform/eval/value.ts';
import { goJson } from './go-json.ts';

/**
 * `data "aws_iam_policy_document"` computed the way the AWS provider does during plan (it needs no API
 * call): statements in order, string sets as one string when single, else reverse-sorted; principals
 * and conditions grouped by type/test; `json` is Go's MarshalIndent, `minified_json` Marshal, `id` the
 * CRC-32 of `json`. Input is the planned configuration object (all known); returns the read value.
 */
export function readIamPolicyDocument(config: TfObject): TfObject {
  const statements: Array<Record<string, unknown>> = [];
  const bySid = new Map<string, number>();
  const add = (statement: Record<string, unknown>) => {
    const sid = typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : undefined;
    if (sid !== undefined && bySid.has(sid)) {
      statements[bySid.get(sid)!] = statement;
      return;
    }
    if (sid !== undefined) bySid.set(sid, statements.length);
    statements.push(statement);
  };
  let version: unknown;
  let id: unknown;
  for (const source of stringList(config.source_policy_documents)) {
    const doc = parseDoc(source);
    if (!doc) continue;
    version ??= doc.Version;
    id ??= doc.Id;
    for (const s of doc.Statement) add(s);
  }
  for (const block of list(config.statement)) if (isObject(block)) add(statementFromConfig(block));
  for (const source of stringList(config.override_policy_documents)) {
    const doc = parseDoc(source);
    if (!doc) continue;
    for (const s of doc.Statement) add(s);
  }
  const doc: Record<string, unknown> = {
    Version: str(config.version) || (typeof version === 'string' ? version : '') || '2012-10-17',
    Id: str(config.policy_id) || (typeof id === 'string' ? id : undefined) || undefined,
    Statement: statements.map(orderStatement),
  };
  const json = goJson(doc, { indent: true });
  const minified = goJson(doc);
  const out: TfObject = { ...config };
  out.id = String(crc32(Buffer.from(json, 'utf8')));
  out.json = json;
  out.minified_json = minified;
  out.version = doc.Version as string;
  out.statement = list(config.statement).map((block) => (isObject(block) ? readStatement(block) : block));
  return out;
}

const STATEMENT_SETS = ['actions', 'not_actions', 'resources', 'not_resources'];

/** The statement block as the provider stores it: unset sets as [], nested blocks as lists. */
function readStatement(block: TfObject): TfObject {
  const out: TfObject = { ...block };
  for (const key of STATEMENT_SETS) if (out[key] === null || out[key] === undefined) out[key] = [];
  for (const key of ['principals', 'not_principals', 'condition']) if (out[key] === null || out[key] === undefined) out[key] = [];
  if (out.effect === null || out.effect === undefined) out.effect = 'Allow';
  if (out.sid === null || out.sid === undefined) out.sid = '';
  return out;
}

function statementFromConfig(block: TfObject): Record<string, unknown> {
  const statement: Record<string, unknown> = {};
  const sid = str(block.sid);
  if (sid) statement.Sid = sid;
  statement.Effect = str(block.effect) || 'Allow';
  const actions = stringList(block.actions);
  if (actions.length > 0) statement.Action = decodeStringList(actions);
  const notActions = stringList(block.not_actions);
  if (notActions.length > 0) statement.NotAction = decodeStringList(notActions);
  const resources = stringList(block.resources).map(interpolate);
  if (resources.length > 0) statement.Resource = decodeStringList(resources);
  const notResources = stringList(block.not_resources).map(interpolate);
  if (notResources.length > 0) statement.NotResource = decodeStringList(notResources);
  const principals = principalSet(list(block.principals));
  if (principals !== undefined) statement.Principal = principals;
  const notPrincipals = principalSet(list(block.not_principals));
  if (notPrincipals !== undefined) statement.NotPrincipal = notPrincipals;
  const conditions = conditionSet(list(block.condition));
  if (conditions !== undefined) statement.Condition = conditions;
  return statement;
}

const STATEMENT_ORDER = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition'];

/** Field order of the provider's IAMPolicyStatement struct (source documents re-encoded through it). */
function orderStatement(statement: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of STATEMENT_ORDER) {
    const v = statement[key];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = key === 'Condition' || (key.endsWith('Principal') && typeof v === 'object') ? sortedRecord(v) : v;
  }
  return out;
}

function sortedRecord(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortedRecord((v as Record<string, unknown>)[k]);
  return out;
}

/** One string when there is one, else reverse-sorted (the provider's policyDecodeConfigStringList). */
function decodeStringList(items: string[]): string | string[] {
  if (items.length === 1) return items[0]!;
  return [...items].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/** `&{aws:username}` is the provider's escape for an IAM policy variable `${aws:username}`. */
function interpolate(resource: string): string {
  return resource.replaceAll('&{', '${');
}

function principalSet(blocks: TfValue[]): unknown {
  const principals = blocks.filter(isObject).map((p) => ({ type: str(p.type), identifiers: decodeStringList(stringList(p.identifiers)) }));
  if (principals.length === 0) return undefined;
  if (principals.length === 1) {
    const p = principals[0]!;
    if (p.type === '*' && (p.identifiers === '*' || (Array.isArray(p.identifiers) && p.identifiers.length === 1 && p.identifiers[0] === '*'))) {
      return '*';
    }
  }
  const raw: Record<string, string | string[]> = {};
  for (const p of principals) {
    const existing = raw[p.type];
    if (Array.isArray(p.identifiers)) {
      raw[p.type] = existing === undefined ? [...p.identifiers] : [...(Array.isArray(existing) ? existing : [existing]), ...p.identifiers];
    } else {
      raw[p.type] = existing === undefined ? p.identifiers : [...(Array.isArray(existing) ? existing : [existing]), p.identifiers];
    }
  }
  return raw;
}

function conditionSet(blocks: TfValue[]): unknown {
  const conditions = blocks.filter(isObject);
  if (conditions.length === 0) return undefined;
  const raw: Record<string, Record<string, string | string[]>> = {};
  for (const c of conditions) {
    const test = str(c.test);
    const variable = str(c.variable);
    // Condition values keep their order (one value is written as a string).
    const list = stringList(c.values);
    const values = list.length === 1 ? list[0]! : list;
    const byTest = (raw[test] ??= {});
    const existing = byTest[variable];
    if (existing === undefined) byTest[variable] = values;
    else byTest[variable] = [...(Array.isArray(existing) ? existing : [existing]), ...(Array.isArray(values) ? values : [values])];
  }
  return raw;
}

interface ParsedDoc {
  Version?: unknown;
  Id?: unknown;
  Statement: Array<Record<string, unknown>>;
}

function parseDoc(text: string): ParsedDoc | undefined {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const statement = parsed.Statement;
    const list = Array.isArray(statement) ? statement : statement && typeof statement === 'object' ? [statement] : [];
    return { Version: parsed.Version, Id: parsed.Id, Statement: list.filter((s) => s && typeof s === 'object') as Array<Record<string, unknown>> };
  } catch {
    return undefined;
  }
}

function unmark(v: TfValue | undefined): TfValue | undefined {
  return v instanceof Sensitive ? v.value : v;
}

function str(v: TfValue | undefined): string {
  const u = unmark(v);
  return typeof u === 'string' ? u : '';
}

function list(v: TfValue | undefined): TfValue[] {
  const u = unmark(v);
  return Array.isArray(u) ? u : [];
}

function stringList(v: TfValue | undefined): string[] {
  return list(v)
    .map(unmark)
    .filter((x): x is string => typeof x === 'string');
}
