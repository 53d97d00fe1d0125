using System.Diagnostics;
using System.Globalization;
namespace WasteIoT.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster (Debian's package, installed by ./dev.sh test): initdb into a temp directory,
/// a free loopback port, trust authentication, stopped when the test process exits. Each caller gets a fresh database.
/// Tests run as root on CI and PostgreSQL refuses root, so the server runs as the package's postgres user then.
/// </summary>
internal sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;
    private readonly string _bin;
    private readonly string _data;

    private PostgresCluster(string bin, string data, int port)
    {
        _bin = bin;
        _data = data;
        Port = port;
    }

    public static PostgresCluster Shared => Instance.Value;

    public int Port { get; }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        Run(Path.Combine(_bin, "createdb"), "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "wiot", name);
        return $"Host=127.0.0.1;Port={Port};Username=wiot;Database={name}";
    }

    private static PostgresCluster Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql; ./dev.sh test does it)");
        }

        var data = Directory.CreateTempSubdirectory("wiot-pg-").FullName;
        var port = MosquittoBroker.FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", "-R", "postgres:postgres", data);
        }

        RunServerTool(asRoot, Path.Combine(bin, "initdb"), "-D", Path.Combine(data, "db"), "-U", "wiot", "--auth=trust", "--encoding=UTF8", "--no-locale");
        var options = string.Create(CultureInfo.InvariantCulture, $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={data} -c max_connections=200");
        RunServerTool(asRoot, Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(data, "db"), "-o", options, "-l", Path.Combine(data, "log"), "-w", "-t", "60", "start");
        var cluster = new PostgresCluster(bin, data, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop(asRoot);
        return cluster;
    }

    private void Stop(bool asRoot)
    {
        try
        {
            RunServerTool(asRoot, Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(_data, "db"), "-m", "immediate", "-w", "stop");
            Directory.Delete(_data, recursive: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The process is ending; a leftover temp directory is not worth failing it.
        }
    }

    private static void RunServerTool(bool asRoot, string tool, params string[] args)
    {
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", tool, .. args]);
        }
        else
        {
            Run(tool, args);
        }
    }

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {stderr} {stdout.Result}");
        }
    }
}
