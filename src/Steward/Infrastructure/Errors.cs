using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Steward.Infrastructure;

/// <summary>A rule of the domain was broken by a valid request: the state does not allow it.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>One exception handler: every failure becomes a problem+json, never a stack trace.</summary>
internal sealed partial class StewardExceptionHandler(IProblemDetailsService problems, ILogger<StewardExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => FromBadRequest(bad),
            JsonException json => new ValidationProblemDetails(FieldErrors(json)) { Status = 400, Title = "The request body is not valid JSON." },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = 409, Title = "Edited by someone else",
                Detail = "The record changed since you read it. Reload it and apply your change again.",
            },
            ConflictException conflict => new ProblemDetails { Status = 409, Title = "Conflict", Detail = conflict.Message },
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };

        if (problem is null)
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                context.Response.StatusCode = 499;
                return true;
            }
            log.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails { Status = 500, Title = "Something went wrong on our side. It has been logged." };
        }

        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
            return new ValidationProblemDetails(FieldErrors(json)) { Status = 400, Title = "The request body is not valid JSON." };
        var title = bad.StatusCode switch
        {
            413 => "The request is too large.",
            415 => "Unsupported content type.",
            _ => "The request is not valid.",
        };
        // "Implicit body inferred for parameter …" / "Required parameter … was not provided from body": framework wording.
        if (bad.StatusCode == 400 && (bad.Message.Contains("no body was provided", StringComparison.Ordinal)
                                      || bad.Message.Contains("was not provided from body", StringComparison.Ordinal)))
            return new ValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] })
            {
                Status = 400, Title = title,
            };
        // The framework's message names the parameter ("Failed to bind parameter \"int page\" from \"x\"").
        var errors = new Dictionary<string, string[]>();
        var match = ParameterName().Match(bad.Message);
        if (match.Success) errors[match.Groups[1].Value] = [$"{match.Groups[1].Value} has a value of the wrong type."];
        return errors.Count > 0
            ? new ValidationProblemDetails(errors) { Status = bad.StatusCode, Title = title }
            : new ProblemDetails { Status = bad.StatusCode, Title = title, Detail = bad.Message };
    }

    /// <summary>Names the field from System.Text.Json's path ("$.kind" → "kind").</summary>
    internal static Dictionary<string, string[]> FieldErrors(JsonException json)
    {
        var field = json.Path is { Length: > 2 } path ? path.TrimStart('$').TrimStart('.') : "body";
        if (field.Length == 0) field = "body";
        // The serializer's own message names CLR types; say it in the contract's terms.
        var message = field == "body"
            ? "The body is not well-formed JSON."
            : $"{field} has a value of the wrong type, or a value that is not one of the allowed values.";
        return new() { [field] = [message] };
    }

    [GeneratedRegex("""parameter "\S+ (\w+)" """, RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}

/// <summary>
/// The API answers problem+json whatever the client accepts (a browser's text/html, text/csv…): the default writer
/// declines such requests, which left an empty body or text/plain. Applies the same defaults and customization.
/// </summary>
internal sealed class ApiProblemDetailsWriter(IOptions<ProblemDetailsOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => ErrorSetup.IsApi(context.HttpContext.Request);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        // The framework's defaults for the status (RFC 9110 type and reason phrase), as TypedResults.Problem applies them.
        var defaults = TypedResults.Problem(statusCode: problem.Status).ProblemDetails;
        problem.Type ??= defaults.Type;
        problem.Title ??= defaults.Title;
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions,
            "application/problem+json", context.HttpContext.RequestAborted));
    }
}

internal static class ErrorSetup
{
    public static IServiceCollection AddStewardErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions.Remove("exception");
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            // The contract is camelCase; validation names properties in PascalCase.
            if (ctx.ProblemDetails is HttpValidationProblemDetails validation)
                validation.Errors = validation.Errors.ToDictionary(e => CamelPath(e.Key), e => e.Value);
        });
        // After the default writer: it answers the API's problems whatever the Accept header asks for.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ApiProblemDetailsWriter>());
        services.AddExceptionHandler<StewardExceptionHandler>();
        // Bind failures throw, so the one handler above answers them with the field's name.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.AllowTrailingCommas = false;
        });
        return services;
    }

    /// <summary>"ThirdPartyMaterial[0].Owner" → "thirdPartyMaterial[0].owner".</summary>
    internal static string CamelPath(string key) =>
        string.Join('.', key.Split('.').Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName));

    /// <summary>Problem details for the API; friendly pages for people.</summary>
    public static void UseStewardErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseWhen(ctx => IsApi(ctx.Request), api => api.UseStatusCodePages());
        app.UseWhen(ctx => !IsApi(ctx.Request), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.Use(RefuseControlCharactersInQuery);
    }

    /// <summary>
    /// A query value with a control character ("?q=%00") means nothing to any search or filter here, and PostgreSQL
    /// refuses NUL in text: 400 naming the parameter, before any endpoint runs.
    /// </summary>
    static async Task RefuseControlCharactersInQuery(HttpContext ctx, RequestDelegate next)
    {
        foreach (var (key, values) in ctx.Request.Query)
        {
            if (PlainText.IsValid(key) && values.All(v => v is null || PlainText.IsValid(v)))
                continue;
            var name = PlainText.IsValid(key) ? key : "query";
            if (IsApi(ctx.Request))
            {
                await Results.ValidationProblem(new Dictionary<string, string[]> { [name] = [$"{name} contains control characters."] },
                    title: "The request is not valid.").ExecuteAsync(ctx);
            }
            else
            {
                ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return;
        }

        await next(ctx);
    }

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/health") || request.Path.StartsWithSegments("/openapi");
}
