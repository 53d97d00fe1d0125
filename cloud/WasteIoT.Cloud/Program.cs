using WasteIoT.Cloud.Hosting;

var app = CloudApplication.Build(args);
await app.RunAsync();
