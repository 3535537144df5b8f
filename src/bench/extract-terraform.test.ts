import { describe, expect, it } from 'vitest';
import { extractTerraform } from './extract-terraform.ts';

describe('extractTerraform', () => {
  it.each([
    { name: 'hcl fence', answer: 'Here:\n```hcl\nresource "a" "b" {}\n```\nDone.', want: 'resource "a" "b" {}\n' },
    { name: 'terraform fence', answer: '```terraform\nprovider "aws" {}\n```', want: 'provider "aws" {}\n' },
    {
      name: 'several tagged fences are joined',
      answer: '```hcl\nprovider "aws" {}\n```\ntext\n```tf\nresource "x" "y" {}\n```',
      want: 'provider "aws" {}\n\nresource "x" "y" {}\n',
    },
    { name: 'untagged fence that looks like HCL', answer: '```\nresource "x" "y" {\n}\n```', want: 'resource "x" "y" {\n}\n' },
    { name: 'unterminated fence at end of answer', answer: '```hcl\nresource "x" "y" {}\n', want: 'resource "x" "y" {}\n' },
    { name: 'raw HCL without fences', answer: 'resource "x" "y" {\n  a = 1\n}', want: 'resource "x" "y" {\n  a = 1\n}\n' },
    { name: 'no code at all', answer: 'I cannot help with that.', want: undefined },
    { name: 'only a python fence', answer: '```python\nprint(1)\n```', want: undefined },
  ])('$name', ({ answer, want }) => {
    expect(extractTerraform(answer)).toBe(want);
  });
});
