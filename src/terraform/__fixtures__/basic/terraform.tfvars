prefix       = "from-tfvars"
bucket_count = 2
region       = "eu-west-1"
