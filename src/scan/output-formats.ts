/** The output formats of `check` and `scan` (`--format`, `format:` in `.iacpac.yaml`). */
export const OUTPUT_FORMATS = ['text', 'json', 'jsonl', 'sarif', 'junit'] as const;
