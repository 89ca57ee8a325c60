// Part of the gate's nanoFramework.CoreLibrary 1.x surface; provenance in System.Object.cs.
#nullable disable
#pragma warning disable CS0067, CS0108, CS0114, CS0659, CS0660, CS0661, CS0626, CS8597

namespace System
{
    public static class Console
    {
        public static void Write(string value) => throw null!;
        public static void WriteLine() => throw null!;
        public static void WriteLine(string value) => throw null!;
    }
}
