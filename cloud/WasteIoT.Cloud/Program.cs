using WasteIoT.Cloud.Hosting;

if (args is ["provision-gateway", var gateway, .. var rest])
{
    return ProvisionGatewayCommand.Run(gateway, rest, Console.Out);
}

if (args is ["create-admin", var admin, .. var options])
{
    return await WasteIoT.Cloud.Users.CreateAdminCommand.RunAsync(admin, options, Console.Out);
}

var app = CloudApplication.Build(args);
await app.RunAsync();
return 0;
