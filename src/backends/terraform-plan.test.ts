import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonical, offlineCopy } from '../../test/helpers/plan-fixtures.ts';
import { synthesizePlan } from '../plan/synthesize.ts';
import { loadConfiguration } from '../terraform/load-module.ts';
import { findBinary } from './find-binary.ts';
import { terraformPlan } from './terraform-plan.ts';

const terraform = findBinary('terraform');
const pluginDir = process.env.IACPAC_TF_PLUGIN_DIR ?? '/opt/tf-plugins';
const live = terraform !== undefined && existsSync(pluginDir);
const casesDir = join(import.meta.dirname, '..', '..', 'src', 'plan', '__fixtures__', 'cases');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!live)('terraform plan backend (needs terraform and a local aws provider)', () => {
  it('produces the same resource changes as the embedded synthesizer', async () => {
    const dir = offlineCopy(join(casesDir, 'expansion'));
    dirs.push(dir);
    const config = await loadConfiguration(dir, { env: {} });
    const real = await terraformPlan(dir, config, { binary: 'terraform', pluginDir, timeoutMs: 240_000 });
    expect(real.diagnostics).toEqual([]);
    const ours = synthesizePlan(config, {}).plan;
    expect(canonical(ours.resource_changes)).toEqual(canonical(real.plan?.resource_changes));
    expect(canonical(ours.planned_values)).toEqual(canonical(real.plan?.planned_values));
    const recorded = JSON.parse(readFileSync(join(casesDir, 'expansion', 'terraform-plan.json'), 'utf8'));
    expect(canonical(real.plan?.resource_changes)).toEqual(canonical(recorded.resource_changes));
  }, 300_000);
});
