#!/usr/bin/env bash
# Builds assets/hcl-syntax/ (hcl-syntax.wasm.gz and the matching wasm_exec.js) from scripts/hcl-syntax/: HashiCorp's
# HCL parser compiled to WebAssembly with only the syntax check iacpac uses (see assets/hcl-syntax/README.md).
#
# usage: scripts/build-hcl-syntax-wasm.sh SOURCES
#   SOURCES holds one git clone per module (full history or at least the pinned commits), named by repository:
#   SOURCES/hashicorp/hcl, SOURCES/zclconf/go-cty, SOURCES/apparentlymart/go-textseg, SOURCES/agext/levenshtein,
#   SOURCES/mitchellh/go-wordwrap, SOURCES/golang/text.
# Needs Go (go1.19.8, Debian 12's golang-go, for a byte-identical result: the output names the version it used),
# git, gzip. No module proxy: each module is exported from its clone at the commit pinned below (git object ids
# pin the content; the first five export to the same h1 hashes as the go.sum of @cdktf/hcl2json 0.21.0).
set -euo pipefail
sources=${1:?usage: $0 SOURCES (a directory with one git clone per module, see the header)}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/assets/hcl-syntax"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# module path, version, repository under SOURCES, commit, paths to export ("." = all)
modules=(
  "github.com/hashicorp/hcl/v2 v2.23.0 hashicorp/hcl 56a9aee5207dbaed7f061cd926b96fc159d26ea0 ."
  "github.com/zclconf/go-cty v1.15.1 zclconf/go-cty 3149f9d71235e7f745ab0a8429dba3c362408c06 ."
  "github.com/apparentlymart/go-textseg/v15 v15.0.0 apparentlymart/go-textseg 72b78f42484ddc3f58858f794da1771fb9559ad0 ."
  "github.com/agext/levenshtein v1.2.3 agext/levenshtein 52c14c47d03211d8ac1834e94601635e07c5a6ef ."
  "github.com/mitchellh/go-wordwrap v1.0.1 mitchellh/go-wordwrap ecf0936a077a4bd73a1cc2ac5c370f2b55618d62 ."
  # Only the packages the build uses (the repository is large).
  "golang.org/x/text v0.21.0 golang/text d42948e5579eb996bedb7df76c7ad57fae4e83c7 go.mod LICENSE PATENTS transform unicode/norm"
)

cp "$root/scripts/hcl-syntax/"*.go "$root/scripts/hcl-syntax/go.mod" "$work/"
for entry in "${modules[@]}"; do
  read -r module version repo commit paths <<<"$entry"
  dir="$work/src/$repo"
  mkdir -p "$dir"
  # shellcheck disable=SC2086 # paths is a list
  git -C "$sources/$repo" archive --format=tar "$commit" -- $paths | tar -x -C "$dir"
  (cd "$work" && go mod edit -replace "$module=./src/$repo")
done

(
  cd "$work"
  GOOS=js GOARCH=wasm GOFLAGS=-mod=mod GOPROXY=off GOWORK=off CGO_ENABLED=0 \
    go build -trimpath -buildvcs=false -ldflags='-s -w' -o hcl-syntax.wasm .
)
mkdir -p "$out"
gzip -9 -n -c "$work/hcl-syntax.wasm" >"$out/hcl-syntax.wasm.gz"
cp "$(go env GOROOT)/misc/wasm/wasm_exec.js" "$out/wasm_exec.js"
# The licences of everything compiled in. Go's runtime and standard library (and wasm_exec.js) are under the Go
# Authors' BSD licence, the same text as golang.org/x/text's LICENSE.
{
  echo "Licences of the code compiled into hcl-syntax.wasm.gz and of wasm_exec.js (written by scripts/build-hcl-syntax-wasm.sh)."
  for entry in "${modules[@]}"; do
    read -r module version repo _ <<<"$entry"
    for file in "$work/src/$repo"/LICENSE* "$work/src/$repo"/NOTICE* "$work/src/$repo"/PATENTS; do
      [ -f "$file" ] || continue
      printf '\n==== %s %s: %s ====\n\n' "$module" "$version" "$(basename "$file")"
      cat "$file"
    done
  done
  printf '\n==== Go %s (runtime, standard library, misc/wasm/wasm_exec.js): the Go Authors BSD licence, as golang.org/x/text above ====\n' "$(go env GOVERSION)"
} >"$out/LICENSES.txt"
echo "$(go version): hcl-syntax.wasm $(wc -c <"$work/hcl-syntax.wasm") bytes, sha256 $(sha256sum "$work/hcl-syntax.wasm" | cut -d' ' -f1)"
echo "hcl-syntax.wasm.gz $(wc -c <"$out/hcl-syntax.wasm.gz") bytes"
