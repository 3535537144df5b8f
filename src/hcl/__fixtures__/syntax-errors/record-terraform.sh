#!/bin/sh
# Records `terraform validate -json` for each broken fixture as <name>.terraform.json (run from anywhere).
# Each fixture is copied as main.tf into a temporary directory; the fixtures declare no providers, so no init is needed.
set -e
here=$(cd "$(dirname "$0")" && pwd)
for f in "$here"/*.tf; do
  name=$(basename "$f" .tf)
  tmp=$(mktemp -d)
  cp "$f" "$tmp/main.tf"
  (cd "$tmp" && TF_CLI_CONFIG_FILE=/dev/null terraform validate -json > "$here/$name.terraform.json" 2>/dev/null || true)
  rm -rf "$tmp"
done
