import { describe, expect, it } from 'vitest';
import { renderGoTemplate, type TemplateData } from './go-template.ts';

describe('renderGoTemplate (Go text/template)', () => {
  it.each([
    ['{{.test}}', { test: 'hello world' }, 'hello world'],
    ['{{.test}}', { test: 2023 }, '2023'],
    ['{{range $i, $name := .hellonames}}{{if $i}},{{end}}hello {{$name}}{{end}}', { hellonames: ['rohan', 'john doe'] }, 'hello rohan,hello john doe'],
    ['test {{.foo}} {{.bar}} {{.baz}}', { baz: 1 }, 'test <undefined> <undefined> 1'],
    ['{{if eq .a "x"}}yes{{else if .b}}b{{else}}no{{end}}', { a: 'y', b: true }, 'b'],
    ['{{with .o}}{{.k}}{{end}}|{{range .empty}}x{{else}}none{{end}}', { o: { k: 'v' }, empty: [] }, 'v|none'],
    ['{{- " a " -}} {{ len .xs }} {{index .xs 1}} {{printf "%05.1f" .f}}', { xs: [1, 2, 3], f: 3.14159 }, ' a 3 2 003.1'],
    ['{{.m}} {{.l}} {{/* comment */}}{{not .t | not}}', { m: { b: 2, a: 1 }, l: ['x', 'y'], t: true }, 'map[a:1 b:2] [x y] true'],
    ['{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}', { m: { z: 1, a: 2 } }, 'a=2;z=1;'],
    ['{{html .s}}|{{js .s}}|{{urlquery .s}}|{{print 1 2 "a" 3}}', { s: `<a href="x">'&'</a>` }, `&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;|\\u003Ca href\\u003D\\"x\\"\\u003E\\'\\u0026\\'\\u003C/a\\u003E|%3Ca+href%3D%22x%22%3E%27%26%27%3C%2Fa%3E|1 2a3`],
  ] as Array<[string, TemplateData, string]>)('%s', (template, data, want) => {
    expect(renderGoTemplate(template, data)).toBe(want);
  });

  it('reports template errors', () => {
    expect(() => renderGoTemplate('{{if .a}}x', { a: 1 })).toThrow('unexpected EOF');
    expect(() => renderGoTemplate('{{nope 1}}', {})).toThrow('function "nope" not defined');
  });
});
