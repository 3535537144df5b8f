# Configuration for testdata/plan-expressions.txt: `terraform console -plan` (offline, fake credentials)
# shows which values are known after apply (scripts/record-terraform-console.ts --plan).
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "AKIAMOCKMOCKMOCKMOCK"
  secret_key                  = "mock_secret_key"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  max_retries                 = 1
}
resource "aws_s3_bucket" "b" {
  bucket = "logs"
  tags   = { Env = "prod" }
}
resource "aws_instance" "web" {
  count         = 2
  ami           = "ami-${count.index}"
  instance_type = "t3.micro"
}
