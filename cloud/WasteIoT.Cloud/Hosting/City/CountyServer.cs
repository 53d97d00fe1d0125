using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace WasteIoT.Cloud.Hosting.City;

/// <summary>
/// The server of a county hosted by a city instance: the city's Kestrel hands it the county's HTTP requests (chosen
/// by host name), and the county's own Kestrel, when the instance takes its gateways, serves only their MQTT ports.
/// A request keeps its connection's features (body, headers, abort, TLS); what the county's pipeline sets on it
/// (user, session, request services) lives in a layer of its own, never seen by the city or another county.
/// </summary>
public sealed class CountyServer : IServer
{
    private readonly IServer? _listener;
    private Func<IFeatureCollection, Task>? _handle;

    /// <param name="listener">The county's Kestrel when it listens on ports of its own (MQTT), else null: Kestrel with no endpoint would bind port 5000.</param>
    internal CountyServer(IServer? listener)
    {
        _listener = listener;
        if (listener is null)
        {
            Features = new FeatureCollection();
            Features.Set<IServerAddressesFeature>(new ServerAddressesFeature());
        }
        else
        {
            Features = listener.Features;
        }
    }

    public IFeatureCollection Features { get; }

    public async Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        ArgumentNullException.ThrowIfNull(application);
        _handle = async features =>
        {
            var context = application.CreateContext(features);
            try
            {
                await application.ProcessRequestAsync(context);
            }
            catch (Exception e)
            {
                application.DisposeContext(context, e);
                throw;
            }

            application.DisposeContext(context, null);
        };
        if (_listener is not null)
        {
            await _listener.StartAsync(application, cancellationToken);
        }
    }

    /// <summary>Runs a request the city's server received through the county's pipeline.</summary>
    public Task HandleAsync(HttpContext request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var handle = _handle ?? throw new InvalidOperationException("The county has not started.");
        return handle(new FeatureCollection(request.Features));
    }

    public Task StopAsync(CancellationToken cancellationToken) => _listener?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public void Dispose() => _listener?.Dispose();
}
