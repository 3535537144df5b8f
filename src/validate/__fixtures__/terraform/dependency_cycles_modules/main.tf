module "a" {
  source = "./m"
  count  = length(aws_sns_topic.r.name)
  in     = "x"
}

resource "aws_sns_topic" "r" {
  name = module.a[0].passthrough
}

module "e" {
  source = "./m"
  in     = aws_sns_topic.s.name
}

resource "aws_sns_topic" "s" {
  name = module.e.topic
}

module "f" {
  source = "./m"
  in     = "x"
}

resource "aws_sns_topic" "u" {
  name       = "u"
  depends_on = [module.f]
}

resource "aws_sns_topic" "v" {
  name = module.g
}

module "g" {
  source = "./m"
  in     = aws_sns_topic.v.name
}

module "h" {
  source = "./m"
  in     = module.i.out
}

module "i" {
  source = "./m"
  in     = module.h.out
}

module "c" {
  source = "./m"
  in     = module.d.passthrough
}

module "d" {
  source = "./m"
  in     = module.c.passthrough
}
