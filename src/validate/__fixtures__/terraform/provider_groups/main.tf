terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

variable "subnet" {
  type = string
}

resource "aws_instance" "conflict" {
  ami           = "ami-1"
  instance_type = "t2.micro"
  subnet_id     = "s"
  network_interface {
    network_interface_id = "x"
    device_index         = 0
  }
}

resource "aws_instance" "unknown_conflict" {
  ami           = "ami-1"
  instance_type = "t2.micro"
  subnet_id     = var.subnet
  network_interface {
    network_interface_id = "x"
    device_index         = 0
  }
}

resource "aws_lambda_function" "exactly_one_of" {
  function_name = "f"
  role          = "arn:aws:iam::123456789012:role/r"
}

resource "aws_lambda_function" "two_of_one" {
  function_name = "f"
  role          = "arn:aws:iam::123456789012:role/r"
  filename      = "f.zip"
  image_uri     = "x"
}

resource "aws_db_instance" "required_with" {
  instance_class = "db.t3.micro"
  engine         = "mysql"
  password_wo    = "secret"
}

resource "aws_instance" "at_least_one" {
  tags = {}
}
