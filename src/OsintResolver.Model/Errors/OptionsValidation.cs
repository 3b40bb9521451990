using System.ComponentModel.DataAnnotations;

namespace OsintResolver.Model.Errors;

/// <summary>Checks an options object's data annotations, for code that builds options without the options framework.</summary>
public static class OptionsValidation
{
    /// <summary>Throws an <see cref="InvalidInputException"/> naming every invalid setting.</summary>
    public static T Validate<T>(T options, string what)
        where T : notnull
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new InvalidInputException($"invalid {what}: " + string.Join("; ", results.Select(r => r.ErrorMessage)));
        }

        return options;
    }
}
