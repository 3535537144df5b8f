/** What the knowledge base indexes. */
export type KbKind = 'schema' | 'policy' | 'builtin' | 'doc';

export const KB_KINDS: readonly KbKind[] = ['schema', 'policy', 'builtin', 'doc'];

export interface KbDocument {
  /** Unique: `schema:aws_s3_bucket`, `policy:IACPAC_AWS_S3_001`, `builtin:startswith`, `doc:guide.md#2`. */
  id: string;
  kind: KbKind;
  title: string;
  /** Extra searchable words (names split into words, argument names, metadata). */
  keywords: string;
  /** The text a prompt receives when this document is retrieved. */
  text: string;
  /** Where it came from (file or provider address). */
  source: string;
}
