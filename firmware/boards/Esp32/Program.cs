using System;
using System.Threading;

namespace Wearable.Board.Esp32
{
    /// <summary>
    /// Entry point of the ESP32 image. For now it only proves the deploy chain (build, nanoff flash,
    /// deploy, debug output); the board layer that feeds the firmware core is written in this folder
    /// against the core's interfaces (see README.md).
    /// </summary>
    public static class Program
    {
        private const string Banner = "Wearable firmware, ESP32 board layer (.NET nanoFramework 1.x)";

        public static void Main()
        {
            Console.WriteLine(Banner);
            Console.WriteLine("Board layer not wired yet: no acquisition is running.");

            // A nanoFramework Main that returns ends the application; park the main thread so the
            // device stays up for the debugger and for later worker threads.
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
