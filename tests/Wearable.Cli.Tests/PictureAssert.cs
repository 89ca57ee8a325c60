using SkiaSharp;

namespace Wearable.Cli.Tests;

/// <summary>Checks a PNG a verb wrote: it decodes, has a sensible size, and is a picture rather than one flat colour.</summary>
public static class PictureAssert
{
    public static void IsNonTrivialPng(string path, int minimumWidth = 300, int minimumHeight = 200)
    {
        Assert.True(File.Exists(path), path + " was not written");
        using SKBitmap? bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        Assert.InRange(bitmap.Width, minimumWidth, 8000);
        Assert.InRange(bitmap.Height, minimumHeight, 8000);
        var colours = new HashSet<uint>();
        int nonWhite = 0;
        for (int y = 0; y < bitmap.Height; y += 3)
        {
            for (int x = 0; x < bitmap.Width; x += 3)
            {
                SKColor c = bitmap.GetPixel(x, y);
                colours.Add((uint)c);
                nonWhite += c.Red < 240 || c.Green < 240 || c.Blue < 240 ? 1 : 0;
            }
        }

        Assert.True(colours.Count >= 8, path + " has only " + colours.Count + " colours");
        Assert.True(nonWhite > (bitmap.Width / 3) * (bitmap.Height / 3) / 50, path + " is nearly blank (" + nonWhite + " drawn pixels sampled)");
    }
}
