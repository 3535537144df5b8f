// Regenerates docs/iacpac.schema.json (the JSON Schema of .iacpac.yaml) from the zod schema the CLI checks the file
// with: npx tsx scripts/gen-config-schema.ts [--check]  (--check exits 1 when the committed file is out of date)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { iacpacConfigSchema } from '../src/cli/config-schema.ts';

export function renderConfigSchema(): string {
  const schema = zodToJsonSchema(iacpacConfigSchema, { target: 'jsonSchema7', $refStrategy: 'none' }) as Record<string, unknown>;
  return `${JSON.stringify(
    {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'https://github.com/iacpac/iacpac/blob/main/docs/iacpac.schema.json',
      title: 'iacpac configuration (.iacpac.yaml / .iacpac.yml)',
      description: 'Settings of every iacpac command: check/scan/validate at the top level (command-line options win), llm and generate for the generator. Generated from src/cli/config-schema.ts.',
      ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
    },
    null,
    2,
  )}\n`;
}

const file = join(import.meta.dirname, '..', 'docs', 'iacpac.schema.json');
if (import.meta.url === `file://${process.argv[1]}`) {
  const text = renderConfigSchema();
  if (process.argv.includes('--check')) {
    if (readFileSync(file, 'utf8') !== text) {
      process.stderr.write('docs/iacpac.schema.json is out of date; run npx tsx scripts/gen-config-schema.ts\n');
      process.exit(1);
    }
  } else {
    writeFileSync(file, text);
    process.stdout.write('wrote docs/iacpac.schema.json\n');
  }
}
