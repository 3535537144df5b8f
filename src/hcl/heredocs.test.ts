import { describe, expect, it } from 'vitest';
import { heredocSpans } from './heredocs.ts';

describe('heredocSpans', () => {
  it('finds terminated and unterminated heredocs, with or without indentation', () => {
    const source = 'a = <<EOT\nx\nEOT\nb = <<-END\n  y\n  END\nc = <<OPEN\nz\n';
    expect(heredocSpans(source).map((s) => [source.slice(s.start, s.start + 2 + s.marker.length + (source[s.start + 2] === '-' ? 1 : 0)), s.terminated, s.end])).toEqual([
      ['<<EOT', true, 15],
      ['<<-END', true, 36],
      ['<<OPEN', false, source.length],
    ]);
  });

  it('ignores markers in line comments, after comment markers and inside block comments', () => {
    const source = '# a = <<EOT\n// b = <<EOT\nc = 1 # <<EOT\nd = "#" # x <<EOT\n/*\ne = <<EOT\n*/\nf = "<<EOT"\n';
    expect(heredocSpans(source)).toEqual([]);
  });

  it('opens a heredoc after a quoted # or a closed block comment', () => {
    expect(heredocSpans('a = "#${<<EOT\nx\nEOT\n}"\n')).toHaveLength(1);
    expect(heredocSpans('/* c */ a = <<EOT\nx\nEOT\n')).toHaveLength(1);
  });
});
