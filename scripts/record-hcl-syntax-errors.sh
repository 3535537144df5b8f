#!/bin/sh
# Records `terraform validate -json` for each broken fixture in src/hcl/__fixtures__/syntax-errors/ as
# <name>.terraform.json (run from anywhere).
# Each fixture is copied as main.tf (or main.tf.json) into a temporary directory; the fixtures declare no
# providers, so no init is needed.
set -e
here=$(cd "$(dirname "$0")/../src/hcl/__fixtures__/syntax-errors" && pwd)
for f in "$here"/*.tf "$here"/*.tf.json; do
  [ -e "$f" ] || continue
  case "$f" in
    *.tf.json) name=$(basename "$f" .tf.json); target=main.tf.json ;;
    *) name=$(basename "$f" .tf); target=main.tf ;;
  esac
  tmp=$(mktemp -d)
  cp "$f" "$tmp/$target"
  (cd "$tmp" && TF_CLI_CONFIG_FILE=/dev/null terraform validate -json > "$here/$name.terraform.json" 2>/dev/null || true)
  rm -rf "$tmp"
done
