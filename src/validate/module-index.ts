import type { ModuleCall, Resource, TerraformModule } from '../terraform/model.ts';
import { moduleAddress } from '../terraform/module-address.ts';

/** Declarations of one module, indexed for reference checks (first declaration wins, as in Terraform). */
export interface ModuleIndex {
  module: TerraformModule;
  resources: Map<string, Resource>;
  variables: Set<string>;
  locals: Set<string>;
  moduleCalls: Map<string, ModuleCall>;
  /** `the root module` / `module.a.module.b`, as Terraform names a module in messages. */
  displayName: string;
  /** `.` for the root module, else the module directory relative to the root (Terraform's `path.module`). */
  pathModule: string;
}

export function resourceKey(mode: Resource['mode'], type: string, name: string): string {
  return `${mode}.${type}.${name}`;
}

export function indexModule(module: TerraformModule, pathModule: string): ModuleIndex {
  const resources = new Map<string, Resource>();
  for (const resource of module.resources) {
    const key = resourceKey(resource.mode, resource.type, resource.name);
    if (!resources.has(key)) resources.set(key, resource);
  }
  const moduleCalls = new Map<string, ModuleCall>();
  for (const call of module.moduleCalls) if (!moduleCalls.has(call.name)) moduleCalls.set(call.name, call);
  return {
    module,
    resources,
    variables: new Set(module.variables.map((v) => v.name)),
    locals: new Set(module.locals.map((l) => l.name)),
    moduleCalls,
    displayName: module.path.length === 0 ? 'the root module' : moduleAddress(module.path),
    pathModule,
  };
}
