// Meta-tests over the policy library: the index, ids, metadata, fixtures, severities and generated docs agree.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryDir, loadLibrary, readLibraryIndex } from '../../src/scan/policy-library.ts';
import { checkovExceptions, policyDocsPath, publishedSeverities, renderLibraryDocs } from '../../scripts/policy-docs-source.ts';
import { describeWithShared, sharedPath } from '../helpers/shared-data.ts';

const dir = libraryDir();
const index = readLibraryIndex();
const { policies } = loadLibrary();

function regoFiles(path: string): string[] {
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    if (statSync(full).isDirectory()) return name === 'fixtures' ? [] : regoFiles(full);
    return name.endsWith('.rego') ? [full] : [];
  });
}

describe('policy library index', () => {
  it('lists every policy file under policies/aws and policies/terraform exactly once', () => {
    const files = [...regoFiles(join(dir, 'aws')), ...regoFiles(join(dir, 'terraform'))].map((f) => relative(dir, f).split('\\').join('/')).sort();
    expect(index.map((e) => e.file).sort()).toEqual(files);
  });

  it('is sorted by id and has unique ids', () => {
    const ids = index.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers at least 250 AWS policies', () => {
    expect(policies.length).toBeGreaterThanOrEqual(250);
  });
});

describe.each(policies.map((p) => [p.id, p] as const))('%s', (id, policy) => {
  const rel = relative(dir, policy.file).split('\\').join('/');
  // policies/aws/<service>/ (AWS resources, each mapped to Checkov) or policies/terraform/<topic>/ (any provider).
  const [family, service, fileName] = rel.split('/') as ['aws' | 'terraform', string, string];
  const aws = family === 'aws';

  it('id, file, service and package agree', () => {
    expect(id).toMatch(new RegExp(`^IACPAC_${aws ? 'AWS' : 'TF'}_${service.toUpperCase()}_\\d{3}$`));
    expect(policy.packagePath).toEqual(['iacpac', family, service, fileName.replace(/\.rego$/, '')]);
  });

  it('has complete metadata', () => {
    expect(policy.title.length).toBeGreaterThan(10);
    expect(policy.description.length).toBeGreaterThan(20);
    expect(policy.remediation.length).toBeGreaterThan(10);
    expect(policy.resourceTypes.length).toBeGreaterThan(0);
    for (const type of policy.resourceTypes) expect(type).toMatch(aws ? /^(aws(_[a-z0-9_]+)?|http)$/ : /^(\*|[a-z][a-z0-9_]*)$/);
    if (aws) expect(policy.references.checkov?.length ?? 0).toBeGreaterThan(0);
    for (const ref of policy.references.checkov ?? []) expect(ref).toMatch(/^CKV2?_AWS_\d+$/);
  });

  it('has pass and fail fixtures', () => {
    const fixtures = join(dirname(policy.file), 'fixtures', id);
    expect(existsSync(join(fixtures, 'pass.tf'))).toBe(true);
    expect(existsSync(join(fixtures, 'fail.tf'))).toBe(true);
  });

  it('declares a deny rule in Rego v1', () => {
    expect(policy.source).toMatch(/^import rego\.v1$/m);
    expect(policy.source).toMatch(/^deny contains finding if \{$/m);
  });
});

describe('cross-references', () => {
  it('maps each Checkov id to one policy', () => {
    const seen = new Map<string, string>();
    for (const p of policies) {
      for (const ref of p.references.checkov ?? []) {
        expect(seen.get(ref), `${ref} in ${p.id} and ${seen.get(ref)}`).toBeUndefined();
        seen.set(ref, p.id);
      }
    }
  });

  const published = publishedSeverities();
  it('uses the published severity of the cross-referenced Checkov check where there is one', () => {
    const mismatches = policies.flatMap((p) => {
      const ref = (p.references.checkov ?? []).find((id) => published.has(id));
      return ref && published.get(ref) !== p.severity ? [`${p.id}: ${p.severity} vs ${ref} ${published.get(ref)}`] : [];
    });
    expect(mismatches).toEqual([]);
  });
});

describe('docs/policies.md', () => {
  it('is up to date with the metadata (run npx tsx scripts/gen-policy-docs.ts)', () => {
    expect(readFileSync(policyDocsPath, 'utf8')).toBe(renderLibraryDocs());
  });
});

describeWithShared(['data', 'checkov', 'severity.csv'], 'assets/baselines/checkov-severity.json', () => {
  it('equals the published mapping in ../shared/data/checkov/severity.csv', () => {
    const csv = new Map<string, string>();
    for (const line of readFileSync(sharedPath('data', 'checkov', 'severity.csv'), 'utf8').split('\n').slice(1)) {
      const [id, severity] = line.split(',');
      if (id && severity) csv.set(id, severity.trim());
    }
    expect(Object.fromEntries(publishedSeverities())).toEqual(Object.fromEntries(csv));
  });
});

describeWithShared(['data', 'checkov-tests', 'checks.jsonl'], 'the Checkov catalogue coverage', () => {
  const exceptions = checkovExceptions();
  const mapped = new Set(policies.flatMap((p) => p.references.checkov ?? []));
  const catalogue = readFileSync(sharedPath('data', 'checkov-tests', 'checks.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; resource_types: string[] });

  it('every AWS Terraform check of Checkov 3.3.13 has a policy or is a listed exception, never both', () => {
    const excepted = new Set(exceptions.map((e) => e.checkov));
    expect(catalogue.filter((c) => !mapped.has(c.id) && !excepted.has(c.id)).map((c) => c.id)).toEqual([]);
    expect([...excepted].filter((id) => mapped.has(id))).toEqual([]);
  });

  it('each exception names a Checkov check of the catalogue, its resource types and a reason', () => {
    const byId = new Map(catalogue.map((c) => [c.id, c]));
    for (const e of exceptions) {
      expect(byId.get(e.checkov)?.resource_types).toEqual(e.resource_types);
      expect(e.reason.length).toBeGreaterThan(40);
    }
  });
});
