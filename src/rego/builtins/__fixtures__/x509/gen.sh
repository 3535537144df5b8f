#!/usr/bin/env bash
# Generates the test certificate chain used by src/rego/builtins/x509.test.ts (ECDSA P-256, valid 100 years from generation).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
openssl ecparam -name prime256v1 -genkey -noout -out "$tmp/root.key"
openssl ecparam -name prime256v1 -genkey -noout -out "$tmp/int.key"
openssl ecparam -name prime256v1 -genkey -noout -out "$tmp/leaf.key"
cat > "$tmp/ext.cnf" <<'CNF'
[root]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[int]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:leaf.iacpac.test
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
dates=(-days 36500)
openssl req -new -key "$tmp/root.key" -subj "/O=iacpac tests/CN=iacpac Test Root CA" -out "$tmp/root.csr"
openssl x509 -req -in "$tmp/root.csr" -key "$tmp/root.key" -sha256 "${dates[@]}" -set_serial 1 -extfile "$tmp/ext.cnf" -extensions root -out root.pem
openssl req -new -key "$tmp/int.key" -subj "/O=iacpac tests/CN=iacpac Test Intermediate CA" -out "$tmp/int.csr"
openssl x509 -req -in "$tmp/int.csr" -CA root.pem -CAkey "$tmp/root.key" -sha256 "${dates[@]}" -set_serial 2 -extfile "$tmp/ext.cnf" -extensions int -out intermediate.pem
openssl req -new -key "$tmp/leaf.key" -subj "/O=iacpac tests/CN=leaf.iacpac.test" -out "$tmp/leaf.csr"
openssl x509 -req -in "$tmp/leaf.csr" -CA intermediate.pem -CAkey "$tmp/int.key" -sha256 "${dates[@]}" -set_serial 3 -extfile "$tmp/ext.cnf" -extensions leaf -out leaf.pem
