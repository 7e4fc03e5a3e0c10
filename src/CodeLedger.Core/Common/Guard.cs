namespace CodeLedger.Core.Common;

internal static class Guard
{
    public static string Text(string? value, string field, int maxLength = 200)
    {
        var s = value?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            throw new DomainException(CommonErrors.FieldRequired, $"{field} is required");
        }

        if (s.Length > maxLength)
        {
            throw new DomainException(CommonErrors.FieldTooLong, $"{field} is longer than {maxLength} characters");
        }

        return s;
    }
}
