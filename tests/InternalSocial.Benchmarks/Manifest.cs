using InternalSocial.Kernel.Modules;

// The benchmark is itself a module, so the host finds it the way it finds every other one (by its
// "InternalSocial." name in the dependency context) and the measured shell builds go through the real catalog.
[assembly: Module("InternalSocial.Benchmarks", "Benchmarks",
    Description = "Synthetic features that give the benchmarks something to route to and a realistic number of modules to rebuild.",
    Category = "Benchmarks")]
[assembly: Feature("Bench.Ping", "Ping", Description = "GET /bench/ping answers \"ok\".", Category = "Benchmarks")]
[assembly: Feature("Bench.F01", "Bench feature 01", Category = "Benchmarks")]
[assembly: Feature("Bench.F02", "Bench feature 02", Category = "Benchmarks")]
[assembly: Feature("Bench.F03", "Bench feature 03", Category = "Benchmarks")]
[assembly: Feature("Bench.F04", "Bench feature 04", Category = "Benchmarks")]
[assembly: Feature("Bench.F05", "Bench feature 05", Category = "Benchmarks")]
[assembly: Feature("Bench.F06", "Bench feature 06", Category = "Benchmarks")]
[assembly: Feature("Bench.F07", "Bench feature 07", Category = "Benchmarks")]
[assembly: Feature("Bench.F08", "Bench feature 08", Category = "Benchmarks")]
[assembly: Feature("Bench.F09", "Bench feature 09", Category = "Benchmarks")]
[assembly: Feature("Bench.F10", "Bench feature 10", Category = "Benchmarks")]
[assembly: Feature("Bench.F11", "Bench feature 11", Category = "Benchmarks")]
[assembly: Feature("Bench.F12", "Bench feature 12", Category = "Benchmarks")]
[assembly: Feature("Bench.F13", "Bench feature 13", Category = "Benchmarks")]
[assembly: Feature("Bench.F14", "Bench feature 14", Category = "Benchmarks")]
[assembly: Feature("Bench.F15", "Bench feature 15", Category = "Benchmarks")]
[assembly: Feature("Bench.Workflows", "Benchmark workflow event", Description = "The event bench.event for the workflow engine benchmark.", Category = "Benchmarks", Dependencies = ["InternalSocial.Workflows"])]
