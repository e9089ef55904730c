package kueue

import "slices"

// withDefaults fills the documented defaults; it never changes what the
// user set.
func withDefaults(s Spec) Spec {
	if s.ClusterQueue == "" {
		s.ClusterQueue = DefaultClusterQueue
	}
	if s.QueueingStrategy == "" {
		s.QueueingStrategy = DefaultQueueingStrategy
	}
	p := &s.Preemption
	for _, v := range []*string{&p.ReclaimWithinCohort, &p.WithinClusterQueue, &p.BorrowWithinCohort} {
		if *v == "" {
			*v = DefaultPreemptionPolicy
		}
	}
	flavors := make([]Flavor, len(s.Flavors))
	for i, f := range s.Flavors {
		if f.Name == "" {
			f.Name = f.NodePool
			if f.CapacityType != "" {
				f.Name += "-" + f.CapacityType
			}
		}
		flavors[i] = f
	}
	s.Flavors = flavors
	queues := make([]LocalQueue, len(s.LocalQueues))
	for i, q := range s.LocalQueues {
		if q.Name == "" {
			q.Name = s.ClusterQueue
		}
		queues[i] = q
	}
	s.LocalQueues = queues
	if s.Provisioning != nil {
		pc := *s.Provisioning
		if pc.Name == "" {
			pc.Name = DefaultAdmissionCheck
		}
		if pc.ConfigName == "" {
			pc.ConfigName = pc.Name
		}
		if pc.ControllerName == "" {
			pc.ControllerName = ProvisioningControllerName
		}
		if pc.APIGroup == "" {
			pc.APIGroup = APIGroup
		}
		if pc.ProvisioningClassName == "" {
			pc.ProvisioningClassName = DefaultProvisioningClass
		}
		pc.ManagedResources = slices.Clone(pc.ManagedResources)
		s.Provisioning = &pc
	}
	return s
}
