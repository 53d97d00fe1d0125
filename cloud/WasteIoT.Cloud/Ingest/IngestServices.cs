using System.ComponentModel.DataAnnotations;
using System.Net;
using MQTTnet.AspNetCore;
using WasteIoT.Cloud.Settings;

namespace WasteIoT.Cloud.Ingest;

public static class IngestServices
{
    /// <summary>
    /// The gateway-facing MQTT endpoint, in the same Kestrel server as the HTTP API (plain and, when configured, TLS),
    /// each connection through the front door before MQTTnet; the batch judge and the feed of stored readings.
    /// </summary>
    public static WebApplicationBuilder AddIngest(this WebApplicationBuilder builder, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<BatchProcessor>();
        builder.Services.AddSingleton<GatewayIngest>();
        builder.Services.AddSingleton<IngestFeed>();

        // On PostgreSQL a county may have several instances: each tells the others what it stored.
        if (builder.Configuration.GetSection(Store.StoreOptions.Section).Get<Store.StoreOptions>()?.Database == Store.DatabaseProvider.PostgreSql)
        {
            builder.Services.AddSingleton(sp => new PeerFeed((Store.PostgresCloudDatabase)sp.GetRequiredService<Store.CloudDatabase>(), sp.GetRequiredService<IngestFeed>(),
                sp.GetRequiredService<ILogger<PeerFeed>>()));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<PeerFeed>());
        }

        builder.Services.AddHostedMqttServer(o => o.WithoutDefaultEndpoint().WithPersistentSessions());
        builder.Services.AddMqttConnectionHandler();
        builder.Services.AddConnections();

        // Read here, not from the container: Kestrel's endpoints are fixed before the container exists.
        var cloud = builder.Configuration.GetSection(CloudOptions.Section).Get<CloudOptions>() ?? new CloudOptions();
        var frontDoorOptions = builder.Configuration.GetSection(MqttFrontDoorOptions.Section).Get<MqttFrontDoorOptions>() ?? new MqttFrontDoorOptions();
        Validator.ValidateObject(frontDoorOptions, new ValidationContext(frontDoorOptions), validateAllProperties: true);
        var frontDoor = new MqttFrontDoor(frontDoorOptions, time);
        builder.Services.AddSingleton(frontDoor);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (!cloud.TakesGateways)
            {
                return;
            }

            kestrel.Listen(IPAddress.Parse(cloud.MqttBindAddress), cloud.MqttPort, listen =>
            {
                listen.Use(frontDoor.Wrap);
                listen.UseMqtt();
            });
            if (cloud.MqttTlsPort != 0)
            {
                var certificate = cloud.LoadCertificate();
                kestrel.Listen(IPAddress.Parse(cloud.MqttBindAddress), cloud.MqttTlsPort, listen =>
                {
                    listen.UseHttps(certificate);
                    listen.Use(frontDoor.Wrap);
                    listen.UseMqtt();
                });
            }
        });
        return builder;
    }

    /// <summary>Gateways' connections and publishes go through the ingest rules.</summary>
    public static WebApplication UseIngest(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMqttServer(server => app.Services.GetRequiredService<GatewayIngest>().Attach(server));
        return app;
    }
}
