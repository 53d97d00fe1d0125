using WasteIoT.Cloud.Hosting;

if (args is ["provision-gateway", var gateway, .. var rest])
{
    return ProvisionGatewayCommand.Run(gateway, rest, Console.Out);
}

var app = CloudApplication.Build(args);
await app.RunAsync();
return 0;
