using Tmds.DBus;

namespace Wearable.FakeBlueZ;

/// <summary>The org.freedesktop.DBus.Properties half of a fake BlueZ object: values plus PropertiesChanged.</summary>
public abstract class FakeProperties(ObjectPath path)
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    private Action<PropertyChanges>? _changed;

    public ObjectPath ObjectPath { get; } = path;

    public Task<object> GetAsync(string prop)
    {
        lock (_values)
        {
            return _values.TryGetValue(prop, out object? value)
                ? Task.FromResult(value)
                : Task.FromException<object>(new DBusException("org.freedesktop.DBus.Error.InvalidArgs", "No such property " + prop));
        }
    }

    public Task<IDictionary<string, object>> GetAllAsync() => Task.FromResult<IDictionary<string, object>>(Snapshot());

    public Task SetAsync(string prop, object val) => Task.FromException(new DBusException("org.bluez.Error.NotSupported", "read-only in the fake"));

    public Task<IDisposable> WatchPropertiesAsync(Action<PropertyChanges> handler)
    {
        _changed = handler;
        return Task.FromResult<IDisposable>(new Unwatch(() => _changed = null));
    }

    /// <summary>The current values (for GetManagedObjects and InterfacesAdded).</summary>
    public Dictionary<string, object> Snapshot()
    {
        lock (_values)
        {
            return new Dictionary<string, object>(_values, StringComparer.Ordinal);
        }
    }

    /// <summary>Sets a value and, when <paramref name="announce"/>, emits PropertiesChanged as BlueZ does.</summary>
    public void Set(string name, object value, bool announce = true)
    {
        lock (_values)
        {
            _values[name] = value;
        }

        if (announce)
        {
            _changed?.Invoke(PropertyChanges.ForProperty(name, value));
        }
    }

    private sealed class Unwatch(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
