using Wearable.VirtualDevice;

// The virtual device: the firmware core on a simulated board. Prints its endpoint on stdout
// ("pty /dev/pts/N" or "tcp 127.0.0.1:PORT", then "ready") and runs until killed or stdin sends "q".
VirtualDeviceOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(VirtualDeviceOptions.Usage);
        return 0;
    }

    options = VirtualDeviceOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}

return VirtualDeviceProgram.Run(options, Console.In, Console.Out);
