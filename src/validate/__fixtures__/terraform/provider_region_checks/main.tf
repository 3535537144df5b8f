# locale: one of "None" or a region name; region_name: a region name only.
resource "aws_vpc_ipam_pool" "regional" {
  address_family = "ipv4"
  ipam_scope_id  = "ipam-scope-0123456789abcdef0"
  locale         = "eu-west-3"
}

resource "aws_vpc_ipam_pool" "unset_locale" {
  address_family = "ipv4"
  ipam_scope_id  = "ipam-scope-0123456789abcdef0"
  locale         = "None"
}

resource "aws_vpc_ipam_pool" "capitals" {
  address_family = "ipv4"
  ipam_scope_id  = "ipam-scope-0123456789abcdef0"
  locale         = "EU-WEST-3"
}

resource "aws_vpc_ipam" "main" {
  operating_regions {
    region_name = "us-gov-west-1"
  }
  operating_regions {
    region_name = "ap-southeast-12"
  }
}

resource "aws_vpc_ipam" "three_digits" {
  operating_regions {
    region_name = "ap-southeast-123"
  }
}

resource "aws_vpc_ipam" "city" {
  operating_regions {
    region_name = "Frankfurt"
  }
}
