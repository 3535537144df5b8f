import { describe, expect, it } from 'vitest';
import { parseSeverities } from '../../../core/severity.ts';
import { resolveOutputs } from './options.ts';

describe('--severity', () => {
  it.each([
    ['high', ['high', 'critical']],
    ['HIGH', ['high', 'critical']],
    ['CRITICAL,high', ['high', 'critical']],
    ['low, Medium', ['low', 'medium']],
  ])('%s', (text, severities) => {
    expect(parseSeverities(text)).toEqual({ severities });
  });

  it('names an unknown level', () => {
    expect(parseSeverities('high,urgent')).toEqual({ invalid: 'urgent' });
  });
});

describe('output targets', () => {
  it.each([
    ['text on stdout by default', undefined, [], undefined, [{ format: 'text' }]],
    ['--format sarif on stdout', 'sarif', [], undefined, [{ format: 'sarif' }]],
    ["Checkov's -o sarif on stdout", undefined, ['sarif'], undefined, [{ format: 'sarif' }]],
    ['-o fmt=file, repeated', undefined, ['text', 'sarif=out/r.sarif', 'junit=j.xml'], undefined, [{ format: 'text' }, { format: 'sarif', file: 'out/r.sarif' }, { format: 'junit', file: 'j.xml' }]],
    ['-o file with --format', 'json', ['report.txt'], undefined, [{ format: 'json', file: 'report.txt' }]],
    ['-o file by extension', undefined, ['r.sarif.json'], undefined, [{ format: 'sarif', file: 'r.sarif.json' }]],
    ['--format a,b --output-dir d', 'text,sarif', [], 'd', [{ format: 'text', file: 'd/iacpac.txt' }, { format: 'sarif', file: 'd/iacpac.sarif' }]],
  ] as const)('%s', (_name, format, specs, dir, expected) => {
    expect(resolveOutputs(format, [...specs], dir)).toEqual(expected);
  });

  it.each([
    ['an unknown format', 'xml', [], undefined, /--format xml: unknown format/],
    ['several formats on stdout', 'text,json', [], undefined, /several formats need --output-dir/],
    ['two stdout outputs', undefined, ['text', 'json'], undefined, /only one output can go to stdout/],
    ['a file of unknown format', undefined, ['report'], undefined, /cannot tell the format of this file; write -o <format>=report/],
  ] as const)('refuses %s', (_name, format, specs, dir, message) => {
    expect(() => resolveOutputs(format, [...specs], dir)).toThrow(message);
  });
});
