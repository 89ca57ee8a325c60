using Wearable.Kernels.Link;

namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// One family of requests (session, pairing, streaming, configuration, calibration, model upload,
    /// time sync, HIL): it names its message types in the <see cref="CommandTable"/> and answers them.
    /// The dispatcher has already checked access when <see cref="Handle"/> runs.
    /// </summary>
    public interface ICommandFamily
    {
        /// <summary>Adds a route for each request type this family answers.</summary>
        void Register(CommandTable table);

        /// <summary>Answers one request of a type this family registered.</summary>
        void Handle(LinkFrame frame);
    }
}
