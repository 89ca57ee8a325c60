using System.Text.RegularExpressions;
using Wearable.Firmware.Commands;
using Wearable.Firmware.Processing;
using Wearable.Kernels.Link;
using Wearable.TestSupport;

namespace Wearable.Firmware.Tests.Core;

/// <summary>
/// Walks docs/protocol.md section 4 against the firmware core's <see cref="CommandTable"/> and against
/// the core itself: the doc and the table must list the same requests with the same access rule and
/// reply, every privileged request is refused before authentication, every request gets its documented
/// reply after it, and every payload of the wrong length is refused.
/// </summary>
public sealed class ProtocolConformanceTests
{
    private static readonly Regex MessageRow = new(@"^\| 0x(?<id>[0-9A-Fa-f]{2}) \| (?<name>\w+) \| (?<dir>[^|]+?) \| (?<reply>[^|]+?) \| (?<auth>[^|]+?) \|$", RegexOptions.Multiline);

    private sealed record DocumentedMessage(LinkMessageType Type, string Name, string Direction, string Reply, string Auth);

    private static List<DocumentedMessage> DocumentedRequests()
    {
        string doc = File.ReadAllText(RepositoryPaths.InRepo("docs", "protocol.md"));
        int start = doc.IndexOf("## 4. Message types", StringComparison.Ordinal);
        int end = doc.IndexOf("## 5.", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/protocol.md has no section 4 'Message types'.");
        var rows = MessageRow.Matches(doc[start..end]).Select(m => new DocumentedMessage(
            (LinkMessageType)Convert.ToByte(m.Groups["id"].Value, 16),
            m.Groups["name"].Value,
            m.Groups["dir"].Value.Trim(),
            m.Groups["reply"].Value.Trim(),
            m.Groups["auth"].Value.Trim())).ToList();
        Assert.True(rows.Count > 20, $"Only {rows.Count} message rows were found in docs/protocol.md section 4.");
        foreach (DocumentedMessage row in rows)
        {
            Assert.True(row.Type.ToString() == row.Name, $"docs/protocol.md names 0x{(byte)row.Type:X2} '{row.Name}'; the code calls it {row.Type}.");
        }

        // What a host may send: H->D, and "both" messages that have a reply (Marker, Calibration; Ack and Error are only answers).
        return rows.Where(r => r.Direction == "H->D" || (r.Direction == "both" && r.Reply != "-")).ToList();
    }

    private static List<CommandRoute> Routes(CommandTable table) => Enumerable.Range(0, table.Count).Select(table.At).ToList();

    [Fact]
    public void The_doc_and_the_command_table_list_the_same_requests_with_the_same_access_and_reply()
    {
        List<DocumentedMessage> documented = DocumentedRequests();
        List<CommandRoute> routes = Routes(new CoreHarness().Device.Dispatcher.Table);
        var problems = new List<string>();
        foreach (DocumentedMessage doc in documented)
        {
            CommandRoute? route = routes.FirstOrDefault(r => r.Request == doc.Type);
            if (route is null)
            {
                problems.Add($"{doc.Name}: documented as a request, not in the command table");
                continue;
            }

            string access = CommandAccess.DocWord(route.Access);
            if (!doc.Auth.StartsWith(access, StringComparison.Ordinal))
            {
                problems.Add($"{doc.Name}: the doc says needs auth '{doc.Auth}', the table says '{access}'");
            }

            string documentedReply = doc.Reply.Split(' ')[0];
            if (documentedReply != route.Reply.ToString())
            {
                problems.Add($"{doc.Name}: the doc says reply '{doc.Reply}', the table says {route.Reply}");
            }
        }

        foreach (CommandRoute route in routes.Where(r => documented.All(d => d.Type != r.Request)))
        {
            problems.Add($"{route.Request}: served by the firmware, not documented as a request in docs/protocol.md section 4");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Before_authentication_every_privileged_request_is_refused_and_every_open_one_is_answered()
    {
        var harness = new CoreHarness();
        foreach (CommandRoute route in Routes(harness.Device.Dispatcher.Table))
        {
            ILinkMessage request = ValidRequests(route.Request).Last();
            int sequence = harness.Host.Send(request, LinkFlags.AckRequested);
            harness.Device.Poll();
            CapturedFrame reply = CoreHarness.ResponseTo(harness.Host.TakeFrames(), sequence);
            if (route.Access == CommandAccess.Authenticated)
            {
                CoreHarness.AssertError(reply, LinkErrorCode.NotAuthenticated, route.Request);
            }
            else
            {
                Assert.True(reply.Type == route.Reply || reply.Type == LinkMessageType.Error, $"{route.Request} before authentication: {reply}");
                if (reply.Type == LinkMessageType.Error)
                {
                    LinkErrorCode code = reply.Read(new ErrorMessage()).Code;
                    Assert.True(code is not (LinkErrorCode.NotAuthenticated or LinkErrorCode.UnknownMessage or LinkErrorCode.MalformedPayload), $"{route.Request} before authentication: {reply}");
                }
            }
        }

        // The refusals had no effect.
        Assert.False(harness.Device.IsAuthenticated);
        Assert.False(harness.Device.Stream.Streaming);
        Assert.False(harness.Device.Slots.Uploading);
    }

    [Fact]
    public void After_authentication_every_request_gets_its_documented_reply()
    {
        var configuration = new DeviceConfiguration { ValidateModels = false };
        foreach (CommandRoute route in Routes(new CoreHarness().Device.Dispatcher.Table))
        {
            // A fresh session per request: Hello and AuthBegin end the one they arrive in.
            var harness = new CoreHarness(configuration: configuration).Authenticate();
            ILinkMessage[] requests = ValidRequests(route.Request);
            CapturedFrame? reply = null;
            foreach (ILinkMessage request in requests)
            {
                int sequence = harness.Host.Send(request, LinkFlags.AckRequested);
                harness.Device.Poll();
                reply = CoreHarness.ResponseTo(harness.Host.TakeFrames(), sequence);
            }

            if (route.Request == LinkMessageType.ConfigSet)
            {
                // Documented: no configuration key is writable in this firmware.
                CoreHarness.AssertError(reply!, LinkErrorCode.UnknownConfigKey, LinkMessageType.ConfigSet);
                continue;
            }

            Assert.True(reply!.Type == route.Reply, $"{route.Request}: expected {route.Reply}, got {reply}.");
        }
    }

    [Fact]
    public void Every_request_with_a_payload_of_the_wrong_length_is_refused_as_malformed()
    {
        foreach (CommandRoute route in Routes(new CoreHarness().Device.Dispatcher.Table))
        {
            var harness = new CoreHarness().Authenticate();
            ILinkMessage request = ValidRequests(route.Request).Last();
            var payload = new byte[LinkProtocol.MaxPayloadLength];
            int length = request.Write(payload, 0) + 1;
            int sequence = harness.Host.SendPayload(route.Request, LinkFlags.None, payload, length);
            harness.Device.Poll();
            CoreHarness.AssertError(CoreHarness.ResponseTo(harness.Host.TakeFrames(), sequence), LinkErrorCode.MalformedPayload, route.Request);
        }
    }

    [Fact]
    public void Every_request_has_a_payload_section_whose_length_matches_its_codec()
    {
        string doc = File.ReadAllText(RepositoryPaths.InRepo("docs", "protocol.md"));
        var documentedLength = new Dictionary<LinkMessageType, int>();
        foreach (Match m in Regex.Matches(doc, @"^### \w+ \(0x(?<id>[0-9A-Fa-f]{2})\)(?: and \w+ \(0x(?<id2>[0-9A-Fa-f]{2})\))?, (?<length>\d+)", RegexOptions.Multiline))
        {
            int length = int.Parse(m.Groups["length"].Value);
            documentedLength[(LinkMessageType)Convert.ToByte(m.Groups["id"].Value, 16)] = length;
            if (m.Groups["id2"].Success)
            {
                documentedLength[(LinkMessageType)Convert.ToByte(m.Groups["id2"].Value, 16)] = length;
            }
        }

        // Holders with every count at 0: a fixed-size payload, or the fixed part of a variable one.
        Dictionary<LinkMessageType, ILinkMessage> holders = typeof(ILinkMessage).Assembly.GetTypes()
            .Where(t => typeof(ILinkMessage).IsAssignableFrom(t) && t.IsClass && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ILinkMessage)Activator.CreateInstance(t)!)
            .ToDictionary(m => m.MessageType);
        var problems = new List<string>();
        foreach (CommandRoute route in Routes(new CoreHarness().Device.Dispatcher.Table))
        {
            if (!documentedLength.TryGetValue(route.Request, out int length))
            {
                problems.Add($"{route.Request}: no payload section in docs/protocol.md section 5");
            }
            else if (!holders.TryGetValue(route.Request, out ILinkMessage? holder) || holder.PayloadLength != length)
            {
                problems.Add($"{route.Request}: the doc says {length} B, the codec writes {(holder is null ? "nothing" : holder.PayloadLength + " B")}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_type_the_device_does_not_serve_is_refused_as_unknown(bool authenticated)
    {
        var harness = new CoreHarness();
        if (authenticated)
        {
            harness.Authenticate();
        }

        foreach (LinkMessageType type in new[] { (LinkMessageType)0x7E, LinkMessageType.DeviceInfo, LinkMessageType.SampleBlock, LinkMessageType.HilResult })
        {
            int sequence = harness.Host.SendPayload(type, LinkFlags.None, new byte[4], 4);
            harness.Device.Poll();
            CoreHarness.AssertError(CoreHarness.ResponseTo(harness.Host.TakeFrames(), sequence), LinkErrorCode.UnknownMessage, type);
        }
    }

    /// <summary>
    /// Well-formed requests that succeed on a fresh authenticated core (the last one is the request
    /// under test, the others set it up). A request type without a case here fails the walk: add one.
    /// </summary>
    private static ILinkMessage[] ValidRequests(LinkMessageType type)
    {
        var begin = new ModelBeginMessage { Slot = 0, TotalSize = 4, Crc32 = LinkCrc32.Compute(new byte[4], 0, 4) };
        var chunk = new ModelChunkMessage { Offset = 0, DataLength = 4 };
        var authBegin = new AuthBeginMessage();
        CoreHarness.HostId.CopyTo(authBegin.HostId, 0);
        var pair = new PairRequestMessage();
        CoreHarness.HostId.CopyTo(pair.HostId, 0);
        return type switch
        {
            LinkMessageType.Hello => [new HelloMessage()],
            LinkMessageType.PairRequest => [pair],
            LinkMessageType.AuthBegin => [authBegin],
            LinkMessageType.AuthResponse => [new AuthResponseMessage()],
            LinkMessageType.StartStream => [new StartStreamMessage { Kind = LinkStreamKind.Raw, BlockSamples = 8, ChannelMask = 0xF }],
            LinkMessageType.StopStream => [new StopStreamMessage { Kind = LinkStreamKind.All }],
            LinkMessageType.Marker => [new MarkerMessage { Value = 7 }],
            LinkMessageType.TimeSyncPing => [new TimeSyncPingMessage { PingId = 1, HostTimeMicros = 5 }],
            LinkMessageType.ConfigGet => [new ConfigGetMessage { Key = LinkConfigKey.SampleRateHz }],
            LinkMessageType.ConfigSet => [new ConfigSetMessage { Key = LinkConfigKey.LogLevel, Value = 1 }],
            LinkMessageType.CalibrationGet => [new CalibrationGetMessage()],
            LinkMessageType.Calibration => [new CalibrationMessage { ChannelCount = 1 }],
            LinkMessageType.ModelBegin => [begin],
            LinkMessageType.ModelChunk => [begin, chunk],
            LinkMessageType.ModelCommit => [begin, chunk, new ModelCommitMessage { Slot = 0, Crc32 = begin.Crc32 }],
            LinkMessageType.ModelAbort => [begin, new ModelAbortMessage { Slot = 0 }],
            LinkMessageType.HilRun => [new HilRunMessage { Target = HilRunMessage.TargetKernel }],
            _ => throw new Xunit.Sdk.XunitException($"The command table serves {type}, which has no conformance case: add one to ValidRequests."),
        };
    }
}
