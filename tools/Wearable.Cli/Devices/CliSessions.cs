using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Link;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Sessions;
using Wearable.EdgeHost.Transports;

namespace Wearable.Cli.Devices;

/// <summary>Opens device sessions for verbs and turns every way that can fail into a one-line error with a hint.</summary>
public static class CliSessions
{
    /// <summary>Parses a connection string or explains the accepted forms.</summary>
    public static ConnectionString Parse(string text)
    {
        try
        {
            return ConnectionString.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new CliException(ex.Message, "Run 'wearable devices' to list devices and their connection strings.");
        }
    }

    /// <summary>Connects (no authentication yet): for info and pair.</summary>
    public static DeviceSession Connect(string connection, HostKeyStore keys, DeviceSessionOptions? options = null) =>
        Guard(connection, () => DeviceSession.ConnectAsync(Parse(connection), keys, options).GetAwaiter().GetResult());

    /// <summary>Connects and prepares (hello + authenticate + clock sync).</summary>
    public static DeviceSession OpenPrepared(string connection, HostKeyStore keys, DeviceSessionOptions? options = null)
    {
        DeviceSession session = Connect(connection, keys, options);
        try
        {
            Guard(connection, () =>
            {
                session.PrepareAsync().GetAwaiter().GetResult();
                return 0;
            });
            return session;
        }
        catch
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>Runs a device operation, mapping link, transport and pairing failures to CLI errors.</summary>
    public static T Guard<T>(string connection, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DeviceNotPairedException ex)
        {
            throw new CliException(ex.Message, "Pairing stores a key in " + HostKeyStore.ForCurrentUser().Directory + "; 'wearable devices' lists what is paired.");
        }
        catch (DeviceLinkException ex)
        {
            throw new CliException(ex.Message, "Check that the device is on and the connection string is right: " + connection);
        }
        catch (SerialException ex)
        {
            string hint = ex.Hint.StartsWith("Hint: ", StringComparison.Ordinal) ? ex.Hint[6..] : ex.Hint;
            throw new CliException(ex.Message[..^(ex.Hint.Length + 1)], hint);
        }
        catch (IOException ex)
        {
            throw new CliException(ex.Message, "Run 'wearable devices' to see what is connected.");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliException(ex.Message, "Add yourself to the dialout group (sudo usermod -aG dialout $USER) and log in again.");
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message, "Check the sim:// options: seed, channels (1..32), rate, source, transport, fast, baud, pairing.");
        }
    }
}
