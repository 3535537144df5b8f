/**
 * Object recall/precision as defined in the IaC-Eval security study: count each provider / resource type /
 * data source type in the predicted and the reference script; TP = Σ min(pred, gold),
 * recall = TP / Σ gold, precision = TP / Σ pred.
 */
export type ObjectCounts = Map<string, number>;

export interface ObjectMatch {
  recall: number | null;
  precision: number | null;
  /** Number of distinct object types in the prediction. */
  predictedObjectTypes: number;
  truePositives: number;
  predictedTotal: number;
  goldTotal: number;
}

const BLOCK = /^[ \t]*(provider|resource|data)[ \t]+"([^"\n]+)"/gm;

/**
 * Counts top-level provider/resource/data blocks by kind and type (`provider:aws`, `resource:aws_s3_bucket`,
 * `data:aws_iam_policy_document`). Works on text that does not parse (LLM output often does not), and skips
 * commented-out lines and heredoc bodies.
 */
export function countObjects(source: string): ObjectCounts {
  const counts: ObjectCounts = new Map();
  const text = stripCommentsAndHeredocs(source);
  for (const m of text.matchAll(BLOCK)) {
    const key = `${m[1]}:${m[2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function stripCommentsAndHeredocs(source: string): string {
  const out: string[] = [];
  let heredoc: string | undefined;
  let inBlockComment = false;
  for (const line of source.split('\n')) {
    if (heredoc) {
      if (line.trim() === heredoc) heredoc = undefined;
      out.push('');
      continue;
    }
    if (inBlockComment) {
      if (line.includes('*/')) inBlockComment = false;
      out.push('');
      continue;
    }
    const trimmed = line.trimStart();
    if (trimmed.startsWith('#') || trimmed.startsWith('//')) {
      out.push('');
      continue;
    }
    if (trimmed.startsWith('/*') && !trimmed.includes('*/')) {
      inBlockComment = true;
      out.push('');
      continue;
    }
    const h = /<<-?\s*"?([A-Za-z_][A-Za-z0-9_]*)"?\s*$/.exec(line);
    if (h) heredoc = h[1];
    out.push(line);
  }
  return out.join('\n');
}

export function objectMatch(predicted: string, reference: string): ObjectMatch {
  return matchCounts(countObjects(predicted), countObjects(reference));
}

export function matchCounts(pred: ObjectCounts, gold: ObjectCounts): ObjectMatch {
  let tp = 0;
  let predictedTotal = 0;
  let goldTotal = 0;
  for (const [key, n] of pred) {
    predictedTotal += n;
    tp += Math.min(n, gold.get(key) ?? 0);
  }
  for (const n of gold.values()) goldTotal += n;
  return {
    recall: goldTotal ? tp / goldTotal : null,
    precision: predictedTotal ? tp / predictedTotal : null,
    predictedObjectTypes: pred.size,
    truePositives: tp,
    predictedTotal,
    goldTotal,
  };
}
