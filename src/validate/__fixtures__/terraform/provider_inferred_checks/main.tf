# Provider argument checks behind custom messages, whose rules were inferred from the second probing round
# (scripts/probe-provider-patterns.ts): a value no first-round probe tried must still get the provider's error.

resource "aws_glue_catalog_table" "bad_name" {
  name          = "MyTable"
  database_name = "analytics"
}

resource "aws_glue_catalog_table" "good_name" {
  name          = "my_table"
  database_name = "analytics"
}

resource "aws_sesv2_email_identity" "dkim" {
  email_identity = "example.com"

  dkim_signing_attributes {
    domain_signing_private_key = "not base64!"
    domain_signing_selector    = "example"
  }
}

resource "aws_config_conformance_pack" "pack" {
  name          = "1st-pack"
  template_body = "Resources: {}"
}

resource "aws_db_proxy_endpoint" "reader" {
  db_proxy_name          = "my-proxy"
  db_proxy_endpoint_name = "Reader-Endpoint"
  vpc_subnet_ids         = ["subnet-12345678"]
}

resource "aws_resourceexplorer2_view" "view" {
  name = "my_view"
}
