namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// Who may send a request: the "needs auth" column of docs/protocol.md section 4, one value per
    /// route of the <see cref="CommandTable"/>.
    /// </summary>
    public static class CommandAccess
    {
        /// <summary>Anyone on the link ("no"): only what identifies the device and opens a session.</summary>
        public const int Open = 0;

        /// <summary>Anyone, but the handler serves it only while the pairing button is active ("armed").</summary>
        public const int PairingWindow = 1;

        /// <summary>Only an authenticated session of this connection ("yes"); others get NotAuthenticated.</summary>
        public const int Authenticated = 2;

        /// <summary>The word docs/protocol.md uses for <paramref name="access"/>.</summary>
        public static string DocWord(int access)
        {
            switch (access)
            {
                case Open: return "no";
                case PairingWindow: return "armed";
                case Authenticated: return "yes";
                default: return "access " + access.ToString();
            }
        }
    }
}
