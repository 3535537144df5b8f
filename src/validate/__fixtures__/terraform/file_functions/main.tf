resource "aws_lambda_function" "f" {
  function_name    = "f"
  role             = "arn:aws:iam::123456789012:role/r"
  filename         = "lambda.zip"
  source_code_hash = filebase64sha256("lambda.zip")
  handler          = "index.handler"
  runtime          = "nodejs18.x"
}
resource "aws_instance" "i" {
  ami           = "a"
  instance_type = "t2.micro"
  user_data     = templatefile("${path.module}/init.sh", { name = "x" })
}
locals {
  md5 = filemd5("missing.txt")
  b64 = filebase64("./missing.bin")
}
