// Package modules checks the Terraform modules under modules/ against the
// provider they wrap: every input attribute of the data sources and
// resources a module wraps is reachable through its variables (or listed in
// its README as deliberately not exposed), and the part files the stack
// shares with the part modules are identical copies. It reads the provider
// schema in process and the modules' HCL; no terraform binary is needed.
package modules
