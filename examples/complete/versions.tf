terraform {
  required_version = ">= 1.9"

  # required_providers is in eks.tf (scaling, aws, helm, kubernetes), or in
  # existing-cluster/eks.tf (scaling, kubernetes) when that file replaces it:
  # a module may declare it only once.
}
