// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System.ComponentModel
{
    [System.AttributeUsageAttribute((System.AttributeTargets)(6140))]
    public sealed class EditorBrowsableAttribute : System.Attribute
    {
        public EditorBrowsableAttribute() => throw null!;
        public EditorBrowsableAttribute(System.ComponentModel.EditorBrowsableState state) => throw null!;
        public System.ComponentModel.EditorBrowsableState State { get => throw null!; }
        public override bool Equals(object obj) => throw null!;
    }

    public enum EditorBrowsableState
    {
        Always = 0,
        Never = 1,
        Advanced = 2,
    }
}
