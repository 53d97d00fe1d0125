using WasteIoT.Cloud.Hosting;

if (args is ["provision-gateway", var gateway, .. var rest])
{
    return ProvisionGatewayCommand.Run(gateway, rest, Console.Out);
}

if (args is ["create-admin", var admin, .. var options])
{
    return await WasteIoT.Cloud.Users.CreateAdminCommand.RunAsync(admin, options, Console.Out);
}

if (args is ["city", var file, .. var cityArgs])
{
    await using var city = WasteIoT.Cloud.Hosting.City.CityApplication.Build(file, cityArgs);
    await city.RunAsync();
    return 0;
}

var app = CloudApplication.Build(args);
await app.RunAsync();
return 0;
