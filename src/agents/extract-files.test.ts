import { describe, expect, it } from 'vitest';
import { extractFiles } from './extract-files.ts';

const fence = '```';

describe('extractFiles', () => {
  it.each([
    ['info string file=', `${fence}hcl file=main.tf\nresource "a" "b" {}\n${fence}`, [{ path: 'main.tf', content: 'resource "a" "b" {}\n' }]],
    ['language:name', `${fence}terraform:network.tf\nresource "a" "b" {}\n${fence}`, [{ path: 'network.tf', content: 'resource "a" "b" {}\n' }]],
    ['second word', `${fence}hcl variables.tf\nvariable "x" {}\n${fence}`, [{ path: 'variables.tf', content: 'variable "x" {}\n' }]],
    ['first-line comment', `${fence}hcl\n# file: outputs.tf\noutput "o" {\n  value = 1\n}\n${fence}`, [{ path: 'outputs.tf', content: 'output "o" {\n  value = 1\n}\n' }]],
    ['bold name before the fence', `**s3.tf**\n${fence}hcl\nresource "a" "b" {}\n${fence}`, [{ path: 's3.tf', content: 'resource "a" "b" {}\n' }]],
    ['unnamed blocks', `${fence}hcl\nresource "a" "b" {}\n${fence}\ntext\n${fence}terraform\nresource "c" "d" {}\n${fence}`, [
      { path: 'main.tf', content: 'resource "a" "b" {}\n' },
      { path: 'main_2.tf', content: 'resource "c" "d" {}\n' },
    ]],
    ['unlabelled fence that looks like Terraform', `${fence}\nresource "a" "b" {\n}\n${fence}`, [{ path: 'main.tf', content: 'resource "a" "b" {\n}\n' }]],
  ])('terraform: %s', (_name, reply, files) => {
    expect(extractFiles(reply, 'terraform').files).toEqual(files);
  });

  it('puts Rego under policies/ and names unnamed modules after their package', () => {
    const reply = `${fence}rego\npackage iacpac.generated.s3_encryption\n\nimport rego.v1\n${fence}\n${fence}rego\npackage iacpac.generated.s3_encryption\n\ntest_x if { true }\n${fence}\n${fence}hcl file=main.tf\nx\n${fence}`;
    expect(extractFiles(reply, 'rego').files.map((f) => f.path)).toEqual(['policies/s3_encryption.rego', 'policies/s3_encryption_test.rego']);
  });

  it.each([
    ['../../etc/x', 'x.tf'],
    ['/etc/passwd', 'passwd.tf'],
    ['..\\..\\windows\\evil.tf', 'evil.tf'],
    ['sub/dir/../main.tf', 'main.tf'],
    ['.hidden.tf', 'hidden.tf'],
    ['we$ird;name.tf', 'we_ird_name.tf'],
  ])('confines the model-chosen name %j to %j', (name, path) => {
    const result = extractFiles(`${fence}hcl file=${name}\nresource "a" "b" {}\n${fence}`, 'terraform');
    expect(result.files.map((f) => f.path)).toEqual([path]);
  });

  it('confines a name given in a first-line comment and reports the rename', () => {
    const result = extractFiles(`${fence}hcl\n// file: ../../etc/x\nresource "a" "b" {}\n${fence}`, 'terraform');
    expect(result.files).toEqual([{ path: 'x.tf', content: 'resource "a" "b" {}\n' }]);
    expect(result.notices).toEqual(['renamed "../../etc/x" to "x.tf"']);
  });

  it('drops names that leave nothing usable, and the tool\'s own output names', () => {
    const result = extractFiles(`${fence}hcl file=../..\nresource "a" "b" {}\n${fence}\n${fence}hcl file=report.json\n{}\n${fence}`, 'terraform');
    expect(result.files).toEqual([]);
    expect(result.notices).toEqual(['dropped a terraform file with an unusable name "../.."', 'dropped a terraform file with an unusable name "report.json"']);
  });

  it('counts code blocks so a reply without any code can be told apart', () => {
    expect(extractFiles('I cannot help with that.', 'terraform')).toEqual({ files: [], blockCount: 0, notices: [] });
    expect(extractFiles(`${fence}bash\nrm -rf /\n${fence}`, 'terraform')).toEqual({ files: [], blockCount: 1, notices: [] });
  });

  it('merges two blocks with the same name', () => {
    const result = extractFiles(`${fence}hcl file=main.tf\na\n${fence}\n${fence}hcl file=main.tf\nb\n${fence}`, 'terraform');
    expect(result.files).toEqual([{ path: 'main.tf', content: 'a\n\nb\n' }]);
    expect(result.notices).toEqual(['merged two blocks named "main.tf"']);
  });

  it('reads a block that is never closed up to the end of the reply', () => {
    expect(extractFiles(`${fence}hcl file=main.tf\nresource "a" "b" {}`, 'terraform').files).toEqual([{ path: 'main.tf', content: 'resource "a" "b" {}\n' }]);
  });

  it('bounds the number and size of files one reply can write', () => {
    const many = Array.from({ length: 60 }, (_, i) => `${fence}hcl file=f${i}.tf\nx\n${fence}`).join('\n');
    const result = extractFiles(many, 'terraform');
    expect(result.files).toHaveLength(50);
    expect(result.notices.at(-1)).toBe('dropped "f59.tf": more than 50 files in one reply');
    const huge = extractFiles(`${fence}hcl file=big.tf\n${'a'.repeat(1_000_001)}\n${fence}`, 'terraform');
    expect([huge.files, huge.notices]).toEqual([[], ['dropped "big.tf": larger than 1000000 bytes']]);
  });
});
