using OsintResolver.Model.Entities;

namespace OsintResolver.Resolution.Tests.Support;

/// <summary>Small builders for entities in tests.</summary>
internal static class Entities
{
    public static Entity Make(string schema, string id, params (string Prop, string Value)[] values)
    {
        var entity = new Entity(schema, id);
        foreach (var (prop, value) in values)
        {
            entity.Add(prop, value);
        }

        entity.Datasets.Add("test");
        return entity;
    }

    public static Entity Person(string id, string name, string? birthDate = null, string? country = null, string? passport = null) =>
        Make("Person", id, [("name", name), .. Optional("birthDate", birthDate), .. Optional("nationality", country), .. Optional("passportNumber", passport)]);

    public static Entity Company(string id, string name, string? country = null, string? registration = null) =>
        Make("Company", id, [("name", name), .. Optional("jurisdiction", country), .. Optional("registrationNumber", registration)]);

    public static Entity Vessel(string id, string name, string? imo = null, string? flag = null) =>
        Make("Vessel", id, [("name", name), .. Optional("imoNumber", imo), .. Optional("flag", flag)]);

    private static (string, string)[] Optional(string prop, string? value) => value is null ? [] : [(prop, value)];
}
