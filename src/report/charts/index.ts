import type { ChartDefinition } from './chart.ts';
import { failedPoliciesVsTypes } from './failed-policies-vs-types.ts';
import { intentScoreDistribution } from './intent-score-distribution.ts';
import { objectsVsTypes } from './objects-vs-types.ts';
import { passAtK } from './pass-at-k.ts';
import { passRateVsAttempts } from './pass-rate-vs-attempts.ts';
import { severityDistribution } from './severity-distribution.ts';

/** Every chart of the report, in display order (explicit list). */
export const CHARTS: readonly ChartDefinition[] = [
  passRateVsAttempts,
  passAtK,
  objectsVsTypes,
  intentScoreDistribution,
  severityDistribution,
  failedPoliciesVsTypes,
];
export type { ChartDefinition } from './chart.ts';
