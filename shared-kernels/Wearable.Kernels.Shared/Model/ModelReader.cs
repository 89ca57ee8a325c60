using Wearable.Kernels.Gesture;
using Wearable.Kernels.Link;

namespace Wearable.Kernels.Model
{
    /// <summary>
    /// Reads and validates a model file (docs/model-format.md): header, CRC-32, section table, then
    /// every section, checking each size, index, shape and range before it is used. Throws
    /// <see cref="ModelFormatException"/> naming the field and byte offset; returns a model only when
    /// everything passed. Allocation happens here, at load, never later.
    /// </summary>
    public static class ModelReader
    {
        public const int FormatVersion = 1;
        public const int HeaderSize = 16;
        public const int SectionEntrySize = 12;
        public const int MaxSections = 32;

        /// <summary>"WMDL" read as a little-endian u32.</summary>
        public const int Magic = 0x4C444D57;

        /// <summary>Reads a file held as bytes (host tools): one int8 copy of it is made for the layers to use in place.</summary>
        public static ModelDefinition Read(byte[] file)
        {
            if (file == null)
            {
                throw new ModelFormatException("file", 0, "too short to be a model file (0 bytes)");
            }

            var image = new sbyte[file.Length];
            for (int i = 0; i < file.Length; i++)
            {
                image[i] = (sbyte)file[i];
            }

            return Read(image);
        }

        /// <summary>
        /// Reads a file held as int8 (the device reads its model slot this way): the CNN weights are
        /// used where they lie in <paramref name="file"/>, which the returned model keeps.
        /// </summary>
        public static ModelDefinition Read(sbyte[] file)
        {
            if (file == null || file.Length < HeaderSize + 4)
            {
                throw new ModelFormatException("file", 0, "too short to be a model file (" + (file == null ? 0 : file.Length).ToString() + " bytes)");
            }

            var header = new ModelByteReader(file, 0, HeaderSize);
            if (header.I32("header.magic") != Magic)
            {
                throw new ModelFormatException("header.magic", 0, "not a Wearable model file (expected \"WMDL\")");
            }

            int version = header.U16("header.version");
            if (version != FormatVersion)
            {
                throw new ModelFormatException("header.version", 4, "format version " + version.ToString() + " is not supported by this reader (supports " + FormatVersion.ToString() + ")");
            }

            header.U16In("header.header_size", HeaderSize, HeaderSize);
            int fileLength = header.U32("header.file_length", HeaderSize + 4, int.MaxValue);
            if (fileLength != file.Length)
            {
                throw new ModelFormatException("header.file_length", 8, "header says " + fileLength.ToString() + " bytes but the file has " + file.Length.ToString() + " (truncated or padded)");
            }

            int crcOffset = fileLength - 4;
            uint stored = (uint)new ModelByteReader(file, crcOffset, fileLength).I32("crc32");
            // The same CRC-32 (IEEE 802.3) that protects link frames protects the file, so a device checks both with one table.
            uint actual = LinkCrc32.Begin();
            for (int i = 0; i < crcOffset; i++)
            {
                actual = LinkCrc32.Step(actual, file[i]);
            }

            actual = LinkCrc32.Finish(actual);
            if (stored != actual)
            {
                throw new ModelFormatException("crc32", crcOffset, "checksum mismatch: the file is corrupt");
            }

            int sectionCount = header.U16In("header.section_count", 1, MaxSections);
            header.Reserved("header.reserved", 2);
            int tableEnd = HeaderSize + sectionCount * SectionEntrySize;
            if (tableEnd > crcOffset)
            {
                throw new ModelFormatException("header.section_count", 12, "section table does not fit in the file");
            }

            var types = new int[sectionCount];
            var flags = new int[sectionCount];
            var offsets = new int[sectionCount];
            var lengths = new int[sectionCount];
            ReadSectionTable(file, sectionCount, tableEnd, crcOffset, types, flags, offsets, lengths);

            int inputIndex = Find(types, ModelSectionType.Input);
            if (inputIndex < 0)
            {
                throw new ModelFormatException("section_table", HeaderSize, "the input section (type 1) is required");
            }

            var model = new ModelDefinition(InputSectionReader.Read(Body(file, offsets, lengths, inputIndex)));
            model.FormatVersion = version;
            model.FileLength = fileLength;
            model.Crc = actual;

            int index = Find(types, ModelSectionType.FrontEnd);
            if (index >= 0)
            {
                model.FrontEnd = FrontEndSectionReader.Read(Body(file, offsets, lengths, index), model.Input);
            }

            index = Find(types, ModelSectionType.Spiking);
            if (index >= 0)
            {
                model.SpikingLayers = SpikingSectionReader.Read(Body(file, offsets, lengths, index));
            }

            index = Find(types, ModelSectionType.Tensors);
            if (index >= 0)
            {
                model.Tensors = CnnSectionReader.ReadTensors(Body(file, offsets, lengths, index));
            }

            index = Find(types, ModelSectionType.QuantTables);
            if (index >= 0)
            {
                model.QuantTables = CnnSectionReader.ReadQuantTables(Body(file, offsets, lengths, index));
            }

            index = Find(types, ModelSectionType.CnnGraph);
            if (index >= 0)
            {
                if (model.Tensors.Length == 0)
                {
                    throw new ModelFormatException("section_table", HeaderSize, "a CNN graph section needs a tensors section (type 4)");
                }

                CnnSectionReader.ReadGraph(Body(file, offsets, lengths, index), model);
            }
            else if (model.Tensors.Length > 0 || model.QuantTables.Length > 0)
            {
                throw new ModelFormatException("section_table", HeaderSize, "tensors or quantization tables without a CNN graph section (type 6)");
            }

            FrontEndSectionReader.CheckCnnInput(model);

            index = Find(types, ModelSectionType.EegDetector);
            if (index >= 0)
            {
                ModelByteReader eeg = Body(file, offsets, lengths, index);
                model.EegDetector = EegDetectorSectionReader.Read(eeg, model.Input);
                End(eeg, "eeg_detector");
            }

            index = Find(types, ModelSectionType.Labels);
            if (index >= 0)
            {
                model.Labels = InputSectionReader.ReadLabels(Body(file, offsets, lengths, index), model);
            }

            index = Find(types, ModelSectionType.GestureDecision);
            if (index >= 0)
            {
                ModelByteReader gesture = Body(file, offsets, lengths, index);
                model.GestureDecision = GestureDecisionSectionReader.Read(gesture, model.Input, Classes(model));
                End(gesture, "gesture_decision");
            }

            index = Find(types, ModelSectionType.Card);
            if (index >= 0)
            {
                ModelByteReader card = Body(file, offsets, lengths, index);
                model.Name = card.String8("card.name");
                model.Description = card.String16("card.description", 4096);
                End(card, "card");
            }

            for (int i = 0; i < sectionCount; i++)
            {
                if (types[i] > ModelSectionType.LastKnown)
                {
                    model.SkippedSections++;
                }
            }

            return model;
        }

