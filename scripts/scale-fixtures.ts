// Generated Terraform configurations of a given size, for `npm run bench:scale` (scripts/bench-scale.ts): a root module
// of N AWS resources (a realistic mix, 500 per file, as a large repository would split them) and a repository of many
// small roots. Deterministic: the same N always gives the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HEADER = `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

variable "vpc_id" {
  type    = string
  default = "vpc-0123456789abcdef0"
}

locals {
  tags = {
    team = "platform"
    env  = "prod"
  }
}
`;

/** Resource number `i` of a configuration: a cycle of seven kinds, referencing each other as real code does. */
function resource(i: number): string {
  const g = Math.floor(i / 7);
  switch (i % 7) {
    case 0:
      return `resource "aws_s3_bucket" "b${g}" {\n  bucket = "acme-data-${g}"\n  tags   = local.tags\n}\n`;
    case 1:
      return `resource "aws_s3_bucket_versioning" "b${g}" {\n  bucket = aws_s3_bucket.b${g}.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`;
    case 2:
      return `resource "aws_s3_bucket_public_access_block" "b${g}" {\n  bucket                  = aws_s3_bucket.b${g}.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = ${g % 5 !== 0}\n}\n`;
    case 3:
      return `resource "aws_security_group" "s${g}" {\n  name   = "app-${g}"\n  vpc_id = var.vpc_id\n\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["${g % 4 === 0 ? '0.0.0.0/0' : '10.0.0.0/8'}"]\n  }\n\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`;
    case 4:
      return `resource "aws_iam_role" "r${g}" {\n  name = "app-${g}"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Action    = "sts:AssumeRole"\n      Effect    = "Allow"\n      Principal = { Service = "ec2.amazonaws.com" }\n    }]\n  })\n  tags = local.tags\n}\n`;
    case 5:
      return `resource "aws_cloudwatch_log_group" "l${g}" {\n  name              = "/app/${g}"\n  retention_in_days = ${g % 3 === 0 ? 0 : 365}\n}\n`;
    default:
      return `resource "aws_sqs_queue" "q${g}" {\n  name                      = "jobs-${g}"\n  message_retention_seconds = 86400\n  sqs_managed_sse_enabled   = ${g % 2 === 0}\n}\n`;
  }
}

export const RESOURCES_PER_FILE = 500;

/** Writes a root module of `count` resources into `dir` (created); returns its size in bytes. */
export function writeRoot(dir: string, count: number): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  const write = (name: string, text: string): void => {
    writeFileSync(join(dir, name), text);
    bytes += Buffer.byteLength(text);
  };
  write('main.tf', HEADER);
  for (let start = 0; start < count; start += RESOURCES_PER_FILE) {
    const end = Math.min(count, start + RESOURCES_PER_FILE);
    let text = '';
    for (let i = start; i < end; i++) text += `${resource(i)}\n`;
    write(`resources_${String(start / RESOURCES_PER_FILE).padStart(3, '0')}.tf`, text);
  }
  return bytes;
}

/** Writes `roots` root modules of `resourcesEach` resources under `dir` (as `services/<n>/`); returns the total bytes. */
export function writeRepository(dir: string, roots: number, resourcesEach: number): number {
  let bytes = 0;
  for (let r = 0; r < roots; r++) bytes += writeRoot(join(dir, 'services', `svc-${String(r).padStart(3, '0')}`), resourcesEach);
  return bytes;
}
