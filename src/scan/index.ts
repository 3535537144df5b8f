// Public API of the security scanner.
export { Scanner, scanPlan, type ScanOptions } from './scanner.ts';
export { SEVERITIES, isBlocking, severityRank, type Finding, type FindingSeverity, type ScanError, type ScanResult, type Severity } from './finding.ts';
export { loadLibrary, loadPolicyDir, type PolicySet } from './policy-library.ts';
export { readPolicyMetadata, type PolicyInfo } from './policy-metadata.ts';
export { mapCheckovReport } from './checkov.ts';
export { renderText } from './outputs/text.ts';
export { renderJson, renderJsonl } from './outputs/json.ts';
export { renderSarif } from './outputs/sarif.ts';
export { renderJunit } from './outputs/junit.ts';
