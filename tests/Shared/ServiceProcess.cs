using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WasteIoT.Testing;

/// <summary>
/// One of our deployables (<c>dotnet X.dll …</c>) as a separate process: started and waited for on its port, stopped
/// with SIGTERM as systemd does, or killed with SIGKILL as a power cut does. Its output is kept for failure messages.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServiceProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote (standard output and error).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Resident memory now and at its peak (VmRSS, VmHWM from /proc), MB.</summary>
    public (double Resident, double Peak) Memory()
    {
        double resident = double.NaN, peak = double.NaN;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal) || line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var mb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
                (resident, peak) = line[2] == 'R' ? (mb, peak) : (resident, mb);
            }
        }

        return (resident, peak);
    }

    /// <summary>Runs a command of a deployable to its end (provision, create-admin…) and returns its standard output.</summary>
    public static string Run(string assembly, params string[] args)
    {
        using var process = Process.Start(Info(assembly, args))!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(assembly)} {string.Join(' ', args)} exited {process.ExitCode}: {error.Result}");
        }

        return output;
    }

    /// <summary>Starts the process and returns once something accepts TCP connections on <paramref name="port"/> (0: at once).</summary>
    public static ServiceProcess Start(string assembly, int port, params string[] args)
    {
        var service = new ServiceProcess(Process.Start(Info(assembly, args))!);
        if (port != 0)
        {
            service.WaitForPort(port);
        }

        return service;
    }

    /// <summary>Returns once the process accepts TCP connections on <paramref name="port"/>; throws if it exits or a minute passes.</summary>
    public void WaitForPort(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
            {
                _process.WaitForExit();
                throw new InvalidOperationException($"{_process.StartInfo.Arguments} exited {_process.ExitCode}: {Output}");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        Dispose();
        throw new TimeoutException($"{_process.StartInfo.Arguments} did not listen on {port} within 60 s: {Output}");
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"still running after {timeout}: {Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGTERM and wait: the shutdown a service manager asks for.</summary>
    public void Stop()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            kill?.WaitForExit();
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            Kill();
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the power goes.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 200)
            {
                _output.RemoveAt(0);
            }
        }
    }

    private static ProcessStartInfo Info(string assembly, string[] args) => new("dotnet", [assembly, .. args])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
        WorkingDirectory = Path.GetDirectoryName(assembly)!,
    };
}
