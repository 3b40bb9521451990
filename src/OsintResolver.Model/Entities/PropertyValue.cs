namespace OsintResolver.Model.Entities;

/// <summary>One cleaned value of a property, with the raw form the source gave and its language.</summary>
public readonly record struct PropertyValue(string Value, string? Original = null, string? Lang = null)
{
    public override string ToString() => Value;
}
