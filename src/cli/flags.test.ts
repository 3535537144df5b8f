import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from './cli.ts';

/** Every (command path, short flag, long flag) of the program. */
function shortFlags(command: Command, path: string[] = []): Array<{ command: string; short: string; long: string }> {
  const here = command.options.flatMap((o) => (o.short ? [{ command: [...path].join(' ') || '(global)', short: o.short, long: o.long ?? '' }] : []));
  return [...here, ...command.commands.flatMap((c) => shortFlags(c, [...path, c.name()]))];
}

describe('short flags', () => {
  it('mean the same thing in every command (the rego commands keep opa\'s own flags)', async () => {
    const program = await createProgram();
    const flags = shortFlags(program).filter((f) => !f.command.startsWith('rego '));
    const meaning = new Map<string, Set<string>>();
    for (const f of flags) meaning.set(f.short, new Set([...(meaning.get(f.short) ?? []), f.long]));
    const conflicts = [...meaning].filter(([, longs]) => longs.size > 1).map(([short, longs]) => `${short}: ${[...longs].join(', ')}`);
    expect(conflicts).toEqual([]);
    expect(meaning.get('-f')).toEqual(new Set(['--file']));
    expect(meaning.get('-o')).toEqual(new Set(['--output']));
  });

  it('check, scan and validate share their input flags, and every command takes --no-color', async () => {
    const program = await createProgram();
    const longs = (name: string) => new Set(program.commands.find((c) => c.name() === name)?.options.map((o) => o.long));
    for (const name of ['check', 'scan', 'validate']) for (const flag of ['--file', '--directory', '--jobs', '--var', '--var-file', '--config']) expect(longs(name)).toContain(flag);
    for (const name of ['check', 'scan']) for (const flag of ['--soft-fail', '--compact', '--quiet', '--check', '--skip-check', '--baseline', '--create-baseline', '--output-dir']) expect(longs(name)).toContain(flag);
    expect(program.options.map((o) => o.long)).toContain('--no-color');
  });
});
