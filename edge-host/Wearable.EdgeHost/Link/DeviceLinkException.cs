using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Link;

/// <summary>The device refused a request (an Error frame) or did not answer in time.</summary>
public sealed class DeviceLinkException : Exception
{
    public DeviceLinkException(LinkErrorCode code, LinkMessageType request, string detail)
        : base($"The device refused {request}: {code} ({detail}).")
    {
        Code = code;
        Request = request;
        Detail = detail;
    }

    public DeviceLinkException(string message)
        : base(message)
    {
        Code = LinkErrorCode.None;
        Detail = message;
    }

    /// <summary>The device's error code (None for a timeout or a lost link).</summary>
    public LinkErrorCode Code { get; }

    public LinkMessageType Request { get; }

    public string Detail { get; }
}
