using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/Wearable.Benchmarks -- --filter '*'
// Not typeof(Program): the CLI this references is an ASP.NET Core app now (the live view), whose Program is public too.
BenchmarkSwitcher.FromAssembly(typeof(Wearable.Benchmarks.Recording.EdfRecordingBenchmarks).Assembly).Run(args);
