# METADATA
# title: IAM policy document helpers for the iacpac policy library
# description: >-
#   Normalises IAM policy statements from resource `policy` JSON strings and from `aws_iam_policy_document` data
#   sources in the configuration, and classifies actions (read-only listing, write, permissions management, data
#   reads that can exfiltrate). The classification is deliberately small and errs toward flagging.
# scope: package
package iacpac.lib.iam

import rego.v1

import data.iacpac.lib.terraform as tf

# Resource types whose `policy` (or `inline_policy`) attribute holds an identity policy document.
identity_policy_types := {
	"aws_iam_policy": "policy",
	"aws_iam_role_policy": "policy",
	"aws_iam_user_policy": "policy",
	"aws_iam_group_policy": "policy",
	"aws_ssoadmin_permission_set_inline_policy": "inline_policy",
}

# [resource change, statements] for every identity policy whose JSON is known at plan time.
identity_policies := [[rc, statements(doc)] |
	some resource_type, attribute in identity_policy_types
	some rc in tf.resources(resource_type)
	doc := tf.document(tf.after(rc)[attribute])
	is_object(doc)
]

# Statements of a parsed policy document, each as {"effect", "actions", "resources", "condition"} with lists.
statements(doc) := [normalize(s) | some s in as_list(object.get(doc, "Statement", []))]

normalize(s) := {
	"effect": object.get(s, "Effect", "Allow"),
	"actions": as_list(object.get(s, "Action", [])),
	"resources": as_list(object.get(s, "Resource", [])),
	"condition": object.get(s, "Condition", {}),
}

# [address, statements] for every aws_iam_policy_document data source, read from the configuration expressions
# (values computed from other resources are left out, so only literal "*" resources count).
document_policies := [[address, [document_statement(s) | some s in as_list(object.get(c.expressions, "statement", []))]] |
	some [prefix, module] in tf.config_modules
	some c in object.get(module, "resources", [])
	c.mode == "data"
	c.type == "aws_iam_policy_document"
	address := concat(".", [p | some p in [prefix, c.address]; p != ""])
]

document_statement(s) := {
	"effect": object.get(object.get(s, "effect", {}), "constant_value", "Allow"),
	"explicit_effect": object.get(object.get(s, "effect", {}), "constant_value", null),
	"actions": as_list(object.get(object.get(s, "actions", {}), "constant_value", [])),
	"resources": as_list(object.get(object.get(s, "resources", {}), "constant_value", [])),
	"condition": object.get(s, "condition", []),
	"principals": object.get(s, "principals", []),
}

as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)

# An Allow statement that applies to every resource ("*").
allow_all_resources(statement) if {
	statement.effect == "Allow"
	"*" in statement.resources
}

# Actions whose name only lists or describes: they do not support resource-level restriction.
unrestrictable(action) if regex.match(`^[a-z0-9-]+:(Describe|List)[A-Za-z0-9]*$`, action)

unrestrictable(action) if action in {"sts:GetCallerIdentity", "s3:ListAllMyBuckets", "ec2:GetConsoleOutput", "logs:DescribeLogGroups"}

unrestrictable(action) if lower(action) in wildcard_only_actions

restrictable(action) if not unrestrictable(action)

# Actions that AWS's Service Authorization Reference lists without any resource type (only Resource "*" applies), among
# those the credential, privilege-escalation and write checks care about.
wildcard_only_actions := {
	"ecr:getauthorizationtoken", "ecr-public:getauthorizationtoken", "sts:getsessiontoken",
	"lambda:createeventsourcemapping", "datapipeline:createpipeline", "cloudwatch:putmetricdata",
	"xray:puttracesegments", "xray:puttelemetryrecords", "kms:createkey", "kms:generaterandom",
}

# A statement without a condition (an empty `Condition` object or no `condition` block).
unconditioned(statement) if count(statement.condition) == 0

# The concrete actions (lower case) out of `actions` that statement action `pattern` covers (IAM wildcards * and ?,
# case-insensitive).
covered(pattern, actions) := {a | some a in actions; a == lower(pattern)} if {
	is_string(pattern)
	not contains(pattern, "*")
	not contains(pattern, "?")
} else := {a | some a in actions; regex.match(re, a)} if {
	is_string(pattern)
	re := concat("", ["^", replace(replace(replace(lower(pattern), ".", "\\."), "*", ".*"), "?", "."), "$"])
} else := set()

