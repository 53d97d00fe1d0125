using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace WasteIoT.Gateway.Hosting;

/// <summary>Validates the whole <c>Gateway</c> section, nested sections included, with messages that name the setting.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        Collect(options, "Gateway", failures);
        Collect(options.Broker, "Gateway:Broker", failures);
        Collect(options.Store, "Gateway:Store", failures);
        Collect(options.Uplink, "Gateway:Uplink", failures);
        Collect(options.EdgeRule, "Gateway:EdgeRule", failures);
        if (options.Broker.TlsPort > 0 && string.IsNullOrEmpty(options.Broker.CertificatePath))
        {
            failures.Add("Gateway:Broker:CertificatePath is required when Gateway:Broker:TlsPort is set");
        }

        if (options.Broker.TlsPort > 0 && options.Broker.CertificatePath is { } path && !File.Exists(path))
        {
            failures.Add($"Gateway:Broker:CertificatePath '{path}' does not exist");
        }

        if (options.Uplink.Mode == "AzureIotHub")
        {
            if (string.IsNullOrEmpty(options.Uplink.HubHostName))
            {
                failures.Add("Gateway:Uplink:HubHostName is required for AzureIotHub");
            }

            if (string.IsNullOrEmpty(options.Uplink.SharedAccessKey))
            {
                failures.Add("Gateway:Uplink:SharedAccessKey is required for AzureIotHub");
            }
            else if (!IsBase64(options.Uplink.SharedAccessKey))
            {
                failures.Add("Gateway:Uplink:SharedAccessKey must be base64");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }

    private static void Collect(object section, string prefix, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => r.ErrorMessage?.Contains(':', StringComparison.Ordinal) == true
                ? r.ErrorMessage
                : $"{prefix}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}
