import { literalString } from '../terraform/load-model.ts';
import type { TerraformModule } from '../terraform/model.ts';
import { errorAt, warningAt, type ValidatorDiagnostic } from './diagnostic.ts';

/** The Terraform release whose behaviour the embedded validator reproduces (its recorded fixtures are 1.11.4's). */
export const EMULATED_TERRAFORM_VERSION = '1.11.4';

/** Releases after the emulated one, to tell a constraint that wants a newer Terraform from one that wants an older. */
const LATER_RELEASES = ['1.12.0', '1.13.0', '1.14.0', '1.15.0', '2.0.0'];

interface Version {
  segments: [number, number, number];
  /** How many segments were written (`~> 1.2` has 2). */
  specified: number;
  prerelease: string;
}

function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text.trim());
  if (!m) return undefined;
  const specified = m[3] !== undefined ? 3 : m[2] !== undefined ? 2 : 1;
  return { segments: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], specified, prerelease: m[4] ?? '' };
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a.segments[i] !== b.segments[i]) return (a.segments[i] as number) - (b.segments[i] as number);
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === '') return 1;
  if (b.prerelease === '') return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

/** One go-version constraint (`>= 1.0`, `~> 1.2`, `!= 1.3.0`, `1.5`); undefined when it does not parse. */
function satisfies(version: Version, constraint: string): boolean | undefined {
  const m = /^\s*(~>|>=|<=|!=|=|>|<)?\s*(\S+)\s*$/.exec(constraint);
  if (!m) return undefined;
  const wanted = parseVersion(m[2] as string);
  if (!wanted) return undefined;
  const order = compare(version, wanted);
  switch (m[1] ?? '=') {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '>':
      return order > 0;
    case '<':
      return order < 0;
    case '>=':
      return order >= 0;
    case '<=':
      return order <= 0;
    default: {
      // Pessimistic: at least the constraint, with the segments before the last written one unchanged.
      if (order < 0) return false;
      for (let i = 0; i < wanted.specified - 1; i++) if (version.segments[i] !== wanted.segments[i]) return false;
      return true;
    }
  }
}

/**
 * Terraform's core version check (`required_version` in every module's `terraform` blocks): a constraint the
 * emulated release does not meet stops validation with "Unsupported Terraform Core version", unless a later release
 * meets it (then a warning says the configuration was checked as the emulated release). Constraints that do not
 * parse are left to the configuration loader.
 */
export function coreVersionDiagnostics(modules: readonly TerraformModule[], release = EMULATED_TERRAFORM_VERSION): ValidatorDiagnostic[] {
  const version = parseVersion(release) as Version;
  const out: ValidatorDiagnostic[] = [];
  for (const module of modules) {
    for (const settings of module.terraform) {
      const attribute = settings.block.body.attributes.find((a) => a.name === 'required_version');
      const text = literalString(attribute?.expr);
      if (!attribute || text === undefined) continue;
      const parts = text.split(',');
      const accepts = (candidate: Version) => parts.map((part) => satisfies(candidate, part));
      const results = accepts(version);
      if (results.some((r) => r === undefined) || results.every((r) => r === true)) continue;
      // A constraint that only a later release meets: that release may accept language this validator does not
      // model, so the verdict is not Terraform's error but a note that the configuration was checked as 1.11.4.
      if (LATER_RELEASES.some((later) => accepts(parseVersion(later) as Version).every((r) => r === true))) {
        out.push(
          warningAt(
            'later-core-version',
            'Configuration requires a later Terraform version',
            `This configuration requires Terraform ${text.trim()}; iacpac's embedded validator follows Terraform ${release}, so language features of later releases are not recognised. Validate with --engine terraform to use your installed release.`,
            attribute.range,
          ),
        );
        continue;
      }
      out.push(
        errorAt(
          'unsupported-core-version',
          'Unsupported Terraform Core version',
          `This configuration does not support Terraform version ${release}. To proceed, either choose another supported Terraform version or update this version constraint. Version constraints are normally set for good reason, so updating the constraint may lead to other errors or unexpected behavior.`,
          attribute.range,
        ),
      );
    }
  }
  return out;
}
