namespace Wearable.EdgeHost.Tests.Recording;

/// <summary>A scratch folder per test class, removed afterwards.</summary>
public sealed class TempFiles : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wearable-edf-").FullName;

    public string Path(string name) => System.IO.Path.Combine(_dir, name);

    /// <summary>Writes bytes to a new scratch file and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        string path = Path(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in /tmp is harmless; failing the run over it is not.
        }
    }
}
