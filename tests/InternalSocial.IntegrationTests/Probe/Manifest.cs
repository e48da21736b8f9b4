using InternalSocial.Kernel.Modules;

// This test assembly is also a module, loaded only by the test host: it gives the kernel tests a slow endpoint,
// a table of its own, a dependent feature and a migration that can be made to fail.
[assembly: Module("InternalSocial.Probe", "Probe (tests only)", Category = "Tests")]
[assembly: Feature("InternalSocial.Probe", "Probe", Description = "Test probe.")]
[assembly: Feature("InternalSocial.Probe.Dependent", "Probe dependent", Description = "Needs the probe.", Dependencies = ["InternalSocial.Probe"])]
[assembly: Feature("InternalSocial.Probe.Groups", "Probe group module", Description = "A per-group module with a tab at /groups/{id}/probe.", Dependencies = ["InternalSocial.Groups"])]
[assembly: Feature("InternalSocial.Probe.Workflows", "Probe workflow activities", Description = "Test activities for the workflow engine.", Dependencies = ["InternalSocial.Probe", "InternalSocial.Workflows"])]
[assembly: Feature("InternalSocial.Probe.PostAddon", "Probe post add-on", Description = "A test add-on that posts carry (a note).", Dependencies = ["InternalSocial.Probe", "InternalSocial.Feed"])]
