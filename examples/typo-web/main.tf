provider "aws" {
  region = "us-east-1"
}

resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instanse_type = "t3.micro"
  subnet_id     = aws_subnet.public.id
}
