using System;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Profiles;
using Wearable.Firmware.Slots;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// The model upload requests (authenticated): begin into the inactive slot, in-order chunks with an
    /// Ack each (the host's flow control), a commit that repeats the CRC, and abort. The slot logic and
    /// its durability live in <see cref="ModelSlots"/>; this class only speaks the protocol.
    /// </summary>
    public sealed class ModelUploadCommands : ICommandFamily
    {
        private readonly LinkPort _port;
        private readonly ModelSlots _slots;
        private readonly StreamEngine _stream;
        private readonly BoardProfile _profile;
        private readonly ModelBeginMessage _modelBegin = new ModelBeginMessage();
        private readonly ModelChunkMessage _modelChunk = new ModelChunkMessage();
        private readonly ModelCommitMessage _modelCommit = new ModelCommitMessage();
        private readonly ModelAbortMessage _modelAbort = new ModelAbortMessage();
        private uint _uploadCrc;
        private int _uploadSlot;

        public ModelUploadCommands(LinkPort port, ModelSlots slots, StreamEngine stream, BoardProfile profile)
        {
            if (port == null || slots == null || stream == null || profile == null)
            {
                throw new ArgumentNullException("port", "Port, slots, stream and board profile are required.");
            }

            _profile = profile;
            _port = port;
            _slots = slots;
            _stream = stream;
        }

        public void Register(CommandTable table)
        {
            table.Register(LinkMessageType.ModelBegin, CommandAccess.Authenticated, LinkMessageType.Ack, this);
            table.Register(LinkMessageType.ModelChunk, CommandAccess.Authenticated, LinkMessageType.Ack, this);
            table.Register(LinkMessageType.ModelCommit, CommandAccess.Authenticated, LinkMessageType.Ack, this);
            table.Register(LinkMessageType.ModelAbort, CommandAccess.Authenticated, LinkMessageType.Ack, this);
        }

        public void Handle(LinkFrame frame)
        {
            switch (frame.MessageType)
            {
                case LinkMessageType.ModelBegin:
                    Begin(frame, frame.Sequence);
                    return;
                case LinkMessageType.ModelChunk:
                    Chunk(frame, frame.Sequence);
                    return;
                case LinkMessageType.ModelCommit:
                    Commit(frame, frame.Sequence);
                    return;
                default:
                    Abort(frame, frame.Sequence);
                    return;
            }
        }

        private void Begin(LinkFrame frame, int sequence)
        {
            if (!frame.TryRead(_modelBegin))
            {
                _port.Refuse(LinkMessageType.ModelBegin, sequence, LinkErrorCode.MalformedPayload, "payload length or a field is out of range");
                return;
            }

            int inactive = _slots.ActiveSlot == 0 ? 1 : 0;
            if (_modelBegin.Slot != inactive)
            {
                _port.Refuse(LinkMessageType.ModelBegin, sequence, LinkErrorCode.InvalidArgument, "upload into the inactive slot (the other one than DeviceInfo.ActiveModelSlot)");
                return;
            }

            int flash = _profile.ModelFlashBytes < _slots.SlotSize ? _profile.ModelFlashBytes : _slots.SlotSize;
            if (_modelBegin.TotalSize > (uint)flash)
            {
                _port.Refuse(LinkMessageType.ModelBegin, sequence, LinkErrorCode.ModelTooLarge,
                    "model " + _modelBegin.TotalSize.ToString() + " B > " + flash.ToString() + " B of model flash on " + _profile.Name);
                return;
            }

            _stream.Stop();
            int result = _slots.Begin((int)_modelBegin.TotalSize, _modelBegin.Crc32);
            if (result != SlotResult.Ok)
            {
                _port.Refuse(LinkMessageType.ModelBegin, sequence, ToLinkError(result), SlotResult.Describe(result));
                return;
            }

            _uploadCrc = _modelBegin.Crc32;
            _uploadSlot = inactive;
            _port.Ack(LinkMessageType.ModelBegin, sequence);
        }

        private void Chunk(LinkFrame frame, int sequence)
        {
            if (!frame.TryRead(_modelChunk))
            {
                _port.Refuse(LinkMessageType.ModelChunk, sequence, LinkErrorCode.MalformedPayload, "payload length or a field is out of range");
                return;
            }

            int result = _slots.WriteChunk((int)_modelChunk.Offset, _modelChunk.Data, 0, _modelChunk.DataLength);
            if (result == SlotResult.OutOfOrder)
            {
                // The host lost an Ack or a chunk: the detail's last word is where to resume (also ConfigGet 0x103).
                _port.Refuse(LinkMessageType.ModelChunk, sequence, LinkErrorCode.UnexpectedOffset,
                    "chunk offset " + _modelChunk.Offset.ToString() + " is not the next expected offset: resume at " + _slots.Received.ToString());
                return;
            }

            if (result != SlotResult.Ok)
            {
                _port.Refuse(LinkMessageType.ModelChunk, sequence, ToLinkError(result), SlotResult.Describe(result));
                return;
            }

            _port.Ack(LinkMessageType.ModelChunk, sequence);
        }

        private void Commit(LinkFrame frame, int sequence)
        {
            if (!frame.TryRead(_modelCommit))
            {
                _port.Refuse(LinkMessageType.ModelCommit, sequence, LinkErrorCode.MalformedPayload, "payload length or a field is out of range");
                return;
            }

            if (_slots.Uploading && (_modelCommit.Crc32 != _uploadCrc || _modelCommit.Slot != _uploadSlot))
            {
                _port.Refuse(LinkMessageType.ModelCommit, sequence, LinkErrorCode.InvalidArgument, "commit names another slot or CRC than the upload in progress");
                return;
            }

            int result = _slots.Commit();
            if (result != SlotResult.Ok)
            {
                string detail = result == SlotResult.Rejected && _slots.Validator != null
                    ? "not a usable model: " + _slots.Validator.LastProblem
                    : SlotResult.Describe(result);
                _port.Refuse(LinkMessageType.ModelCommit, sequence, ToLinkError(result), detail);
                return;
            }

            _port.Ack(LinkMessageType.ModelCommit, sequence);
        }

        private void Abort(LinkFrame frame, int sequence)
        {
            if (!frame.TryRead(_modelAbort))
            {
                _port.Refuse(LinkMessageType.ModelAbort, sequence, LinkErrorCode.MalformedPayload, "payload length or a field is out of range");
                return;
            }

            _slots.Abort();
            _port.Ack(LinkMessageType.ModelAbort, sequence);
        }

        private static LinkErrorCode ToLinkError(int slotResult)
        {
            switch (slotResult)
            {
                case SlotResult.TooLarge: return LinkErrorCode.ModelTooLarge;
                case SlotResult.NoUploadInProgress: return LinkErrorCode.NoUploadInProgress;
                case SlotResult.OutOfOrder: return LinkErrorCode.UnexpectedOffset;
                case SlotResult.Overrun: return LinkErrorCode.InvalidArgument;
                case SlotResult.Incomplete: return LinkErrorCode.InvalidArgument;
                case SlotResult.CrcMismatch: return LinkErrorCode.CrcMismatch;
                case SlotResult.Rejected: return LinkErrorCode.ModelInvalid;
                default: return LinkErrorCode.Internal;
            }
        }
    }
}
