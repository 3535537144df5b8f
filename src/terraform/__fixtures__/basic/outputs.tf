output "bucket_arn" {
  value       = aws_s3_bucket.logs[0].arn
  description = "The log bucket"
  sensitive   = true
  depends_on  = [aws_s3_bucket.logs]
}

output "vpc_id" {
  value = module.network.vpc_id
}
