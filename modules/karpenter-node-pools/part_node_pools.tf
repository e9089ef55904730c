# Shared part file: the same file is in modules/karpenter-node-pools
# (TestSharedPartFiles keeps the copies equal). It reads var.cluster_name,
# var.enable_node_pools and the hook local.node_pools_readiness_taints
# (pool name to the startup taints of the readiness rules gating it), which
# each module defines. EKS Auto Mode's objects are in
# part_node_pools_auto_mode.tf.

variable "node_pools" {
  description = <<-EOT
    Karpenter capacity: an EC2NodeClass and a spot-first/on-demand-fallback NodePool pair (`scaling_karpenter_ec2_node_class`,
    `scaling_karpenter_fallback_node_pools`), plus any extra node classes and NodePools (GPU, arm64, batch...).
    `mode`: `karpenter` (default: self-managed Karpenter, EC2NodeClass) or `eks_auto_mode` (EKS Auto Mode: the same pair and
    extra pools as Auto Mode NodePools, `scaling_eks_auto_node_pool`, on an Auto Mode NodeClass from `auto_node_class`,
    `scaling_eks_auto_node_class`, or on Auto Mode's built-in `default` NodeClass when `auto_node_class.role` is null;
    `extra_auto_node_classes` by name; `node_class` and `extra_node_classes` are for `karpenter` only).
    `name` (default `general`: the node class and `<name>-spot`/`<name>-on-demand`), `cpu_limit` (vCPUs of the pair,
    default 1000; the on-demand pool may use all, spot `spot_share` of it) and `spot_share` (0-1, default 1; 0 leaves the
    spot pool out). `node_class` takes the attributes of `scaling_karpenter_ec2_node_class` (`role` or
    `instance_profile`, `ami_alias`, `ami_selector_terms`/`ami_family`, `block_device_mappings`, `kubelet`, `user_data`
    with `max_parallel_image_pulls`/`pre_pull_images`/Bottlerocket registry settings, `metadata_options`, `tags`, selector
    terms defaulting to the tag `karpenter.sh/discovery = <cluster_name>`). The other attributes are those of
    `scaling_karpenter_fallback_node_pools` (`disruption` with `budgets`, `expire_after`, `termination_grace_period`,
    `instance_categories`/`families`/`types`/`sizes`, `architectures`, `zones`, `taints`, `startup_taints`, `labels`,
    `requirements`, `limits`, weights). `extra_node_classes` and `extra_node_pools` are maps by name of the attributes of
    `scaling_karpenter_ec2_node_class` and `scaling_karpenter_node_pool`; an extra pool uses the main node class unless
    it names another. Null attributes take the data source's default.
  EOT
  type = object({
    name       = optional(string, "general")
    mode       = optional(string, "karpenter")
    cpu_limit  = optional(number, 1000)
    spot_share = optional(number, 1)

    auto_node_class = optional(object({
      role                                = optional(string)
      subnet_selector_terms               = optional(list(object({ id = optional(string), tags = optional(map(string)) })))
      security_group_selector_terms       = optional(list(object({ id = optional(string), name = optional(string), tags = optional(map(string)) })))
      pod_subnet_selector_terms           = optional(list(object({ id = optional(string), tags = optional(map(string)) })))
      pod_security_group_selector_terms   = optional(list(object({ id = optional(string), tags = optional(map(string)) })))
      capacity_reservation_selector_terms = optional(list(object({ id = optional(string), owner = optional(string), tags = optional(map(string)) })))
      ephemeral_storage = optional(object({
        size       = optional(string)
        iops       = optional(number)
        throughput = optional(number)
        kms_key_id = optional(string)
      }))
      network_policy            = optional(string)
      network_policy_event_logs = optional(string)
      snat_policy               = optional(string)
      advanced_networking = optional(object({
        https_proxy                 = optional(string)
        no_proxy                    = optional(list(string))
        associate_public_ip_address = optional(bool)
        ipv4_prefix_size            = optional(string)
      }))
      certificate_bundles = optional(list(object({ name = string, data = string })))
      tags                = optional(map(string))
    }), {})
    extra_auto_node_classes = optional(map(object({
      role                                = optional(string)
      subnet_selector_terms               = optional(list(object({ id = optional(string), tags = optional(map(string)) })))
      security_group_selector_terms       = optional(list(object({ id = optional(string), name = optional(string), tags = optional(map(string)) })))
      pod_subnet_selector_terms           = optional(list(object({ id = optional(string), tags = optional(map(string)) })))
      pod_security_group_selector_terms   = optional(list(object({ id = optional(string), tags = optional(map(string)) })))
      capacity_reservation_selector_terms = optional(list(object({ id = optional(string), owner = optional(string), tags = optional(map(string)) })))
      ephemeral_storage = optional(object({
        size       = optional(string)
        iops       = optional(number)
        throughput = optional(number)
        kms_key_id = optional(string)
      }))
      network_policy            = optional(string)
      network_policy_event_logs = optional(string)
      snat_policy               = optional(string)
      advanced_networking = optional(object({
        https_proxy                 = optional(string)
        no_proxy                    = optional(list(string))
        associate_public_ip_address = optional(bool)
        ipv4_prefix_size            = optional(string)
      }))
      certificate_bundles = optional(list(object({ name = string, data = string })))
      tags                = optional(map(string))
    })), {})

    node_class = optional(object({
      role                                = optional(string)
      instance_profile                    = optional(string)
      ami_alias                           = optional(string)
      ami_family                          = optional(string)
      ami_selector_terms                  = optional(list(object({ id = optional(string), name = optional(string), owner = optional(string), ssm_parameter = optional(string), tags = optional(map(string)) })))
      subnet_selector_terms               = optional(list(object({ id = optional(string), tags = optional(map(string)) })))
      security_group_selector_terms       = optional(list(object({ id = optional(string), name = optional(string), tags = optional(map(string)) })))
      capacity_reservation_selector_terms = optional(list(object({ id = optional(string), owner_id = optional(string), instance_match_criteria = optional(string), tags = optional(map(string)) })))
      associate_public_ip_address         = optional(bool)
      detailed_monitoring                 = optional(bool)
      block_device_mappings = optional(list(object({
        device_name           = string
        volume_size           = optional(string)
        volume_type           = optional(string)
        iops                  = optional(number)
        throughput            = optional(number)
        encrypted             = optional(bool)
        kms_key_id            = optional(string)
        snapshot_id           = optional(string)
        delete_on_termination = optional(bool)
        root_volume           = optional(bool)
      })))
      kubelet = optional(object({
        max_pods                        = optional(number)
        pods_per_core                   = optional(number)
        system_reserved                 = optional(map(string))
        kube_reserved                   = optional(map(string))
        eviction_hard                   = optional(map(string))
        eviction_soft                   = optional(map(string))
        eviction_soft_grace_period      = optional(map(string))
        eviction_max_pod_grace_period   = optional(number)
        image_gc_high_threshold_percent = optional(number)
        image_gc_low_threshold_percent  = optional(number)
        cpu_cfs_quota                   = optional(bool)
        cluster_dns                     = optional(list(string))
      }))
      metadata_options = optional(object({
        http_endpoint               = optional(string)
        http_protocol_ipv6          = optional(string)
        http_put_response_hop_limit = optional(number)
        http_tokens                 = optional(string)
      }))
      user_data = optional(object({
        max_parallel_image_pulls = optional(number)
        fast_image_pull          = optional(bool)
        serialize_image_pulls    = optional(bool)
        pre_pull_images          = optional(list(string))
        registry_pull_qps        = optional(number)
        registry_burst           = optional(number)
        raw                      = optional(string)
      }))
      tags = optional(map(string))
    }), {})

    annotations              = optional(map(string))
    architectures            = optional(list(string))
    instance_categories      = optional(list(string))
    instance_families        = optional(list(string))
    instance_sizes           = optional(list(string))
    instance_types           = optional(list(string))
    min_instance_generation  = optional(number)
    zones                    = optional(list(string))
    labels                   = optional(map(string))
    taints                   = optional(list(object({ key = string, value = optional(string), effect = string })))
    startup_taints           = optional(list(object({ key = string, value = optional(string), effect = string })))
    requirements             = optional(list(object({ key = string, operator = string, values = optional(list(string)), min_values = optional(number) })))
    expire_after             = optional(string)
    termination_grace_period = optional(string)
    disruption = optional(object({
      consolidation_policy = optional(string)
      consolidate_after    = optional(string)
      budgets = optional(list(object({
        nodes    = optional(string)
        schedule = optional(string)
        duration = optional(string)
        reasons  = optional(list(string))
      })))
    }))
    limits           = optional(map(string))
    spot_limits      = optional(map(string))
    on_demand_limits = optional(map(string))
    spot_weight      = optional(number)
    on_demand_weight = optional(number)

    extra_node_classes = optional(map(object({
      role                                = optional(string)
      instance_profile                    = optional(string)
      ami_alias                           = optional(string)
      ami_family                          = optional(string)
      ami_selector_terms                  = optional(list(object({ id = optional(string), name = optional(string), owner = optional(string), ssm_parameter = optional(string), tags = optional(map(string)) })))
      subnet_selector_terms               = optional(list(object({ id = optional(string), tags = optional(map(string)) })))
      security_group_selector_terms       = optional(list(object({ id = optional(string), name = optional(string), tags = optional(map(string)) })))
      capacity_reservation_selector_terms = optional(list(object({ id = optional(string), owner_id = optional(string), instance_match_criteria = optional(string), tags = optional(map(string)) })))
      associate_public_ip_address         = optional(bool)
      detailed_monitoring                 = optional(bool)
      block_device_mappings = optional(list(object({
        device_name           = string
        volume_size           = optional(string)
        volume_type           = optional(string)
        iops                  = optional(number)
        throughput            = optional(number)
        encrypted             = optional(bool)
        kms_key_id            = optional(string)
        snapshot_id           = optional(string)
        delete_on_termination = optional(bool)
        root_volume           = optional(bool)
      })))
      kubelet = optional(object({
        max_pods                        = optional(number)
        pods_per_core                   = optional(number)
        system_reserved                 = optional(map(string))
        kube_reserved                   = optional(map(string))
        eviction_hard                   = optional(map(string))
        eviction_soft                   = optional(map(string))
        eviction_soft_grace_period      = optional(map(string))
        eviction_max_pod_grace_period   = optional(number)
        image_gc_high_threshold_percent = optional(number)
        image_gc_low_threshold_percent  = optional(number)
        cpu_cfs_quota                   = optional(bool)
        cluster_dns                     = optional(list(string))
      }))
      metadata_options = optional(object({
        http_endpoint               = optional(string)
        http_protocol_ipv6          = optional(string)
        http_put_response_hop_limit = optional(number)
        http_tokens                 = optional(string)
      }))
      user_data = optional(object({
        max_parallel_image_pulls = optional(number)
        fast_image_pull          = optional(bool)
        serialize_image_pulls    = optional(bool)
        pre_pull_images          = optional(list(string))
        registry_pull_qps        = optional(number)
        registry_burst           = optional(number)
        raw                      = optional(string)
      }))
      tags = optional(map(string))
    })), {})

    extra_node_pools = optional(map(object({
      node_class_name                          = optional(string)
      node_class_selects_capacity_reservations = optional(bool)
      node_class_group                         = optional(string)
      node_class_kind                          = optional(string)
      weight                                   = optional(number)
      capacity_types                           = optional(list(string))
      annotations                              = optional(map(string))
      architectures                            = optional(list(string))
      instance_categories                      = optional(list(string))
      instance_families                        = optional(list(string))
      instance_sizes                           = optional(list(string))
      instance_types                           = optional(list(string))
      min_instance_generation                  = optional(number)
      zones                                    = optional(list(string))
      labels                                   = optional(map(string))
      taints                                   = optional(list(object({ key = string, value = optional(string), effect = string })))
      startup_taints                           = optional(list(object({ key = string, value = optional(string), effect = string })))
      requirements                             = optional(list(object({ key = string, operator = string, values = optional(list(string)), min_values = optional(number) })))
      expire_after                             = optional(string)
      termination_grace_period                 = optional(string)
      disruption = optional(object({
        consolidation_policy = optional(string)
        consolidate_after    = optional(string)
        budgets = optional(list(object({
          nodes    = optional(string)
          schedule = optional(string)
          duration = optional(string)
          reasons  = optional(list(string))
        })))
      }))
      limits = optional(map(string))
    })), {})
  })
  default  = {}
  nullable = false

  # --- the pair and the module's own settings ---------------------------------
  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$", var.node_pools.name))
    error_message = "node_pools.name must be a lowercase DNS label of at most 42 characters (room for the -on-demand suffix), e.g. \"general\"."
  }
  validation {
    condition     = var.node_pools.cpu_limit >= 1 && var.node_pools.cpu_limit <= 1000000 && floor(var.node_pools.cpu_limit) == var.node_pools.cpu_limit && var.node_pools.spot_share >= 0 && var.node_pools.spot_share <= 1
    error_message = "node_pools.cpu_limit must be a whole number of vCPUs from 1 to 1000000 (a cap on what the pair may launch), and node_pools.spot_share between 0 and 1 (e.g. 0.7 lets spot hold 70% of cpu_limit)."
  }

  validation {
    condition     = contains(["karpenter", "eks_auto_mode"], var.node_pools.mode)
    error_message = "node_pools.mode must be \"karpenter\" (self-managed Karpenter: EC2NodeClass from node_pools.node_class) or \"eks_auto_mode\" (EKS Auto Mode: NodeClass from node_pools.auto_node_class, or the built-in \"default\")."
  }
  validation {
    condition = var.node_pools.mode != "eks_auto_mode" || (
      alltrue([for k, v in var.node_pools.node_class : v == null]) && length(var.node_pools.extra_node_classes) == 0 &&
    alltrue([for p in values(var.node_pools.extra_node_pools) : p.node_class_group == null && p.node_class_kind == null]))
    error_message = "node_pools.mode = \"eks_auto_mode\": node_pools.node_class and extra_node_classes are Karpenter EC2NodeClass settings, and Auto Mode pools always reference an eks.amazonaws.com NodeClass (no extra_node_pools node_class_group/kind). Set the Auto Mode NodeClass in node_pools.auto_node_class (role, subnet/security-group selector terms, ephemeral_storage for the root volume; Auto Mode has no AMI selection, user data or block devices) and extra ones in extra_auto_node_classes."
  }
  validation {
    condition     = var.node_pools.mode != "karpenter" || (alltrue([for k, v in var.node_pools.auto_node_class : v == null]) && length(var.node_pools.extra_auto_node_classes) == 0)
    error_message = "node_pools.auto_node_class and extra_auto_node_classes are EKS Auto Mode NodeClasses: set node_pools.mode = \"eks_auto_mode\", or give Karpenter's EC2NodeClass settings in node_pools.node_class."
  }

  # --- node classes ---------------------------------------------------------
  validation {
    condition     = !var.enable_node_pools || var.node_pools.mode != "karpenter" || (var.node_pools.node_class.role == null) != (var.node_pools.node_class.instance_profile == null)
    error_message = "set exactly one of node_pools.node_class.role (the nodes' IAM role name, e.g. module.karpenter.node_iam_role_name) and node_pools.node_class.instance_profile: the EC2NodeClass takes one or the other."
  }
  validation {
    condition = alltrue([for c in concat([var.node_pools.node_class], values(var.node_pools.extra_node_classes)) :
      (c.ami_alias == null || can(regex("^(al2023|al2|bottlerocket|windows2019|windows2022|windows2025)@(latest|v[0-9.]+)$", coalesce(c.ami_alias, "x")))) &&
      (c.ami_family == null || contains(["AL2", "AL2023", "Bottlerocket", "Custom", "Windows2019", "Windows2022", "Windows2025"], coalesce(c.ami_family, "x"))) &&
      (c.ami_selector_terms == null || (c.ami_alias == null && c.ami_family != null && length(coalesce(c.ami_selector_terms, [])) >= 1 && length(coalesce(c.ami_selector_terms, [])) <= 30))
    ])
    error_message = "node_pools.node_class (and each extra_node_classes entry): ami_alias is <family>@<version> (family al2023, al2, bottlerocket, windows2019/2022/2025; version latest or vYYYYMMDD, e.g. \"bottlerocket@latest\"); ami_selector_terms (1-30) replace the alias and need ami_family (AL2, AL2023, Bottlerocket, Custom, Windows2019/2022/2025)."
  }
  validation {
    condition = alltrue([for c in concat([var.node_pools.node_class], values(var.node_pools.extra_node_classes)) :
      alltrue([for t in coalesce(c.subnet_selector_terms, []) : (t.id == null) != (length(coalesce(t.tags, {})) == 0)]) &&
      alltrue([for t in coalesce(c.security_group_selector_terms, []) : (t.id == null) != (length(coalesce(t.tags, {})) == 0 && t.name == null)]) &&
      (c.subnet_selector_terms == null ? true : length(c.subnet_selector_terms) >= 1 && length(c.subnet_selector_terms) <= 30) &&
      (c.security_group_selector_terms == null ? true : length(c.security_group_selector_terms) >= 1 && length(c.security_group_selector_terms) <= 30)
    ])
    error_message = "node_pools.node_class subnet_selector_terms and security_group_selector_terms (and those of extra_node_classes): 1-30 terms, each either an id (alone) or tags (or a security group name), e.g. [{ tags = { \"karpenter.sh/discovery\" = \"prod\" } }]; null selects by the cluster's discovery tag."
  }
  validation {
    condition = alltrue([for c in concat([var.node_pools.node_class], values(var.node_pools.extra_node_classes)) :
      length(coalesce(c.capacity_reservation_selector_terms, [])) <= 30 && alltrue([for t in coalesce(c.capacity_reservation_selector_terms, []) :
        (t.id == null) != (length(coalesce(t.tags, {})) == 0 && t.owner_id == null && t.instance_match_criteria == null) &&
        (t.owner_id == null ? true : can(regex("^[0-9]{12}$", t.owner_id))) &&
        contains(["open", "targeted"], coalesce(t.instance_match_criteria, "open"))
      ])
    ])
    error_message = "node_pools.node_class.capacity_reservation_selector_terms (and extra_node_classes'): at most 30 terms, each an id (cr-..., alone) or tags / owner_id (12 digits) / instance_match_criteria (open or targeted), e.g. [{ tags = { team = \"ml\" } }]."
  }
  validation {
    condition = alltrue([for c in concat([var.node_pools.node_class], values(var.node_pools.extra_node_classes)) : alltrue([for b in coalesce(c.block_device_mappings, []) :
      can(regex("^/dev/[a-z0-9]+$", b.device_name)) &&
      (b.volume_type == null || contains(["standard", "io1", "io2", "gp2", "sc1", "st1", "gp3"], coalesce(b.volume_type, "gp3"))) &&
      (b.volume_size == null ? b.snapshot_id != null : can(regex("^[0-9]+(Gi|G|Ti|T)$", coalesce(b.volume_size, "x")))) &&
      (b.iops == null || try(b.iops >= 100 && b.iops <= 256000, false)) &&
      (b.throughput == null || try(b.throughput >= 125 && b.throughput <= 2000, false))
    ])])
    error_message = "node_pools.node_class.block_device_mappings (and extra_node_classes'): device_name like \"/dev/xvda\", volume_size like \"100Gi\" (required unless snapshot_id is set), volume_type standard, io1, io2, gp2, sc1, st1 or gp3, iops 100-256000, throughput 125-2000 MiB/s (gp3)."
  }
  validation {
    condition = alltrue([for c in concat([var.node_pools.node_class], values(var.node_pools.extra_node_classes)) : c.kubelet == null ? true : (
      (c.kubelet.max_pods == null ? true : c.kubelet.max_pods >= 1 && c.kubelet.max_pods <= 1000) &&
      (c.kubelet.pods_per_core == null ? true : c.kubelet.pods_per_core >= 1 && c.kubelet.pods_per_core <= 1000) &&
      (c.kubelet.eviction_max_pod_grace_period == null ? true : c.kubelet.eviction_max_pod_grace_period >= 0 && c.kubelet.eviction_max_pod_grace_period <= 86400) &&
      (c.kubelet.image_gc_high_threshold_percent == null ? true : c.kubelet.image_gc_high_threshold_percent >= 0 && c.kubelet.image_gc_high_threshold_percent <= 100) &&
      (c.kubelet.image_gc_low_threshold_percent == null ? true : c.kubelet.image_gc_low_threshold_percent >= 0 && c.kubelet.image_gc_low_threshold_percent <= 100) &&
      (c.kubelet.image_gc_high_threshold_percent == null || c.kubelet.image_gc_low_threshold_percent == null ? true : c.kubelet.image_gc_low_threshold_percent < c.kubelet.image_gc_high_threshold_percent) &&
      alltrue([for k in keys(merge(c.kubelet.system_reserved, c.kubelet.kube_reserved)) : contains(["cpu", "memory", "ephemeral-storage", "pid"], k)])
    )])
    error_message = "node_pools.node_class.kubelet (and extra_node_classes'): max_pods and pods_per_core 1-1000, eviction_max_pod_grace_period 0-86400 s, image_gc_*_threshold_percent 0-100 with low below high, system_reserved/kube_reserved keys cpu, memory, ephemeral-storage or pid."
  }
  validation {
    condition = alltrue([for c in concat([var.node_pools.node_class], values(var.node_pools.extra_node_classes)) : c.metadata_options == null ? true : (
      contains(["enabled", "disabled"], coalesce(c.metadata_options.http_endpoint, "enabled")) &&
      contains(["enabled", "disabled"], coalesce(c.metadata_options.http_protocol_ipv6, "disabled")) &&
      contains(["required", "optional"], coalesce(c.metadata_options.http_tokens, "required")) &&
      (c.metadata_options.http_put_response_hop_limit == null ? true : c.metadata_options.http_put_response_hop_limit >= 1 && c.metadata_options.http_put_response_hop_limit <= 64)
    )])
    error_message = "node_pools.node_class.metadata_options (and extra_node_classes'): http_endpoint and http_protocol_ipv6 enabled or disabled, http_tokens required or optional, http_put_response_hop_limit 1-64 (2 lets pods reach IMDS)."
  }
  validation {
    condition = alltrue([for c in concat([var.node_pools.node_class], values(var.node_pools.extra_node_classes)) : c.user_data == null ? true : (
      (c.user_data.raw == null ? true : c.user_data.max_parallel_image_pulls == null && c.user_data.serialize_image_pulls == null && c.user_data.pre_pull_images == null && c.user_data.registry_pull_qps == null && c.user_data.registry_burst == null && c.user_data.fast_image_pull == null) &&
      (c.user_data.max_parallel_image_pulls == null ? true : c.user_data.max_parallel_image_pulls >= 1 && c.user_data.max_parallel_image_pulls <= 100) &&
      (c.user_data.registry_pull_qps == null ? true : c.user_data.registry_pull_qps >= 0 && c.user_data.registry_pull_qps <= 1000) &&
      (c.user_data.registry_burst == null ? true : c.user_data.registry_burst >= 1 && c.user_data.registry_burst <= 1000) &&
      length(coalesce(c.user_data.pre_pull_images, [])) <= 50
    )])
    error_message = "node_pools.node_class.user_data (and extra_node_classes'): raw replaces every other user_data setting (set one or the other); max_parallel_image_pulls 1-100, registry_pull_qps 0-1000, registry_burst 1-1000, at most 50 pre_pull_images."
  }
  validation {
    condition = alltrue([for c in concat([var.node_pools.node_class], values(var.node_pools.extra_node_classes)) :
      c.user_data == null ? true : (c.user_data.max_parallel_image_pulls == null && c.user_data.serialize_image_pulls == null && c.user_data.pre_pull_images == null) || startswith(coalesce(c.ami_alias, lower(coalesce(c.ami_family, "al2023"))), "al2023")
    ])
    error_message = "node_pools.node_class.user_data: max_parallel_image_pulls, serialize_image_pulls and pre_pull_images are AL2023 (nodeadm) settings; with Bottlerocket use registry_pull_qps/registry_burst, or set ami_alias = \"al2023@latest\"."
  }
  validation {
    condition     = alltrue([for k in keys(var.node_pools.extra_node_classes) : can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", k)) && k != var.node_pools.name])
    error_message = "node_pools.extra_node_classes keys are EC2NodeClass names: lowercase letters, digits, '-' and '.', and not node_pools.name (the main node class)."
  }

  # --- EKS Auto Mode node classes ----------------------------------------------
  validation {
    condition = alltrue([for k, c in var.node_pools.extra_auto_node_classes :
      can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", k)) && k != var.node_pools.name && k != "default" && (c.role != null || var.node_pools.auto_node_class.role != null)
      ]) && (var.node_pools.auto_node_class.role == null || var.node_pools.name != "default") && alltrue([for c in concat([var.node_pools.auto_node_class], values(var.node_pools.extra_auto_node_classes)) :
      c.role == null ? true : can(regex("^[A-Za-z0-9+=,.@_-]{1,64}$", c.role))
    ])
    error_message = "node_pools.auto_node_class.role is the nodes' IAM role name (not its ARN, e.g. \"AmazonEKSAutoNodeRole\"; null uses Auto Mode's built-in \"default\" NodeClass, which node_pools.name must then not be); extra_auto_node_classes keys are NodeClass names (lowercase, '-' and '.', not \"default\" and not node_pools.name), each with a role or the main one's."
  }
  validation {
    condition = alltrue([for c in concat([var.node_pools.auto_node_class], values(var.node_pools.extra_auto_node_classes)) :
      alltrue([for t in concat(coalesce(c.subnet_selector_terms, []), coalesce(c.pod_subnet_selector_terms, []), coalesce(c.pod_security_group_selector_terms, [])) : (t.id == null) != (length(coalesce(t.tags, {})) == 0)]) &&
      alltrue([for t in coalesce(c.security_group_selector_terms, []) : (t.id == null) != (length(coalesce(t.tags, {})) == 0 && t.name == null)]) &&
      alltrue([for t in coalesce(c.capacity_reservation_selector_terms, []) : (t.id == null) != (length(coalesce(t.tags, {})) == 0 && t.owner == null) && (t.owner == null ? true : can(regex("^[0-9]{12}$", t.owner)))]) &&
      alltrue([for l in [c.subnet_selector_terms, c.security_group_selector_terms, c.pod_subnet_selector_terms, c.pod_security_group_selector_terms, c.capacity_reservation_selector_terms] : l == null ? true : length(l) >= 1 && length(l) <= 30]) &&
      ((c.pod_subnet_selector_terms == null) == (c.pod_security_group_selector_terms == null))
    ])
    error_message = "node_pools.auto_node_class (and extra_auto_node_classes) selector terms: 1-30 terms each, every term an id (alone) or tags (a security group also by name; a capacity reservation by tags with an owner of 12 digits), e.g. [{ tags = { \"kubernetes.io/role/internal-elb\" = \"1\" } }]; pod_subnet_selector_terms and pod_security_group_selector_terms go together. Null subnet and security-group terms select by the cluster's karpenter.sh/discovery tag."
  }
  validation {
    condition = alltrue([for c in concat([var.node_pools.auto_node_class], values(var.node_pools.extra_auto_node_classes)) :
      (c.ephemeral_storage == null ? true : (
        (c.ephemeral_storage.size == null ? true : can(regex("^[0-9]+(Gi|G|Ti|T)$", c.ephemeral_storage.size))) &&
        (c.ephemeral_storage.iops == null ? true : c.ephemeral_storage.iops >= 3000 && c.ephemeral_storage.iops <= 16000 && floor(c.ephemeral_storage.iops) == c.ephemeral_storage.iops) &&
        (c.ephemeral_storage.throughput == null ? true : c.ephemeral_storage.throughput >= 125 && c.ephemeral_storage.throughput <= 1000 && floor(c.ephemeral_storage.throughput) == c.ephemeral_storage.throughput)
      )) &&
      contains(["DefaultAllow", "DefaultDeny"], coalesce(c.network_policy, "DefaultAllow")) &&
      contains(["Disabled", "Enabled"], coalesce(c.network_policy_event_logs, "Disabled")) &&
      contains(["Random", "Disabled"], coalesce(c.snat_policy, "Random")) &&
      (c.advanced_networking == null ? true : contains(["Auto", "32"], coalesce(c.advanced_networking.ipv4_prefix_size, "Auto"))) &&
      length(coalesce(c.tags, {})) <= 50
    ])
    error_message = "node_pools.auto_node_class (and extra_auto_node_classes): ephemeral_storage size like \"160Gi\", iops 3000-16000, throughput 125-1000 MiB/s (gp3); network_policy DefaultAllow or DefaultDeny; network_policy_event_logs Disabled or Enabled; snat_policy Random or Disabled; advanced_networking.ipv4_prefix_size Auto or \"32\"; at most 50 tags."
  }

  # --- pools ------------------------------------------------------------------
  validation {
    condition = alltrue([for p in concat([var.node_pools], values(var.node_pools.extra_node_pools)) :
      (p.expire_after == null || can(regex("^(([0-9]+(s|m|h))+|Never)$", coalesce(p.expire_after, "x")))) &&
      (p.termination_grace_period == null || can(regex("^([0-9]+(s|m|h))+$", coalesce(p.termination_grace_period, "x")))) &&
      (p.disruption == null || try(p.disruption.consolidate_after == null || can(regex("^(([0-9]+(s|m|h))+|Never)$", p.disruption.consolidate_after)), false))
    ])
    error_message = "node_pools expire_after (e.g. \"720h\" or \"Never\"), termination_grace_period (e.g. \"48h\", no Never) and disruption.consolidate_after (e.g. \"1m\" or \"Never\") are durations of s, m and h; the same for each extra_node_pools entry."
  }
  validation {
    condition = alltrue([for p in concat([var.node_pools], values(var.node_pools.extra_node_pools)) : p.disruption == null ? true : (
      contains(["WhenEmpty", "WhenEmptyOrUnderutilized", "Balanced"], coalesce(p.disruption.consolidation_policy, "WhenEmpty")) &&
      length(coalesce(p.disruption.budgets, [])) <= 50 &&
      alltrue([for b in coalesce(p.disruption.budgets, []) :
        (b.nodes == null || can(regex("^((100|[0-9]{1,2})%|[0-9]+)$", b.nodes))) &&
        ((b.schedule == null) == (b.duration == null)) &&
        (b.duration == null || can(regex("^((([0-9]+(h|m))|([0-9]+h[0-9]+m))(0s)?)$", b.duration))) &&
        alltrue([for r in coalesce(b.reasons, []) : contains(["Underutilized", "Empty", "Drifted"], r)])
      ])
    )])
    error_message = "node_pools.disruption (and each extra_node_pools entry's): consolidation_policy WhenEmpty, WhenEmptyOrUnderutilized or Balanced; at most 50 budgets, each with nodes \"10%\" or \"5\", a schedule (cron, UTC) together with a duration in h/m (e.g. { nodes = \"0\", schedule = \"0 9 * * mon-fri\", duration = \"8h\" }), reasons from Underutilized, Empty, Drifted."
  }
  validation {
    condition = alltrue([for p in concat([var.node_pools], values(var.node_pools.extra_node_pools)) :
      alltrue([for a in coalesce(p.architectures, []) : contains(["amd64", "arm64"], a)]) &&
      (p.min_instance_generation == null || try(p.min_instance_generation >= 1 && p.min_instance_generation <= 100 && floor(p.min_instance_generation) == p.min_instance_generation, false)) &&
      alltrue([for l in [p.instance_categories, p.instance_families, p.instance_sizes, p.instance_types, p.zones] : l == null || try(length(l) > 0 && alltrue([for v in l : can(regex("^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$", v))]), false)])
    ])
    error_message = "node_pools (and extra_node_pools): architectures amd64 and/or arm64; min_instance_generation a whole number 1-100; instance_categories, instance_families, instance_sizes, instance_types and zones non-empty lists of label values (e.g. [\"c7i\", \"m7i\"]) or null."
  }
  validation {
    condition = alltrue([for p in concat([var.node_pools], values(var.node_pools.extra_node_pools)) :
      alltrue([for t in concat(coalesce(p.taints, []), coalesce(p.startup_taints, [])) : contains(["NoSchedule", "PreferNoSchedule", "NoExecute"], t.effect) && can(regex("^([a-z0-9.-]+/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$", t.key))]) &&
      alltrue([for r in coalesce(p.requirements, []) : contains(["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt", "Gte", "Lte"], r.operator) && (r.min_values == null || try(r.min_values >= 1 && r.min_values <= 50, false))])
    ])
    error_message = "node_pools (and extra_node_pools): taint and startup_taint effects are NoSchedule, PreferNoSchedule or NoExecute with a qualified key (e.g. { key = \"nvidia.com/gpu\", effect = \"NoSchedule\" }); requirement operators In, NotIn, Exists, DoesNotExist, Gt, Lt, Gte or Lte, min_values 1-50."
  }
  validation {
    condition = alltrue([for p in concat([var.node_pools], values(var.node_pools.extra_node_pools)) :
      alltrue([for k, v in coalesce(p.limits, {}) : can(regex("^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$", v))])
    ]) && alltrue([for k, v in merge(coalesce(var.node_pools.spot_limits, {}), coalesce(var.node_pools.on_demand_limits, {})) : can(regex("^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$", v))])
    error_message = "node_pools limits, spot_limits, on_demand_limits (and extra_node_pools limits) map a resource to a quantity, e.g. { cpu = \"1000\", memory = \"4000Gi\", \"nvidia.com/gpu\" = \"16\" }."
  }
  validation {
    condition = alltrue([for w in concat([var.node_pools.spot_weight, var.node_pools.on_demand_weight], [for p in values(var.node_pools.extra_node_pools) : p.weight]) : w == null || try(w >= 1 && w <= 100 && floor(w) == w, false)]) && (
    var.node_pools.spot_weight == null || var.node_pools.on_demand_weight == null || try(var.node_pools.spot_weight > var.node_pools.on_demand_weight, false))
    error_message = "node_pools weights are whole numbers 1-100 and the HIGHER weight is tried first: spot_weight must be above on_demand_weight (defaults 100 and 10); the same range for extra_node_pools weight."
  }
  validation {
    condition = alltrue([for k, p in var.node_pools.extra_node_pools :
      can(regex("^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$", k)) && !contains(["${var.node_pools.name}-spot", "${var.node_pools.name}-on-demand"], k) &&
      (var.node_pools.mode != "eks_auto_mode" || !contains(["general-purpose", "system"], k)) &&
      alltrue([for c in coalesce(p.capacity_types, []) : contains(["spot", "on-demand", "reserved"], c)]) &&
      (p.node_class_group == null || !strcontains(coalesce(p.node_class_group, "x"), "/"))
    ])
    error_message = "node_pools.extra_node_pools keys are NodePool names (lowercase, at most 63 characters, not the pair's <name>-spot or <name>-on-demand, and with eks_auto_mode not Auto Mode's built-in general-purpose or system); capacity_types from spot, on-demand, reserved; node_class_group an API group without version (e.g. karpenter.k8s.aws)."
  }
}

locals {
  # Subnets and security groups tagged for the cluster, as most EKS setups
  # (and terraform-aws-modules/eks) tag them.
  node_pools_discovery_tags       = { "karpenter.sh/discovery" = var.cluster_name }
  node_pools_subnet_terms         = [{ id = null, tags = local.node_pools_discovery_tags }]
  node_pools_security_group_terms = [{ id = null, name = null, tags = local.node_pools_discovery_tags }]

  node_pools_auto_mode = var.node_pools.mode == "eks_auto_mode"

  # Every EC2NodeClass by name (self-managed Karpenter only): the main one,
  # then the extras (whose role defaults to the main one's).
  node_pools_node_classes = !var.enable_node_pools || local.node_pools_auto_mode ? {} : merge(
    { (var.node_pools.name) = var.node_pools.node_class },
    { for k, c in var.node_pools.extra_node_classes : k => merge(c, {
      role             = c.role == null && c.instance_profile == null ? var.node_pools.node_class.role : c.role
      instance_profile = c.role == null && c.instance_profile == null ? var.node_pools.node_class.instance_profile : c.instance_profile
    }) },
  )

  # The pair's vCPU limits: on-demand may use all of cpu_limit, spot its share.
  node_pools_cpu_limits = {
    spot      = { cpu = tostring(ceil(var.node_pools.cpu_limit * var.node_pools.spot_share)) }
    on_demand = { cpu = tostring(var.node_pools.cpu_limit) }
  }
  node_pools_with_spot = var.node_pools.spot_share > 0

  # Per pool: cpu_limit's share, then limits, then the pool's own limits, key by key.
  node_pools_spot_limits      = merge(local.node_pools_cpu_limits.spot, var.node_pools.limits, var.node_pools.spot_limits)
  node_pools_on_demand_limits = merge(local.node_pools_cpu_limits.on_demand, var.node_pools.limits, var.node_pools.on_demand_limits)

  # AMI family of the main pool's nodes, as the latency estimate names it
  # (Auto Mode nodes run Bottlerocket).
  node_pools_ami_family = local.node_pools_auto_mode ? "bottlerocket" : lower(split("@", coalesce(var.node_pools.node_class.ami_alias, var.node_pools.node_class.ami_family, "al2023@latest"))[0])

  # NodePool names, known from the settings alone (the readiness rules and
  # the pre-pull select the pools by name before the pools are rendered):
  # spot first (tried first), the on-demand fallback, then the extra pools.
  node_pools_spot_name      = var.enable_node_pools && local.node_pools_with_spot ? "${var.node_pools.name}-spot" : null
  node_pools_on_demand_name = var.enable_node_pools ? "${var.node_pools.name}-on-demand" : null
  node_pools_names          = var.enable_node_pools ? concat(compact([local.node_pools_spot_name, local.node_pools_on_demand_name]), keys(var.node_pools.extra_node_pools)) : []

  # Startup taints per pool: the pool's own, then those of the readiness
  # rules that gate it (local.node_pools_readiness_taints, a hook each
  # module fills: pool name to taints), so pool and rule cannot drift apart.
  # The pair shares one setting: a rule gates both pools or neither.
  node_pools_pair_startup_taints  = concat(coalesce(var.node_pools.startup_taints, []), try(local.node_pools_readiness_taints["${var.node_pools.name}-on-demand"], []))
  node_pools_extra_startup_taints = { for k, p in var.node_pools.extra_node_pools : k => concat(coalesce(p.startup_taints, []), try(local.node_pools_readiness_taints[k], [])) }

  # Each pool's capacity types, taints and limits, by name (for Kueue's
  # flavors).
  node_pools_settings_by_pool = !var.enable_node_pools ? {} : merge(
    { for n in compact([local.node_pools_spot_name]) : n => { capacity_types = ["spot"], taints = var.node_pools.taints, limits = local.node_pools_spot_limits } },
    { for n in compact([local.node_pools_on_demand_name]) : n => { capacity_types = ["on-demand"], taints = var.node_pools.taints, limits = local.node_pools_on_demand_limits } },
    { for k, p in var.node_pools.extra_node_pools : k => { capacity_types = p.capacity_types, taints = p.taints, limits = p.limits } },
  )

  # Each pool's taints, startup taints included: what a DaemonSet on its
  # nodes (the image pre-pull) must tolerate.
  node_pools_taints_by_pool = !var.enable_node_pools ? {} : merge(
    { for n in compact([local.node_pools_spot_name, local.node_pools_on_demand_name]) : n => concat(coalesce(var.node_pools.taints, []), local.node_pools_pair_startup_taints) },
    { for k, p in var.node_pools.extra_node_pools : k => concat(coalesce(p.taints, []), local.node_pools_extra_startup_taints[k]) },
  )
}

data "scaling_karpenter_ec2_node_class" "this" {
  for_each = local.node_pools_node_classes

  name                                = each.key
  role                                = each.value.role
  instance_profile                    = each.value.instance_profile
  ami_alias                           = each.value.ami_alias
  ami_family                          = each.value.ami_family
  ami_selector_terms                  = each.value.ami_selector_terms
  subnet_selector_terms               = coalesce(each.value.subnet_selector_terms, local.node_pools_subnet_terms)
  security_group_selector_terms       = coalesce(each.value.security_group_selector_terms, local.node_pools_security_group_terms)
  capacity_reservation_selector_terms = each.value.capacity_reservation_selector_terms
  associate_public_ip_address         = each.value.associate_public_ip_address
  detailed_monitoring                 = each.value.detailed_monitoring
  block_device_mappings               = each.value.block_device_mappings
  kubelet                             = each.value.kubelet
  metadata_options                    = each.value.metadata_options
  user_data                           = each.value.user_data
  tags                                = each.value.tags
}

data "scaling_karpenter_fallback_node_pools" "this" {
  count = var.enable_node_pools && !local.node_pools_auto_mode ? 1 : 0

  name                     = var.node_pools.name
  node_class_name          = data.scaling_karpenter_ec2_node_class.this[var.node_pools.name].name
  annotations              = var.node_pools.annotations
  architectures            = var.node_pools.architectures
  instance_categories      = var.node_pools.instance_categories
  instance_families        = var.node_pools.instance_families
  instance_sizes           = var.node_pools.instance_sizes
  instance_types           = var.node_pools.instance_types
  min_instance_generation  = var.node_pools.min_instance_generation
  zones                    = var.node_pools.zones
  labels                   = var.node_pools.labels
  taints                   = var.node_pools.taints
  startup_taints           = length(local.node_pools_pair_startup_taints) == 0 ? null : local.node_pools_pair_startup_taints
  requirements             = var.node_pools.requirements
  expire_after             = var.node_pools.expire_after
  termination_grace_period = var.node_pools.termination_grace_period
  disruption               = var.node_pools.disruption
  limits                   = var.node_pools.limits
  spot_limits              = local.node_pools_spot_limits
  on_demand_limits         = local.node_pools_on_demand_limits
  spot_weight              = var.node_pools.spot_weight
  on_demand_weight         = var.node_pools.on_demand_weight
}

data "scaling_karpenter_node_pool" "extra" {
  for_each = var.enable_node_pools && !local.node_pools_auto_mode ? var.node_pools.extra_node_pools : {}

  name            = each.key
  node_class_name = coalesce(each.value.node_class_name, data.scaling_karpenter_ec2_node_class.this[var.node_pools.name].name)
  # The module's own node classes say whether they select capacity reservations.
  node_class_selects_capacity_reservations = each.value.node_class_selects_capacity_reservations != null ? each.value.node_class_selects_capacity_reservations : try(data.scaling_karpenter_ec2_node_class.this[coalesce(each.value.node_class_name, var.node_pools.name)].selects_capacity_reservations, null)
  node_class_group                         = each.value.node_class_group
  node_class_kind                          = each.value.node_class_kind
  weight                                   = each.value.weight
  capacity_types                           = each.value.capacity_types
  annotations                              = each.value.annotations
  architectures                            = each.value.architectures
  instance_categories                      = each.value.instance_categories
  instance_families                        = each.value.instance_families
  instance_sizes                           = each.value.instance_sizes
  instance_types                           = each.value.instance_types
  min_instance_generation                  = each.value.min_instance_generation
  zones                                    = each.value.zones
  labels                                   = each.value.labels
  taints                                   = each.value.taints
  startup_taints                           = length(local.node_pools_extra_startup_taints[each.key]) == 0 ? null : local.node_pools_extra_startup_taints[each.key]
  requirements                             = each.value.requirements
  expire_after                             = each.value.expire_after
  termination_grace_period                 = each.value.termination_grace_period
  disruption                               = each.value.disruption
  limits                                   = each.value.limits
}

locals {
  # Rendered objects in apply order: node classes before the pools that use
  # them (Karpenter's or Auto Mode's, part_node_pools_auto_mode.tf).
  # For-expressions, not conditionals, which would turn objects into maps.
  node_pools_yaml = concat(
    [for c in data.scaling_karpenter_ec2_node_class.this : c.yaml],
    flatten([for p in data.scaling_karpenter_fallback_node_pools.this : local.node_pools_with_spot ? [p.spot_yaml, p.on_demand_yaml] : [p.on_demand_yaml]]),
    [for p in data.scaling_karpenter_node_pool.extra : p.yaml],
    local.node_pools_auto_mode_yaml,
  )
  node_pools_manifests = concat(
    [for c in data.scaling_karpenter_ec2_node_class.this : c.manifest],
    [for p in data.scaling_karpenter_fallback_node_pools.this : p.spot_manifest if local.node_pools_with_spot],
    [for p in data.scaling_karpenter_fallback_node_pools.this : p.on_demand_manifest],
    [for p in data.scaling_karpenter_node_pool.extra : p.manifest],
    local.node_pools_auto_mode_manifests,
  )
}
