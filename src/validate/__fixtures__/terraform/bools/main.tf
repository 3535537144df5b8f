resource "aws_instance" "i" {
  ami                         = "a"
  instance_type               = "t2.micro"
  monitoring                  = "1"
  associate_public_ip_address = "0"
  ebs_optimized               = "yes"
  cpu_core_count              = " 2"
  cpu_threads_per_core        = "1e2"
  source_dest_check           = 1
  tags = {
    A = true
    B = 1.5
    C = ["x"]
  }
}
