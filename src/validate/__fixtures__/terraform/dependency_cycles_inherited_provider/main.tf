provider "aws" {
  region = module.regional.topic_name
}

module "regional" {
  source = "./m"
}

provider "aws" {
  alias  = "east"
  region = "us-east-1"
}

provider "aws" {
  alias  = "west"
  region = module.passed.topic_name
}

module "passed" {
  source = "./m"
  providers = {
    aws = aws.east
  }
}
