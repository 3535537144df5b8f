// Option helpers shared by the command modules under ./commands/.
import { Option } from 'commander';
import { SEVERITIES } from '../core/severity.ts';

/** commander argument parser for a repeatable option: every occurrence is appended to the list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `--severity <level>` restricted to the severity levels. */
export function severityOption(description: string): Option {
  return new Option('--severity <level>', description).choices([...SEVERITIES]);
}
