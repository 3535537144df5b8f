# METADATA
# title: "Security group is attached to a resource"
# description: "A security group that nothing uses is clutter at best and a mistake at worst (the resource it was meant for may be running with a different, wider group). The group passes when a resource that takes security groups (instances, launch templates, load balancers, databases, Lambda functions, endpoints, ...) references it, or it references one of them."
# custom:
#   id: IACPAC_AWS_EC2_006
#   severity: low
#   resource_types: [aws_security_group]
#   checkov: [CKV2_AWS_5]
#   remediation: "Attach the security group to the resource it was written for, or delete it."
package iacpac.aws.ec2.security_group_attached

import rego.v1

import data.iacpac.lib.terraform as tf

attachable := {
	"aws_alb", "aws_apigatewayv2_vpc_link", "aws_apprunner_vpc_connector", "aws_appstream_fleet",
	"aws_batch_compute_environment", "aws_cloudwatch_event_target", "aws_codebuild_project",
	"aws_codestarconnections_host", "aws_dax_cluster", "aws_db_instance", "aws_dms_replication_config",
	"aws_dms_replication_instance", "aws_docdb_cluster", "aws_docdbelastic_cluster", "aws_ec2_client_vpn_endpoint",
	"aws_ec2_client_vpn_network_association", "aws_ec2_instance_connect_endpoint", "aws_ec2_spot_fleet_request",
	"aws_ecs_service", "aws_efs_mount_target", "aws_eks_cluster", "aws_eks_node_group", "aws_elasticache_cluster",
	"aws_elasticache_replication_group", "aws_elasticache_serverless_cache", "aws_elasticsearch_domain", "aws_elb",
	"aws_emr_cluster", "aws_emr_studio", "aws_fsx_file_cache", "aws_fsx_lustre_file_system",
	"aws_fsx_ontap_file_system", "aws_fsx_openzfs_file_system", "aws_fsx_windows_file_system", "aws_glue_dev_endpoint",
	"aws_grafana_workspace", "aws_imagebuilder_infrastructure_configuration", "aws_instance", "aws_lambda_function",
	"aws_launch_configuration", "aws_launch_template", "aws_lb", "aws_m2_environment", "aws_memorydb_cluster",
	"aws_mq_broker", "aws_msk_cluster", "aws_msk_vpc_connection", "aws_mskconnect_connector", "aws_mwaa_environment",
	"aws_neptune_cluster", "aws_network_interface", "aws_opensearch_domain", "aws_opensearch_vpc_endpoint",
	"aws_opensearchserverless_vpc_endpoint", "aws_quicksight_vpc_connection", "aws_rds_cluster", "aws_redshift_cluster",
	"aws_redshiftserverless_workgroup", "aws_route53_resolver_endpoint", "aws_sagemaker_notebook_instance",
	"aws_spot_instance_request", "aws_transfer_server", "aws_verifiedaccess_endpoint", "aws_vpc_endpoint",
	"aws_vpclattice_resource_gateway", "aws_vpclattice_service_network_vpc_association",
}

deny contains finding if {
	some sg in tf.resources("aws_security_group")
	not attached(sg)
	finding := {
		"address": sg.address,
		"message": sprintf("Security group %s is not attached to any resource", [sg.address]),
	}
}

attached(sg) if {
	some rc in tf.connected_changes(sg)
	rc.type in attachable
}
