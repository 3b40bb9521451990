namespace OsintResolver.Model.Errors;

/// <summary>
/// Root of every failure the product reports on purpose. Each subclass carries the HTTP status
/// it maps to, so the web layer turns any of them into ProblemDetails in one place.
/// </summary>
public class OsintException : Exception
{
    public OsintException(string message, int statusCode = 500, Exception? inner = null)
        : base(message, inner) => StatusCode = statusCode;

    public int StatusCode { get; }

    /// <summary>A short machine-readable kind, used as the ProblemDetails type suffix.</summary>
    public virtual string Kind => "error";
}

/// <summary>Input that cannot be accepted: a bad record, value, query or argument.</summary>
public class InvalidInputException : OsintException
{
    public InvalidInputException(string message, Exception? inner = null) : base(message, 400, inner) { }
    public override string Kind => "invalid-input";
}

/// <summary>A value that fails its property type's validation.</summary>
public sealed class InvalidValueException : InvalidInputException
{
    public InvalidValueException(string property, string value, string reason)
        : base($"invalid value for '{property}': {reason} (got {Quote(value)})")
    {
        Property = property;
        Value = value;
        Reason = reason;
    }

    public string Property { get; }
    public string Value { get; }
    public string Reason { get; }
    public override string Kind => "invalid-value";

    internal static string Quote(string value) =>
        value.Length <= 80 ? $"\"{value}\"" : $"\"{value[..77]}...\" ({value.Length} chars)";
}

public sealed class NotFoundException : OsintException
{
    public NotFoundException(string message) : base(message, 404) { }
    public override string Kind => "not-found";
}

public sealed class ConflictException : OsintException
{
    public ConflictException(string message) : base(message, 409) { }
    public override string Kind => "conflict";
}

public sealed class ForbiddenException : OsintException
{
    public ForbiddenException(string message) : base(message, 403) { }
    public override string Kind => "forbidden";
}
