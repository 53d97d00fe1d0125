using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Users;

/// <summary><c>/api/users</c> (the bureau only): accounts with REST and CSV; passwords are set one by one, never exported.</summary>
internal static class UserEndpoints
{
    private static readonly string[] Columns = ["name", "display", "role", "contractor", "truck"];

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireSession().RequireAuthorization(CloudPolicies.Bureau);
        group.MapGet("/", ListAsync).WithName("UserList");
        group.MapPut("/{name}", PutAsync).WithName("UserPut");
        group.MapDelete("/{name}", DeleteAsync).WithName("UserDelete");
        group.MapPost("/{name}/password", PasswordAsync).WithName("UserPassword");
        var csv = app.MapGroup("/api").WithTags("Users").RequireSession().RequireAuthorization(CloudPolicies.Bureau);
        csv.MapGet("/users.csv", ExportAsync).WithName("UserExportCsv");
        csv.MapPost("/users.csv", ImportAsync).WithName("UserImportCsv").Accepts<string>("text/csv");
        return app;
    }

    /// <summary>What is wrong with an account's profile (the registry must know its contractor and truck).</summary>
    public static IEnumerable<string> Validate(UserAccount user, RegistrySnapshot registry)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(registry);
        if (!RegistryKind.IsValidId(user.Name))
        {
            yield return $"name '{user.Name}' must be 1 to 64 characters without '/', '?', '#' or spaces at either end";
        }

        if (string.IsNullOrWhiteSpace(user.Display))
        {
            yield return "display is required";
        }

        switch (user.Role)
        {
            case UserRole.Bureau when user.Contractor.Length > 0 || user.Truck.Length > 0:
                yield return "a bureau user has no contractor or truck";
                break;
            case UserRole.Contractor or UserRole.Crew when !registry.Exists(RegistryKinds.Contractors, user.Contractor):
                yield return $"contractor '{user.Contractor}' is not a registered contractor";
                break;
            case UserRole.Crew when registry.Find<Truck>(RegistryKinds.Trucks, user.Truck) is not { } truck || truck.Contractor != user.Contractor:
                yield return $"truck '{user.Truck}' is not a registered truck of '{user.Contractor}'";
                break;
        }
    }

    private static async Task<Ok<IReadOnlyList<UserAccount>>> ListAsync(UserStore users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.ListAsync(cancellationToken));

    private static async Task<Results<Ok<UserAccount>, ValidationProblem, ProblemHttpResult>> PutAsync(string name, UserAccount body, UserStore users, CountyRegistry registry, CancellationToken cancellationToken)
    {
        if (body.Name != name)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Name mismatch", detail: $"the URL names '{name}' but the body '{body.Name}'");
        }

        var errors = Validate(body, await registry.CurrentAsync(cancellationToken)).ToArray();
        if (errors.Length > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["user"] = errors }, title: "The user is not valid");
        }

        await users.UpsertAsync([body], cancellationToken);
        return TypedResults.Ok(body);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string name, UserStore users, HttpContext context, CancellationToken cancellationToken)
    {
        if (name == Viewer.From(context.User).Name)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot delete yourself", detail: "another bureau user must do it");
        }

        return await users.DeleteAsync(name, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such user", detail: $"no user '{name}'");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> PasswordAsync(string name, PasswordRequest body, AccountService accounts, CancellationToken cancellationToken) =>
        await accounts.SetPasswordAsync(name, body.Password ?? string.Empty, cancellationToken) is { } refusal
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Password refused", detail: refusal)
            : TypedResults.NoContent();

    private static async Task<FileContentHttpResult> ExportAsync(UserStore users, CancellationToken cancellationToken)
    {
        var text = new StringWriter();
        text.Write('\uFEFF');
        Csv.WriteRow(text, Columns);
        foreach (var u in await users.ListAsync(cancellationToken))
        {
            Csv.WriteRow(text, [u.Name, u.Display, CsvRow.Camel(u.Role.ToString()), u.Contractor, u.Truck]);
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", "users.csv");
    }

    private static async Task<Ok<ImportReport>> ImportAsync(HttpRequest request, UserStore users, CountyRegistry registry, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var snapshot = await registry.CurrentAsync(cancellationToken);
        var errors = new List<ImportError>();
        var good = new Dictionary<string, UserAccount>(StringComparer.Ordinal);
        Dictionary<string, int>? columns = null;
        foreach (var (line, fields) in Csv.Read(reader))
        {
            if (columns is null)
            {
                (columns, var missing) = Csv.Header(fields, Columns);
                if (missing.Count > 0)
                {
                    return TypedResults.Ok(new ImportReport("users", 0, [new ImportError(line, null, $"header lacks column(s) {string.Join(", ", missing)}")]));
                }

                continue;
            }

            var row = new CsvRow(columns, fields);
            var user = new UserAccount(row.Text("name"), row.Text("display"), row.Enum<UserRole>("role"), row.Text("contractor", required: false), row.Text("truck", required: false));
            var rowErrors = row.Errors.Count > 0 ? row.Errors : Validate(user, snapshot).ToList();
            if (rowErrors.Count > 0 || !good.TryAdd(user.Name, user))
            {
                errors.Add(new ImportError(line, user.Name, rowErrors.Count > 0 ? string.Join("; ", rowErrors) : "the same name appears earlier in the file"));
            }
        }

        await users.UpsertAsync([.. good.Values], cancellationToken);
        return TypedResults.Ok(new ImportReport("users", good.Count, errors));
    }
}
