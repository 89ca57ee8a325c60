using System.Reflection;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Tests.Link;

/// <summary>Random but valid field values for any message holder (tests and fuzzing).</summary>
internal static class MessageFiller
{
    public static void Fill(ILinkMessage message, Random rng)
    {
        switch (message)
        {
            case SampleBlockMessage block:
                block.Kind = (LinkStreamKind)rng.Next(1, 6);
                block.ChannelCount = rng.Next(1, 33);
                block.SampleCount = rng.Next(0, SampleBlockMessage.MaxSamplesFor(block.ChannelCount) + 1);
                block.BlockSequence = (uint)rng.NextInt64(0, 1L << 32);
                block.TimestampMicros = rng.NextInt64(long.MinValue, long.MaxValue);
                for (int i = 0; i < block.ValueCount; i++)
                {
                    block.Values[i] = (short)rng.Next(short.MinValue, short.MaxValue + 1);
                }

                return;
            case CalibrationMessage cal:
                cal.ChannelCount = rng.Next(0, CalibrationMessage.MaxChannels + 1);
                for (int c = 0; c < cal.ChannelCount; c++)
                {
                    cal.GainQ16[c] = rng.Next(int.MinValue, int.MaxValue);
                    cal.OffsetLsb[c] = (short)rng.Next(short.MinValue, short.MaxValue + 1);
                    cal.NoiseThresholdLsb[c] = (short)rng.Next(short.MinValue, short.MaxValue + 1);
                }

                return;
            case ModelChunkMessage chunk:
                chunk.Offset = (uint)rng.NextInt64(0, 1L << 32);
                chunk.DataLength = rng.Next(0, ModelChunkMessage.MaxDataLength + 1);
                rng.NextBytes(chunk.Data.AsSpan(0, chunk.DataLength));
                return;
            case HilRunMessage run:
                run.Target = (byte)rng.Next(0, 2);
                run.NameLength = rng.Next(0, HilRunMessage.MaxNameLength + 1);
                run.InputLength = rng.Next(0, HilRunMessage.MaxInputLength - run.NameLength + 1);
                rng.NextBytes(run.Name.AsSpan(0, run.NameLength));
                rng.NextBytes(run.Input.AsSpan(0, run.InputLength));
                return;
            case HilResultMessage result:
                result.Status = (LinkErrorCode)rng.Next(0, 25);
                result.TickFrequencyHz = (uint)rng.NextInt64(0, 1L << 32);
                result.ElapsedTicks = rng.NextInt64();
                result.OutputLength = rng.Next(0, HilResultMessage.MaxOutputLength + 1);
                rng.NextBytes(result.Output.AsSpan(0, result.OutputLength));
                return;
            case ErrorMessage error:
                error.Code = (LinkErrorCode)rng.Next(1, 25);
                error.RefusedSequence = rng.Next(0, 65536);
                error.RefusedType = (LinkMessageType)rng.Next(0, 256);
                error.DetailLength = rng.Next(0, ErrorMessage.MaxDetailLength + 1);
                rng.NextBytes(error.Detail.AsSpan(0, error.DetailLength));
                return;
            case StartStreamMessage start:
                FillFixedLayout(start, rng);
                start.Options = rng.Next(0, 256);
                return;
            case LogMessage log:
                log.Level = (byte)rng.Next(0, 4);
                log.TimestampMicros = rng.NextInt64();
                log.TextLength = rng.Next(0, LogMessage.MaxTextLength + 1);
                rng.NextBytes(log.Text.AsSpan(0, log.TextLength));
                return;
        }

        FillFixedLayout(message, rng);
    }

    // Fixed-layout messages: every settable property gets a random value of its wire range (int properties are
    // u16 fields or full int32 ones; 0..65535 is valid for both) and every byte[] field random bytes.
    private static void FillFixedLayout(ILinkMessage message, Random rng)
    {
        foreach (PropertyInfo p in message.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Type t = p.PropertyType;
            if (t == typeof(byte[]))
            {
                rng.NextBytes((byte[])p.GetValue(message)!);
                continue;
            }

            if (!p.CanWrite || p.SetMethod is null || !p.SetMethod.IsPublic)
            {
                continue;
            }

            object value = t switch
            {
                _ when t == typeof(byte) => (byte)rng.Next(0, 256),
                _ when t == typeof(short) => (short)rng.Next(short.MinValue, short.MaxValue + 1),
                _ when t == typeof(int) => rng.Next(0, 65536),
                _ when t == typeof(uint) => (uint)rng.NextInt64(0, 1L << 32),
                _ when t == typeof(long) => rng.NextInt64(long.MinValue, long.MaxValue),
                _ when t.IsEnum => Enum.ToObject(t, rng.Next(0, Enum.GetUnderlyingType(t) == typeof(byte) ? 256 : 65536)),
                _ => throw new InvalidOperationException("no filler for " + t.Name + " " + p.Name),
            };
            p.SetValue(message, value);
        }
    }
}
