using System;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Host to device (authenticated): run a kernel by name, or the active model, once on Input and answer with
    /// HilResult. Used to prove on-device results equal the host's byte for byte and to time them in device ticks.
    /// Layout (4 + NameLength + InputLength bytes, little-endian): Target u8 | NameLength u8 | InputLength u16 |
    /// Name (ASCII) | Input.
    /// </summary>
    public sealed class HilRunMessage : ILinkMessage
    {
        /// <summary>Target: the kernel named by Name.</summary>
        public const byte TargetKernel = 0;

        /// <summary>Target: the active model (Name must be empty).</summary>
        public const byte TargetActiveModel = 1;

        /// <summary>Bytes before the name.</summary>
        public const int HeaderLength = 4;

        /// <summary>Longest kernel name.</summary>
        public const int MaxNameLength = 32;

        /// <summary>Largest input (with an empty name).</summary>
        public const int MaxInputLength = LinkProtocol.MaxPayloadLength - HeaderLength;

        /// <summary>Creates a holder sized for the largest run.</summary>
        public HilRunMessage()
        {
            Name = new byte[MaxNameLength];
            Input = new byte[MaxInputLength];
        }

        /// <summary><see cref="TargetKernel"/> or <see cref="TargetActiveModel"/>.</summary>
        public byte Target { get; set; }

        /// <summary>Kernel name bytes (ASCII); the first NameLength are meaningful.</summary>
        public byte[] Name { get; private set; }

        /// <summary>Length of the name.</summary>
        public int NameLength { get; set; }

        /// <summary>Input bytes in the kernel's own layout; the first InputLength are meaningful.</summary>
        public byte[] Input { get; private set; }

        /// <summary>Length of the input.</summary>
        public int InputLength { get; set; }

        /// <summary>Sets the kernel name (set-up time; allocates a temporary).</summary>
        public void SetName(string name)
        {
            NameLength = LinkText.Encode(name, Name, MaxNameLength);
        }

        /// <summary>The kernel name as a string (allocates).</summary>
        public string GetName()
        {
            return LinkText.Decode(Name, NameLength);
        }

        /// <summary>Copies the input and sets InputLength.</summary>
        public void SetInput(byte[] source, int sourceOffset, int count)
        {
            if (count < 0 || count > MaxInputLength)
            {
                throw new ArgumentOutOfRangeException("count", "HIL input is 0.." + MaxInputLength.ToString() + " bytes.");
            }

            Array.Copy(source, sourceOffset, Input, 0, count);
            InputLength = count;
        }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.HilRun; }
        }

        /// <inheritdoc />
        public int PayloadLength
        {
            get { return HeaderLength + NameLength + InputLength; }
        }

        /// <inheritdoc />
        public int Write(byte[] buffer, int offset)
        {
            if (NameLength < 0 || NameLength > MaxNameLength || InputLength < 0 || InputLength > MaxInputLength)
            {
                throw new ArgumentOutOfRangeException(
                    "InputLength",
                    "name is 0.." + MaxNameLength.ToString() + " bytes and name plus input at most "
                    + MaxInputLength.ToString() + ".");
            }

            int length = PayloadLength;
            LinkPayload.CheckWrite(buffer, offset, length);
            buffer[offset] = Target;
            buffer[offset + 1] = (byte)NameLength;
            LinkBytes.WriteUInt16(buffer, offset + 2, InputLength);
            Array.Copy(Name, 0, buffer, offset + HeaderLength, NameLength);
            Array.Copy(Input, 0, buffer, offset + HeaderLength + NameLength, InputLength);
            return length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, HeaderLength))
            {
                return false;
            }

            int nameLength = buffer[offset + 1];
            int inputLength = LinkBytes.ReadUInt16(buffer, offset + 2);
            if (nameLength > MaxNameLength || length != HeaderLength + nameLength + inputLength)
            {
                return false;
            }

            Target = buffer[offset];
            NameLength = nameLength;
            InputLength = inputLength;
            Array.Copy(buffer, offset + HeaderLength, Name, 0, nameLength);
            Array.Copy(buffer, offset + HeaderLength + nameLength, Input, 0, inputLength);
            return true;
        }
    }
}
