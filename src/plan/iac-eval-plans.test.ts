import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { canonical, offlineCopy } from '../../test/helpers/plan-fixtures.ts';
import { loadConfiguration } from '../terraform/load-module.ts';
import type { PlanJson, ResourceValuesJson } from './plan-json.ts';
import { synthesizePlan } from './synthesize.ts';

// Every 8th IaC-Eval reference that Terraform 1.11.4 planned offline (scripts/gen-plan-fixtures.ts):
// { index, main_tf, plan } with the real `terraform show -json` output.
const dir = join(import.meta.dirname, '__fixtures__', 'iac-eval');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json.gz'))
  .map((f) => JSON.parse(gunzipSync(readFileSync(join(dir, f))).toString('utf8')) as { index: number; main_tf: string; plan: PlanJson })
  .sort((a, b) => a.index - b.index);

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const tally = { values: 0, valuesEqual: 0, unknown: 0, unknownEqual: 0 };

function resources(module: { resources?: ResourceValuesJson[]; child_modules?: unknown[] } | undefined, out: ResourceValuesJson[] = []): ResourceValuesJson[] {
  for (const r of module?.resources ?? []) out.push(r);
  for (const child of (module?.child_modules ?? []) as Array<typeof module>) resources(child, out);
  return out;
}

describe('synthesised plans of IaC-Eval references agree with the real plans', () => {
  it.each(fixtures.map((f) => [f.index, f] as const))('row %i', async (_index, fixture) => {
    const work = offlineCopy({ 'main.tf': fixture.main_tf });
    dirs.push(work);
    const { plan } = synthesizePlan(await loadConfiguration(work, { env: {} }), { timestamp: fixture.plan.timestamp });
    const real = fixture.plan;
    // configuration resource entries: exactly Terraform's.
    expect(canonical(plan.configuration.root_module.resources)).toEqual(canonical(real.configuration.root_module.resources));
    // resource_changes: same addresses and actions, in Terraform's order.
    const actions = (p: PlanJson) => (p.resource_changes ?? []).map((c) => `${c.address} ${c.change.actions.join()}`);
    expect(actions(plan)).toEqual(actions(real));
    // known values and unknown markers: counted, the rate is asserted below.
    const ours = new Map(resources(plan.planned_values.root_module).map((r) => [r.address, r]));
    for (const r of resources(real.planned_values.root_module)) {
      tally.values++;
      if (JSON.stringify(canonical(ours.get(r.address)?.values ?? {})) === JSON.stringify(canonical(r.values ?? {}))) tally.valuesEqual++;
    }
    const changes = new Map((plan.resource_changes ?? []).map((c) => [c.address, c]));
    for (const c of real.resource_changes ?? []) {
      tally.unknown++;
      if (JSON.stringify(canonical(changes.get(c.address)?.change.after_unknown)) === JSON.stringify(canonical(c.change.after_unknown))) tally.unknownEqual++;
    }
  }, 60_000);

  it('known planned values agree for at least 95% of resources, unknown markers for at least 95%', () => {
    expect(tally.values).toBeGreaterThan(150);
    expect(tally.valuesEqual / tally.values).toBeGreaterThanOrEqual(0.95);
    expect(tally.unknownEqual / tally.unknown).toBeGreaterThanOrEqual(0.95);
  });
});
