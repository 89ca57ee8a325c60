using System.CommandLine;
using Spectre.Console;
using Wearable.Cli.Firmware;
using Wearable.Hil.Running;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable firmware build --board esp32`: compiles our assemblies for nanoFramework and writes the
/// deployment set with its manifest (docs/firmware.md says how nanoff flashes it).
/// </summary>
public static class FirmwareCommand
{
    public static Command Create()
    {
        var board = new Option<string>("--board") { Description = "Board to build for: " + FirmwareBoard.KnownNames + ".", Required = true }.OneOf(FirmwareBoard.KnownNames.Split(", "));
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for the assemblies, .pe images and firmware-manifest.json (default artifacts/firmware/BOARD)." }.OutputFolder();
        var root = new Option<DirectoryInfo?>("--root") { Description = "Repository root (default: found from the current directory)." }.ExistingFolder();
        var json = CommonOptions.Json();
        var build = new Command("build", "Compile the kernels and firmware core for nanoFramework and write the deployment set and its manifest.") { board, output, root, json };
        build.SetAction(parse => Build(parse.GetValue(board)!, parse.GetValue(output), parse.GetValue(root), parse.GetValue(json)));
        return new Command("firmware", "Device builds for nanoFramework boards.") { build };
    }

    private static int Build(string boardName, DirectoryInfo? output, DirectoryInfo? root, bool json)
    {
        FirmwareBoard board = FirmwareBoard.Find(boardName);
        string repository = root?.FullName ?? GateCommand.FindRepositoryRoot();
        string folder = output?.FullName ?? Path.Combine(repository, "artifacts", "firmware", board.Name);
        FirmwareManifest manifest;
        try
        {
            manifest = FirmwareBuilder.Build(repository, board, folder);
        }
        catch (HilTargetException ex)
        {
            throw new CliException(ex.Message, "Check " + Hil.NanoClr.MetadataProcessorTool.Variable + " (docs/firmware.md), or unset it to build without .pe images.");
        }

        if (json)
        {
            JsonOutput.Write(new { output = folder, manifest });
            return manifest.Flash.Fits ? 0 : 1;
        }

        foreach (FirmwareAssembly assembly in manifest.Assemblies)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"{assembly.Name,-24} {assembly.DllBytes,8:N0} B .dll  {(assembly.PeBytes is null ? "      - " : assembly.PeBytes.Value.ToString("N0"))} B .pe"));
        }

        AnsiConsole.MarkupLine(Markup.Escape($"mscorlib {manifest.Mscorlib.AssemblyVersion} ({manifest.Mscorlib.Package} {manifest.Mscorlib.PackageVersion}): mscorlib.pe {manifest.Mscorlib.PeBytes:N0} B"));
        AnsiConsole.MarkupLine(Markup.Escape($".pe images: {manifest.PeImages}"));
        AnsiConsole.MarkupLine((manifest.Flash.Fits ? "[green]" : "[red]") + Markup.Escape(
            $"flash: {manifest.Flash.UsedBytes:N0} of {manifest.Flash.BudgetBytes:N0} B deployment region ({manifest.Flash.Basis})") + "[/]");
        AnsiConsole.MarkupLine(Markup.Escape($"RAM: managed heap {manifest.Ram.ManagedHeapBytes:N0} B, buffer budget {manifest.Ram.BufferBudgetBytes:N0} B"));
        AnsiConsole.MarkupLine(Markup.Escape("manifest: " + Path.Combine(folder, FirmwareBuilder.ManifestFileName)));
        return manifest.Flash.Fits ? 0 : 1;
    }
}