# The concrete actions (lower case) out of `actions` that the statements allow without a resource constraint, the way
# cloudsplaining reads a policy: an unconditioned Allow on "*" grants the actions that support resource-level
# permissions, an unconditioned Allow on any resource grants those that do not; any Deny statement naming the action
# (with or without a condition) takes it away.
allowed_without_constraints(statements, actions) := granted - denied if {
	granted := {action |
		some statement in statements
		statement.effect == "Allow"
		unconditioned(statement)
		some pattern in statement.actions
		some action in covered(pattern, actions)
		unconstrained_for(statement, action)
	}
	denied := {action |
		some statement in statements
		statement.effect == "Deny"
		some pattern in statement.actions
		some action in covered(pattern, granted)
	}
}

unconstrained_for(statement, _) if "*" in statement.resources

unconstrained_for(_, action) if action in wildcard_only_actions

# Actions whose response hands out credentials (keys, tokens, passwords, temporary credentials).
credential_actions := {
	"airflow:createclitoken", "airflow:createweblogintoken", "appsync:createapikey", "chime:createapikey",
	"cloud9:createenvironmenttoken", "codeartifact:getauthorizationtoken", "codepipeline:pollforjobs",
	"cognito-identity:getopenidtoken", "cognito-identity:getopenidtokenfordeveloperidentity",
	"cognito-identity:getcredentialsforidentity", "cognito-idp:getsigningcertificate", "connect:getfederationtoken",
	"connect:getfederationtokens", "ec2:getpassworddata", "ecr-public:getauthorizationtoken",
	"emr-containers:getmanagedendpointsessioncredentials", "finspace-api:getprogrammaticaccesscredentials",
	"gamelift:requestuploadcredentials", "gamelift:getinstanceaccess", "gamelift:getcomputeaccess",
	"gamelift:getcomputeauthtoken", "grafana:createworkspaceapikey", "iam:createaccesskey", "iam:createloginprofile",
	"iam:createservicespecificcredential", "iam:resetservicespecificcredential", "iam:updateaccesskey",
	"license-manager:getaccesstoken", "lightsail:getinstanceaccessdetails", "lightsail:downloaddefaultkeypair",
	"lightsail:createbucketaccesskey", "lightsail:getrelationaldatabasemasteruserpassword",
	"mediapackage:rotatechannelcredentials", "mediapackage:rotateingestendpointcredentials", "rds-db:connect",
	"redshift:getclustercredentials", "redshift:getclustercredentialswithiam", "redshift-serverless:getcredentials",
	"sso:getrolecredentials", "sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity",
	"sts:getfederationtoken", "sts:getsessiontoken",
	# ecr:GetAuthorizationToken also returns a (registry) token; Checkov leaves it out because every image pull needs it.
}

# Reads that hand out stored data or secrets (cloudsplaining's data-exfiltration list).
exfiltration_read_actions := {
	"s3:getobject", "ssm:getparameter", "ssm:getparameters", "ssm:getparametersbypath", "secretsmanager:getsecretvalue",
}

# Combinations of actions that let a principal raise its own privileges (Rhino Security Labs' escalation methods):
# each set, granted whole without resource constraints, is one method.
privilege_escalation_methods := {
	"CreateAccessKey": {"iam:createaccesskey"},
	"CreateLoginProfile": {"iam:createloginprofile"},
	"UpdateLoginProfile": {"iam:updateloginprofile"},
	"AddUserToGroup": {"iam:addusertogroup"},
	"CreateNewPolicyVersion": {"iam:createpolicyversion"},
	"SetExistingDefaultPolicyVersion": {"iam:setdefaultpolicyversion"},
	"AttachUserPolicy": {"iam:attachuserpolicy"},
	"AttachGroupPolicy": {"iam:attachgrouppolicy"},
	"AttachRolePolicy": {"iam:attachrolepolicy", "sts:assumerole"},
	"PutUserPolicy": {"iam:putuserpolicy"},
	"PutGroupPolicy": {"iam:putgrouppolicy"},
	"PutRolePolicy": {"iam:putrolepolicy", "sts:assumerole"},
	"UpdateRolePolicyToAssumeIt": {"iam:updateassumerolepolicy", "sts:assumerole"},
	"CreateEC2WithExistingIP": {"iam:passrole", "ec2:runinstances"},
	"PassExistingRoleToNewLambdaThenInvoke": {"iam:passrole", "lambda:createfunction", "lambda:invokefunction"},
	"PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo": {"iam:passrole", "lambda:createfunction", "lambda:createeventsourcemapping"},
	"PassExistingRoleToNewGlueDevEndpoint": {"iam:passrole", "glue:createdevendpoint"},
	"PassExistingRoleToCloudFormation": {"iam:passrole", "cloudformation:createstack"},
	"PassExistingRoleToNewDataPipeline": {"iam:passrole", "datapipeline:createpipeline"},
	"UpdateExistingGlueDevEndpoint": {"glue:updatedevendpoint"},
	"EditExistingLambdaFunctionWithRole": {"lambda:updatefunctioncode"},
}

