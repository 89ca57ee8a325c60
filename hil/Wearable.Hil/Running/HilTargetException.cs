namespace Wearable.Hil.Running;

/// <summary>The rig's target cannot be reached or used; the message says what to do.</summary>
public sealed class HilTargetException(string message) : Exception(message);
