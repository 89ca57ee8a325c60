namespace Wearable.EdgeHost.Sessions;

/// <summary>
/// The session lost its device and could not get it back. <see cref="Exception.InnerException"/> is
/// the cause the transport reported (a hang-up, an I/O error), so a reader can tell a pulled cable
/// from a crashed device.
/// </summary>
public sealed class LinkLostException : IOException
{
    public LinkLostException(string connection, Exception? cause)
        : base("lost the link to " + connection + (cause is null ? string.Empty : ": " + cause.Message), cause)
    {
        Connection = connection;
    }

    public string Connection { get; }
}
