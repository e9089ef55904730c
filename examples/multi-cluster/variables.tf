variable "cluster_count" {
  description = "Clusters in the fleet, spread round-robin over the three regions (e.g. 28; a benchmark plans 1, 7, 28 and 112)."
  type        = number
  default     = 28

  validation {
    condition     = var.cluster_count >= 1 && var.cluster_count <= 999 && floor(var.cluster_count) == var.cluster_count
    error_message = "cluster_count must be a whole number from 1 to 999."
  }
}

variable "name_prefix" {
  description = "Cluster names are `<name_prefix>-<region>-<nn>`."
  type        = string
  default     = "shop"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,40}$", var.name_prefix))
    error_message = "name_prefix must be 1-41 lowercase letters, digits or '-', starting with a letter."
  }
}

variable "regions" {
  description = "The fleet's three regions (one provider configuration each, so exactly three) with the share of each cluster's NodePool vCPUs allowed on spot there."
  type = list(object({
    name       = string
    spot_share = number
  }))
  default = [
    { name = "us-east-1", spot_share = 0.8 },
    { name = "eu-west-1", spot_share = 0.6 },
    { name = "ap-southeast-1", spot_share = 0.4 },
  ]

  validation {
    condition     = length(var.regions) == 3
    error_message = "regions must list exactly three regions: each has its own provider block (providers cannot be created by for_each). Edit main.tf to add more."
  }
  validation {
    condition     = alltrue([for r in var.regions : r.spot_share >= 0 && r.spot_share <= 1 && can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", r.name))])
    error_message = "each region needs an AWS region name (e.g. \"eu-west-1\") and a spot_share between 0 and 1."
  }
}

variable "endpoint_url" {
  description = "AWS endpoint override for every region, e.g. the local emulator. Null uses AWS."
  type        = string
  default     = null
}

variable "use_test_credentials" {
  description = "Sign with dummy credentials (emulator or LocalStack only)."
  type        = bool
  default     = false
}

variable "monthly_budget_usd" {
  description = "Budget per cluster and month for the stack's extra cost."
  type        = number
  default     = 1500
}
