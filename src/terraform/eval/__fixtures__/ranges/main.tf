output "o0" {
  value = 0 / 0
}
output "o1" {
  value = null + 1
}
output "o2" {
  value = "a" + 1
}
output "o3" {
  value = false && (1 == "a" + 1)
}
output "o4" {
  value = null ? 1 : 2
}
output "o5" {
  value = 1 ? 1 : 2
}
output "o6" {
  value = "x${null}"
}
output "o7" {
  value = "${[1]}-"
}
output "o8" {
  value = {for x in ["a", "b", "a"] : x => x}
}
output "o9" {
  value = [for x in "abc" : x]
}
output "o10" {
  value = min()
}
output "o11" {
  value = parseint("12", 2)
}
output "o12" {
  value = parseint("10", 63)
}
output "o13" {
  value = format("%d", "x")
}
output "o14" {
  value = format("%d", 1.5)
}
output "o15" {
  value = format("%s %s", "a")
}
output "o16" {
  value = format("%s", "a", "b")
}
output "o17" {
  value = format("%z", 1)
}
output "o18" {
  value = formatlist("%s=%s", ["a", "b"], ["1", "2", "3"])
}
output "o19" {
  value = regex("[a-z]+", "123")
}
output "o20" {
  value = regex("(", "x")
}
output "o21" {
  value = chunklist(["a"], -1)
}
output "o22" {
  value = coalesce(null, "")
}
output "o23" {
  value = coalesce(1, [1])
}
output "o24" {
  value = coalescelist([], [])
}
output "o25" {
  value = concat("a")
}
output "o26" {
  value = contains("abc", "a")
}
output "o27" {
  value = element([], 0)
}
output "o28" {
  value = index(["a", "b", "c"], "z")
}
output "o29" {
  value = length(null)
}
output "o30" {
  value = length(1)
}
output "o31" {
  value = lookup({a = "ay"}, "c")
}
output "o32" {
  value = matchkeys(["a"], ["b", "c"], ["b"])
}
output "o33" {
  value = merge([1])
}
output "o34" {
  value = one(["hello", "goodbye"])
}
output "o35" {
  value = range(1, 4, 0)
}
output "o36" {
  value = range(2000)
}
output "o37" {
  value = slice(["a", "b"], 1, 3)
}
output "o38" {
  value = slice(["a", "b"], 2, 1)
}
output "o39" {
  value = sum([])
}
output "o40" {
  value = sum(["a"])
}
output "o41" {
  value = zipmap(["a"], [1, 2])
}
output "o42" {
  value = base64decode("not base64!")
}
output "o43" {
  value = base64decode("/w==")
}
output "o44" {
  value = textencodebase64("abc", "NOPE")
}
output "o45" {
  value = csvdecode("a,b\n1")
}
output "o46" {
  value = jsondecode("{bad")
}
output "o47" {
  value = yamldecode("a: [1")
}
output "o48" {
  value = formatdate("'Date:' YYYY-MM-DD ''quoted''", "2018-01-02T23:12:01Z")
}
output "o49" {
  value = formatdate("YYYY", "not a timestamp")
}
output "o50" {
  value = formatdate("Q", "2018-01-02T23:12:01Z")
}
output "o51" {
  value = timeadd("2017-11-22T00:00:00Z", "1d")
}
output "o52" {
  value = plantimestamp()
}
output "o53" {
  value = uuidv5("nope", "x")
}
output "o54" {
  value = cidrhost("10.0.0.0/30", 4)
}
output "o55" {
  value = cidrnetmask("fd00::/8")
}
output "o56" {
  value = cidrsubnet("10.0.0.0/16", 8, 256)
}
output "o57" {
  value = cidrsubnet("10.0.0.0/30", 4, 0)
}
output "o58" {
  value = cidrsubnet("not a cidr", 8, 0)
}
output "o59" {
  value = cidrsubnets("10.0.0.0/24", 1, 1, 1)
}
output "o60" {
  value = tostring([1])
}
output "o61" {
  value = tonumber("x")
}
output "o62" {
  value = tobool("x")
}
output "o63" {
  value = tobool(1)
}
output "o64" {
  value = tolist([1, true])
}
output "o65" {
  value = tomap({"a" = [1], "b" = 2})
}
output "o66" {
  value = try(tonumber("x"), tonumber("y"))
}
output "o67" {
  value = upper("a", "b")
}
output "o68" {
  value = upper()
}
output "o69" {
  value = nosuchfunction(1)
}
output "o70" {
  value = upper(null)
}
output "o71" {
  value = upper([1])
}
output "o72" {
  value = list("a")
}
output "o73" {
  value = [null, {a = 1}][*].a
}
output "o74" {
  value = cidrhost("10.0.0.0/8", 16777216)
}
output "o75" {
  value = cidrsubnet("10.0.0.0/8", 33, 0)
}
output "o76" {
  value = formatdate("DD MMM YYYY", "2018-13-01T00:00:00Z")
}
output "o77" {
  value = timeadd("2017-11-22T00:00:00Z", "1")
}
output "o78" {
  value = timecmp("2017-11-22T00:00:00Z", "nope")
}
output "o79" {
  value = parseint("0x10", 16)
}
output "o80" {
  value = tonumber("0x10")
}
output "o81" {
  value = tonumber(" 1")
}
output "o82" {
  value = tobool("TRUE")
}
output "o83" {
  value = yamldecode("")
}
output "o84" {
  value = yamldecode("---\na: 1\n---\nb: 2")
}
output "o85" {
  value = csvdecode("")
}
output "o86" {
  value = min([]...)
}
output "o87" {
  value = concat()
}
output "o88" {
  value = coalesce()
}
output "o89" {
  value = setproduct(["a", "b"])
}
output "o90" {
  value = signum(-0.5)
}
output "o91" {
  value = slice([1], -1, 1)
}
output "o92" {
  value = slice([1], 2, 2)
}
output "o93" {
  value = slice([1, 2], 0, -1)
}
output "o94" {
  value = setproduct([[1], "a"], ["b"])
}
output "o95" {
  value = values("x")
}
output "o96" {
  value = zipmap(["a"], "x")
}
output "o97" {
  value = lookup("x", "a")
}
output "o98" {
  value = contains([], null)
}
output "o99" {
  value = coalescelist("a")
}
output "o100" {
  value = index(["a"], 1)
}
output "o101" {
  value = index(toset(["a", "b"]), "b")
}
output "o102" {
  value = sum([1, null])
}
output "o103" {
  value = parseint("", 10)
}
output "o104" {
  value = parseint("-", 10)
}
output "o105" {
  value = parseint("1_000", 10)
}
output "o106" {
  value = substr("abc", 0, 1.5)
}
output "o107" {
  value = format("%c", 65)
}
output "o108" {
  value = format("%U", 65)
}
