output "objects" {
  description = "Keys (`kind/namespace/name`) of the objects applied."
  value       = keys(local.objects)
}
