namespace Steward.Infrastructure;

/// <summary>A refused change, in terms both the API and the pages report. With a <see cref="Field"/>
/// it is a validation error on that field.</summary>
public sealed record Refusal(int Status, string Title, string Detail, string? Field = null, string? Rule = null, string? Word = null)
{
    public static Refusal Invalid(string field, string detail) => new(400, "Invalid request", detail, field);
    public static Refusal NotFound(string detail = "Not found.") => new(404, "Not found", detail);
    public static Refusal Forbidden(string detail) => new(403, "Forbidden", detail);
    public static Refusal Conflict(string detail, string title = "Conflict") => new(409, title, detail);

    public IResult ToResult() => Status switch
    {
        404 => TypedResults.NotFound(),
        400 when Field is not null => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [Field] = [Detail] }),
        _ when Rule is not null => TypedResults.Problem(Detail, statusCode: Status, title: Title, extensions: new Dictionary<string, object?>
        {
            ["rule"] = Rule, ["field"] = Field, ["word"] = Word,
        }),
        // A conflict about one field (a document already on file) names it like a validation error.
        _ when Field is not null => TypedResults.Problem(Detail, statusCode: Status, title: Title, extensions: new Dictionary<string, object?>
        {
            ["errors"] = new Dictionary<string, string[]> { [Field] = [Detail] },
        }),
        _ => TypedResults.Problem(Detail, statusCode: Status, title: Title),
    };
}
