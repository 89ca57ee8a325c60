using System;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Device to host: one log line with the device clock, so logs line up with samples.
    /// Layout (12 + TextLength bytes, little-endian): Level u8 | reserved u8 | TextLength u16 |
    /// TimestampMicros i64 | Text (UTF-8).
    /// </summary>
    public sealed class LogMessage : ILinkMessage
    {
        /// <summary>Level: detailed tracing.</summary>
        public const byte LevelDebug = 0;

        /// <summary>Level: normal operation.</summary>
        public const byte LevelInfo = 1;

        /// <summary>Level: something degraded (overflow, retry).</summary>
        public const byte LevelWarning = 2;

        /// <summary>Level: a failure.</summary>
        public const byte LevelError = 3;

        /// <summary>Bytes before the text.</summary>
        public const int HeaderLength = 12;

        /// <summary>Longest line in bytes.</summary>
        public const int MaxTextLength = 512;

        /// <summary>Creates a holder for the longest line.</summary>
        public LogMessage()
        {
            Text = new byte[MaxTextLength];
        }

        /// <summary>One of the Level constants.</summary>
        public byte Level { get; set; } = LevelInfo;

        /// <summary>Device clock, microseconds.</summary>
        public long TimestampMicros { get; set; }

        /// <summary>Text bytes (UTF-8); the first TextLength are meaningful.</summary>
        public byte[] Text { get; private set; }

        /// <summary>Length of the text.</summary>
        public int TextLength { get; set; }

        /// <summary>Sets the text (allocates a temporary).</summary>
        public void SetText(string text)
        {
            TextLength = LinkText.Encode(text, Text, MaxTextLength);
        }

        /// <summary>The text as a string (allocates).</summary>
        public string GetText()
        {
            return LinkText.Decode(Text, TextLength);
        }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.Log; }
        }

        /// <inheritdoc />
        public int PayloadLength
        {
            get { return HeaderLength + TextLength; }
        }

        /// <inheritdoc />
        public int Write(byte[] buffer, int offset)
        {
            if (TextLength < 0 || TextLength > MaxTextLength)
            {
                throw new ArgumentOutOfRangeException("TextLength", "a log line is 0.." + MaxTextLength.ToString() + " bytes.");
            }

            int length = PayloadLength;
            LinkPayload.CheckWrite(buffer, offset, length);
            buffer[offset] = Level;
            buffer[offset + 1] = 0;
            LinkBytes.WriteUInt16(buffer, offset + 2, TextLength);
            LinkBytes.WriteInt64(buffer, offset + 4, TimestampMicros);
            Array.Copy(Text, 0, buffer, offset + HeaderLength, TextLength);
            return length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, HeaderLength))
            {
                return false;
            }

            int textLength = LinkBytes.ReadUInt16(buffer, offset + 2);
            if (textLength > MaxTextLength || length != HeaderLength + textLength)
            {
                return false;
            }

            Level = buffer[offset];
            TimestampMicros = LinkBytes.ReadInt64(buffer, offset + 4);
            TextLength = textLength;
            Array.Copy(buffer, offset + HeaderLength, Text, 0, textLength);
            return true;
        }
    }
}
