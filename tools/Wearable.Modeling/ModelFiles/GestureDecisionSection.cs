using Wearable.Kernels.Gesture;
using Wearable.Kernels.Model;

namespace Wearable.Modeling.ModelFiles;

/// <summary>Writes the gesture_decision section (10) and puts it into an existing model file.</summary>
public static class GestureDecisionSection
{
    public static byte[] Body(GestureDecisionParameters p) => new LittleEndianWriter()
        .U8(p.RestClass).I8(p.MinConfidence).U8(p.VoteLength).U8(p.EnterHops).U8(p.LeaveHops).U8(p.EnvelopeShift).U8(p.RefractoryHops).Zeros(1)
        .I32(p.EnvelopeOnLevel).I32(p.EnvelopeOffLevel).ToArray();

    /// <summary>
    /// A copy of <paramref name="modelFile"/> whose gesture_decision section is <paramref name="parameters"/>
    /// (replaced if present; removed when null). Flagged required: a reader that cannot apply the
    /// decision logic must not run the model as if it had none. The input bytes are not changed.
    /// </summary>
    public static byte[] With(byte[] modelFile, GestureDecisionParameters? parameters)
    {
        ModelReader.Read(modelFile); // only a valid file is rewritten
        var sections = Sections(modelFile).Where(s => s.Type != ModelSectionType.GestureDecision).ToList();
        if (parameters is not null)
        {
            sections.Add((ModelSectionType.GestureDecision, ModelSectionType.FlagRequired, Body(parameters)));
        }

        return ModelFileBuilder.Container(sections);
    }

    /// <summary>The sections of a valid model file in table order: type, flags, body.</summary>
    public static List<(int Type, int Flags, byte[] Body)> Sections(byte[] modelFile)
    {
        int count = BitConverter.ToUInt16(modelFile, 12);
        var sections = new List<(int, int, byte[])>(count);
        for (int i = 0; i < count; i++)
        {
            int entry = ModelReader.HeaderSize + (i * ModelReader.SectionEntrySize);
            int type = BitConverter.ToUInt16(modelFile, entry);
            int flags = BitConverter.ToUInt16(modelFile, entry + 2);
            int offset = BitConverter.ToInt32(modelFile, entry + 4);
            int length = BitConverter.ToInt32(modelFile, entry + 8);
            sections.Add((type, flags, modelFile.AsSpan(offset, length).ToArray()));
        }

        return sections;
    }
}
