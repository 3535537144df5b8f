# METADATA
# title: "IAM policy document does not allow reading objects, parameters or secrets from every resource"
# description: "s3:GetObject, ssm:GetParameter, ssm:GetParameters, ssm:GetParametersByPath and secretsmanager:GetSecretValue on every resource (directly or through wildcards such as `s3:*` or `*`) without a condition let the holder read every object, parameter or secret of the account. An `aws_iam_policy_document` granting them so fails, unless a Deny statement names the action."
# custom:
#   id: IACPAC_AWS_IAM_034
#   severity: low
#   resource_types: [aws_iam_policy_document]
#   checkov: [CKV_AWS_108]
#   remediation: "Scope data-reading actions to the buckets, parameters and secrets the workload needs."
package iacpac.aws.iam.document_data_exfiltration

import rego.v1

import data.iacpac.lib.iam

deny contains finding if {
	some [address, statements] in iam.document_policies
	actions := iam.allowed_without_constraints(statements, iam.exfiltration_read_actions)
	count(actions) > 0
	finding := {
		"address": address,
		"message": sprintf("IAM policy document %s allows %s on every resource, which can exfiltrate data", [address, concat(", ", sort(actions))]),
	}
}
