namespace CodeLedger.Core.Common;

/// <summary>The HTTP statuses the catalogues use, named so a catalogue line reads as a sentence.</summary>
public static class Http
{
    public const int BadRequest = 400;
    public const int Unauthorized = 401;
    public const int Forbidden = 403;
    public const int NotFound = 404;
    public const int MethodNotAllowed = 405;
    public const int Conflict = 409;
    public const int UnprocessableContent = 422;
    public const int InternalServerError = 500;
    public const int ServiceUnavailable = 503;
}