        /// <summary>Fails unless a section's reader consumed exactly its declared length.</summary>
        public static void End(ModelByteReader reader, string section)
        {
            if (reader.Remaining != 0)
            {
                throw reader.Error(section, reader.Remaining.ToString() + " unexpected trailing bytes at the end of the section");
            }
        }

        private static void ReadSectionTable(sbyte[] file, int count, int tableEnd, int crcOffset, int[] types, int[] flags, int[] offsets, int[] lengths)
        {
            var table = new ModelByteReader(file, HeaderSize, tableEnd);
            for (int i = 0; i < count; i++)
            {
                string prefix = "section[" + i.ToString() + "]";
                int entry = table.Position;
                types[i] = table.U16In(prefix + ".type", 1, 65535);
                flags[i] = table.U16In(prefix + ".flags", 0, ModelSectionType.FlagRequired);
                offsets[i] = table.U32(prefix + ".offset", tableEnd, crcOffset);
                lengths[i] = table.U32(prefix + ".length", 0, crcOffset - offsets[i]);
                if ((offsets[i] & 3) != 0)
                {
                    throw new ModelFormatException(prefix + ".offset", entry + 4, "section offsets must be multiples of 4");
                }

                if (types[i] > ModelSectionType.LastKnown && (flags[i] & ModelSectionType.FlagRequired) != 0)
                {
                    throw new ModelFormatException(prefix + ".type", entry, "required section kind " + types[i].ToString() + " is not known to this reader: update the firmware/tools");
                }

                for (int j = 0; j < i; j++)
                {
                    if (types[j] == types[i])
                    {
                        throw new ModelFormatException(prefix + ".type", entry, "section kind " + ModelSectionType.Name(types[i]) + " appears twice");
                    }

                    bool disjoint = offsets[i] >= offsets[j] + lengths[j] || offsets[j] >= offsets[i] + lengths[i];
                    if (!disjoint && lengths[i] > 0 && lengths[j] > 0)
                    {
                        throw new ModelFormatException(prefix + ".offset", entry + 4, "section overlaps section " + j.ToString());
                    }
                }
            }
        }

        // The classes a decision section chooses between: the CNN's outputs, else the labels (255 when neither says).
        private static int Classes(ModelDefinition model)
        {
            if (model.HasCnn)
            {
                return model.Tensors[model.GraphOutput].Channels;
            }

            return model.Labels.Length > 0 ? model.Labels.Length : GestureDecisionParameters.NoRestClass;
        }

        private static int Find(int[] types, int type)
        {
            for (int i = 0; i < types.Length; i++)
            {
                if (types[i] == type)
                {
                    return i;
                }
            }

            return -1;
        }

        private static ModelByteReader Body(sbyte[] file, int[] offsets, int[] lengths, int index)
        {
            return new ModelByteReader(file, offsets[index], offsets[index] + lengths[index]);
        }
    }
}
