import { describe, expect, it } from 'vitest';
import { loadLibrary } from './policy-library.ts';
import { evaluationGroups } from './rego-runner.ts';

const library = loadLibrary().policies;
const of = (type: string) => library.filter((p) => p.resourceTypes[0] === type && !p.resourceTypes.includes('*'));
// Library policies of two resource types, interleaved as a selection could order them.
const buckets = of('aws_s3_bucket').slice(0, 3);
const instances = of('aws_instance').slice(0, 3);
const policies = [buckets[0]!, instances[0]!, buckets[1]!, instances[1]!, buckets[2]!, instances[2]!];
const plan = (resources: number) => ({
  resource_changes: Array.from({ length: resources }, (_, i) => ({ type: i % 2 ? 'aws_instance' : 'aws_s3_bucket', name: `r${i}` })),
});
const ids = (groups: { id: string }[][]) => groups.map((g) => g.map((p) => p.id));

describe('evaluationGroups', () => {
  it('evaluates the policies of a small plan in one query (each group is one more query)', () => {
    expect(ids(evaluationGroups(policies, plan(2)))).toEqual([policies.map((p) => p.id)]);
    expect(ids(evaluationGroups(policies, plan(499)))).toEqual([policies.map((p) => p.id)]);
    expect(ids(evaluationGroups(policies, {}))).toEqual([policies.map((p) => p.id)]);
  });

  it('groups them by resource type for a large plan (so each group’s rule values are released before the next)', () => {
    expect(ids(evaluationGroups(policies, plan(500)))).toEqual([buckets.map((p) => p.id), instances.map((p) => p.id)]);
  });

  it('names at most 64 policies in one query', () => {
    const many = library.filter((p) => !p.resourceTypes.includes('*')).slice(0, 130);
    expect(evaluationGroups(many, plan(2)).map((g) => g.length)).toEqual([64, 64, 2]);
  });
});
