using System.Globalization;
using Wearable.EdgeHost.Recording;
using Wearable.EdgeHost.Sessions;

namespace Wearable.View;

/// <summary>
/// The record and marker buttons on a device session: each start writes a new EDF+ file in
/// <see cref="Folder"/> (never an existing one) with the session recorder, and a marker goes through the
/// session's marker row, which the recorder writes as an EDF+ annotation on the exact sample.
/// </summary>
public sealed class SessionRecordingControl : IRecordingControl, IDisposable
{
    private readonly DeviceSession _session;
    private readonly object _gate = new();
    private SessionRecorder? _recorder;
    private string? _lastFile;
    private int _markers;

    public SessionRecordingControl(DeviceSession session, string folder)
    {
        _session = session;
        Folder = folder;
        session.MarkerPlaced += OnMarker;
    }

    /// <summary>Where recordings go.</summary>
    public string Folder { get; }

    public RecordingStatus Status
    {
        get
        {
            lock (_gate)
            {
                if (_recorder is null)
                {
                    return RecordingStatus.Idle with { LastFile = _lastFile };
                }

                double seconds = _recorder.SamplesWritten / (double)_session.Board!.SamplingRate;
                return new RecordingStatus(true, _recorder.Path, Math.Round(seconds, 1), _markers, _lastFile);
            }
        }
    }

    public RecordingStatus Start()
    {
        lock (_gate)
        {
            if (_recorder is null)
            {
                Directory.CreateDirectory(Folder);
                _recorder = SessionRecorder.Start(_session, NewFilePath());
                _markers = 0;
            }
        }

        return Status;
    }

    public RecordingStatus Stop()
    {
        lock (_gate)
        {
            if (_recorder is not null)
            {
                _recorder.Dispose();
                _lastFile = _recorder.Path;
                _recorder = null;
            }
        }

        return Status;
    }

    public void Mark(int number) => _session.InsertMarker(number);

    public void Dispose()
    {
        _session.MarkerPlaced -= OnMarker;
        Stop();
    }

    private void OnMarker(MarkerPlacement marker)
    {
        lock (_gate)
        {
            if (_recorder is not null)
            {
                _markers++;
            }
        }
    }

    private string NewFilePath()
    {
        string stem = "wearable-view-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string path = Path.Combine(Folder, stem + ".edf");
        for (int n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(Folder, stem + "-" + n + ".edf");
        }

        return path;
    }
}