privilege_escalation_actions := {a | some actions in privilege_escalation_methods; some a in actions}

# Names of the escalation methods the statements allow.
privilege_escalations(statements) := {name |
	granted := allowed_without_constraints(statements, privilege_escalation_actions)
	some name, actions in privilege_escalation_methods
	count(actions - granted) == 0
}

# Reads that hand out data or secrets.
exfiltration_actions := {
	"s3:GetObject", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "secretsmanager:GetSecretValue",
	"rds:CopyDBSnapshot", "rds:CreateDBSnapshot", "dynamodb:Scan", "dynamodb:GetItem", "kms:Decrypt",
}

exfiltration(action) if action in exfiltration_actions

exfiltration(action) if wildcard_service(action, {"s3", "ssm", "secretsmanager", "rds", "dynamodb", "kms"})

# Actions that grant or change permissions (policies, ACLs, grants, resource-based permissions).
permissions_management(action) if regex.match(`^iam:(Attach|Detach|Put|Delete|Create|Update|Add|Remove|Set|Pass|Upload|Change|Enable|Reset)[A-Za-z]*$`, action)

permissions_management(action) if regex.match(`^[a-z0-9-]+:[A-Za-z]*(Policy|Permission|Permissions|Grant|Acl|ACL)$`, action)

permissions_management(action) if regex.match(`^[a-z0-9-]+:(Put|Create|Delete|Update|Add|Remove|Revoke|Attach|Detach)[A-Za-z]*(Policy|Permission|Grant|Acl)[A-Za-z]*$`, action)

permissions_management(action) if wildcard_service(action, {"iam", "kms", "s3", "lambda", "sns", "sqs", "ec2"})

# Actions that change state (create, delete, modify, start, stop, ...).
write(action) if regex.match(`^[a-z0-9-]+:(Create|Delete|Put|Update|Modify|Attach|Detach|Start|Stop|Run|Terminate|Reboot|Set|Add|Remove|Replace|Associate|Disassociate|Enable|Disable|Register|Deregister|Restore|Copy|Import|Upload|Send|Publish|Invoke|Execute|Reset|Change|Accept|Reject|Cancel|Release|Allocate|Authorize|Revoke|Tag|Untag|Write|Batch|Increase|Decrease|Purge|Rotate|Apply|Encrypt|Decrypt|Generate|Sign|Request|Pass)[A-Za-z0-9]*$`, action)

write(action) if wildcard_service(action, set())

wildcard_service(action, _) if action == "*"

wildcard_service(action, services) if {
	parts := split(action, ":")
	count(parts) == 2
	parts[1] == "*"
	count(services) == 0
}

wildcard_service(action, services) if {
	parts := split(action, ":")
	count(parts) == 2
	parts[1] == "*"
	parts[0] in services
}

# GitHub Actions OIDC trust (token.actions.githubusercontent.com): how Checkov judges the `sub` claim a trust policy
# accepts. The first claim must be a repository (`repo:<owner>/<name>...`) and not a claim any workflow, environment
# or branch of any repository can present, nor a wildcard.
github_oidc_provider := "oidc-provider/token.actions.githubusercontent.com"

github_sub_variable(variable) if {
	is_string(variable)
	regex.match(`^token\.actions\.githubusercontent\.com(/[a-zA-Z0-9_-]+)?:sub$`, variable)
}

github_abusable_claims := ["workflow", "environment", "ref", "context", "head_ref", "base_ref"]

# A `sub` value that does not pin the caller to a repository.
unsafe_github_sub(value) if not is_string(value)

unsafe_github_sub(value) if value == "*"

unsafe_github_sub(value) if {
	is_string(value)
	not contains(value, ":")
}

unsafe_github_sub(value) if {
	is_string(value)
	split(value, ":")[1] == "*"
}

unsafe_github_sub(value) if {
	is_string(value)
	some claim in github_abusable_claims
	startswith(split(value, ":")[0], claim)
}

unsafe_github_sub(value) if {
	is_string(value)
	parts := split(value, ":")
	count(parts) > 1
	parts[0] == "repo"
	not regex.match(`^(\$\{)?[a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*(\})?/[^/]+`, parts[1])
}
