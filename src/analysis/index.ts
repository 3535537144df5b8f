/**
 * One analysis per configuration: load once, then validation, plan, scans and Rego evaluation on demand, each
 * computed at most once and shared.
 *
 *   const analysis = await analyze('./infra');
 *   analysis.validation.valid; analysis.plan.plan; analysis.scan(new Scanner({ severity: 'high' }));
 */
export { analyze, Analysis, analysisCounters, type AnalyzeOptions, type LoadedConfiguration } from './analyze.ts';
export { checkDirectories, type CheckResult } from './check.ts';
export { scanDirectory, scanPaths } from './scan-paths.ts';
