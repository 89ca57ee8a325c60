namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Device to host: the current value of a setting (reply to ConfigGet and ConfigSet).
    /// Layout: see <see cref="ConfigEntryPayload"/>.
    /// </summary>
    public sealed class ConfigValueMessage : ConfigEntryPayload
    {
        /// <inheritdoc />
        public override LinkMessageType MessageType
        {
            get { return LinkMessageType.ConfigValue; }
        }
    }
}
