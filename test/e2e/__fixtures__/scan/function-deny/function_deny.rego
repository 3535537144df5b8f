# METADATA
# title: A policy whose deny is a function
# description: Its `deny` takes an argument, so `data.acme.function_deny.deny` is not a document a scan can read.
# custom:
#   id: ACME_FUNCTION_DENY
#   severity: low
package acme.function_deny

import rego.v1

deny(rc) := {"address": rc.address, "message": "unreachable"}
