using System.Threading.Tasks;
using Meadow;
using Meadow.Devices;

namespace Wearable.Board.MeadowF7
{
    /// <summary>
    /// Meadow.OS entry point (Meadow finds the App subclass in App.dll). For now it only proves the
    /// deploy chain (build, meadow app deploy, log output); the board layer that feeds the firmware
    /// core is written in this folder against the core's interfaces (see README.md).
    /// </summary>
    public sealed class MeadowApp : App<F7FeatherV2>
    {
        private const string Banner = "Wearable firmware, Meadow F7 board layer (Meadow.OS, .NET Standard 2.1)";

        public override Task Initialize()
        {
            Resolver.Log.Info(Banner);
            return base.Initialize();
        }

        public override Task Run()
        {
            Resolver.Log.Info("Board layer not wired yet: no acquisition is running.");
            return base.Run();
        }
    }
}
