namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Host to device (authenticated): write one setting. Reply: ConfigValue with the value now in effect, or Error.
    /// Layout: see <see cref="ConfigEntryPayload"/>.
    /// </summary>
    public sealed class ConfigSetMessage : ConfigEntryPayload
    {
        /// <inheritdoc />
        public override LinkMessageType MessageType
        {
            get { return LinkMessageType.ConfigSet; }
        }
    }
}
