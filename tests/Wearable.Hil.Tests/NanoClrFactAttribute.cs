using Wearable.Hil.NanoClr;

namespace Wearable.Hil.Tests;

/// <summary>A fact that needs nanoFramework's interpreter: skipped, with the reason, where none is installed.</summary>
public sealed class NanoClrFactAttribute : FactAttribute
{
    public NanoClrFactAttribute()
    {
        Skip = NanoClrToolchain.MissingReason();
    }
}
