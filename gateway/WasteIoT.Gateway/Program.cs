using WasteIoT.Gateway.Hosting;
using WasteIoT.Gateway.Provisioning;

if (args is ["provision", .. var rest])
{
    var ids = rest.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
    return ProvisionCommand.Run(ids, rest[ids.Length..], Console.Out);
}

var app = GatewayApplication.Build(args);
await app.RunAsync();
return 0;
