using System.Data.Common;

namespace WasteIoT.Cloud.Store;

/// <summary>Small ADO.NET helpers shared by the SQLite and PostgreSQL code paths.</summary>
public static class DbExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Adds a parameter. A text parameter that may be null needs its type given: PostgreSQL cannot infer the type of a bare NULL.</summary>
    public static DbCommand With(this DbCommand command, string name, object? value, System.Data.DbType? type = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (type is { } given)
        {
            parameter.DbType = given;
        }

        command.Parameters.Add(parameter);
        return command;
    }

    public static int Execute(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        using var command = connection.Command(sql, transaction);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        using var command = connection.Command(sql, transaction);
        return command.ExecuteScalar();
    }
}
