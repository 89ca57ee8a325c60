using Wearable.Cli;

return CommandCatalog.Run(args);
