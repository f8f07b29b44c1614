using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace BhxhPlatform.ServiceDefaults.Security;

/// <summary>
/// Makes every operation of a service's OpenAPI document usable by a person, by one convention
/// rather than per endpoint: its operation id (<see cref="OperationIds"/>, the key of the access
/// matrix), a summary and description from the XML doc comments of its handler (method, class, or
/// the command record named like the operation), who may call it (from the matrix), its security
/// (sign-in through the identity service with code + PKCE, or a bearer token) and the problems it
/// can answer (401, 403, 404, and 400, 409, 422 for a write).
/// </summary>
public static partial class OpenApiConventions
{
    public const string OAuthScheme = "oauth2";
    public const string BearerScheme = "bearer";
    public const string ProblemSchema = "Problem";

    /// <summary>The client the API pages sign in with (public, code + PKCE), registered by the identity service.</summary>
    public const string ApiDocsClient = "api-docs";

    public static void Apply(OpenApiOptions options, string serviceName, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, context, _) =>
        {
            AddSecuritySchemes(document, serviceName, configuration);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            Describe(operation, context, serviceName);
            return Task.CompletedTask;
        });
    }

    /// <summary>The issuer's URL as a browser reaches it (the authority a service validates against may be an internal address).</summary>
    public static string? PublicAuthority(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return (configuration["Auth:PublicAuthority"] ?? configuration["Auth:Authority"] ?? configuration["Auth:Issuer"])?.TrimEnd('/');
    }

    /// <summary>The scopes the API page asks for: the identity facts and this service as the token's audience.</summary>
    public static IReadOnlyList<string> ScopesFor(string serviceName) => ["openid", "profile", "roles", serviceName];

    private static void AddSecuritySchemes(OpenApiDocument document, string serviceName, IConfiguration configuration)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        var authority = PublicAuthority(configuration);
        if (authority is not null)
        {
            document.Components.SecuritySchemes[OAuthScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "Đăng nhập qua dịch vụ định danh (mã uỷ quyền + PKCE). / Sign in through the identity service (authorization code + PKCE).",
                Flows = new OpenApiOAuthFlows
                {
                    AuthorizationCode = new OpenApiOAuthFlow
                    {
                        AuthorizationUrl = new Uri($"{authority}/connect/authorize"),
                        TokenUrl = new Uri($"{authority}/connect/token"),
                        Scopes = ScopesFor(serviceName).ToDictionary(s => s, s => s == serviceName ? $"Gọi API {s} / Call the {s} API" : s),
                    },
                },
            };
        }

        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Access token của dịch vụ định danh (RS256/ES256, hết hạn sau ≤ 15 phút). / An access token of the identity service.",
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details; field errors in Vietnamese and English under fieldErrors.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["fieldErrors"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object } },
            },
        };
    }

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, string serviceName)
    {
        var description = context.Description;
        var endpoint = FindEndpoint(context.ApplicationServices, description.HttpMethod ?? "GET", description.RelativePath ?? "");
        if (endpoint is null)
        {
            return;
        }

        var id = OperationIds.Of(endpoint);
        operation.OperationId = id;
        var method = OperationIds.HandlerMethod(endpoint);
        var documented = Documentation(method, id);
        if (documented is not null)
        {
            operation.Summary = FirstSentence(documented);
            operation.Description = documented;
        }
        else if (string.IsNullOrWhiteSpace(operation.Summary) || operation.Summary == id)
        {
            operation.Summary = Humanise(id ?? "");
        }

        var path = "/" + (description.RelativePath ?? "");
        if (!path.StartsWith("/api", StringComparison.Ordinal))
        {
            return;
        }

        var rules = id is null ? null : context.ApplicationServices.GetRequiredService<AccessMatrix>().RulesFor(serviceName, id);
        var who = rules is null
            ? "Chưa có trong bảng phân quyền: bị từ chối. / Not in the access matrix: refused to everyone."
            : "Ai được gọi / Who may call: " + string.Join(", ", rules.Select(r => $"{r.Key} ({Describe(r.Value)})"));
        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? who : $"{operation.Description}\n\n{who}";

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OAuthScheme, context.Document)] = [.. ScopesFor(serviceName)] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });

        operation.Responses ??= [];
        Respond(operation, context, "401", "Không có hoặc sai token. / No valid bearer token.");
        Respond(operation, context, "403", "Vai trò của bạn không được làm việc này với dữ liệu này. / Your role may not do this with this data.");
        if (path.Contains('{', StringComparison.Ordinal))
        {
            Respond(operation, context, "404", "Không có đơn vị hoặc bản ghi này. / No such unit or record.");
        }

        if (description.HttpMethod is not ("GET" or "HEAD"))
        {
            Respond(operation, context, "400", "Dữ liệu không hợp lệ, từng trường (không có gì được ghi). / Invalid input, field by field (nothing is recorded).");
            Respond(operation, context, "409", "Xung đột trạng thái hoặc phiên bản (không có gì được ghi). / Conflict with the current state or version (nothing is recorded).");
            Respond(operation, context, "422", "Quy tắc nghiệp vụ không cho phép (không có gì được ghi). / A business rule refuses it (nothing is recorded).");
        }
    }

    private static string Describe(AccessScope scope) => scope switch
    {
        AccessScope.Any => "mọi đơn vị / any unit",
        AccessScope.Province => "tỉnh của mình / own province",
        AccessScope.Unit => "đơn vị của mình / own unit",
        AccessScope.Organisation => "tổ chức của mình / own organisation",
        _ => scope.ToString(),
    };

    private static void Respond(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string text)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = text,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
            },
        };
    }

    private static readonly ConcurrentDictionary<string, Endpoint?> Endpoints = new();

    private static Endpoint? FindEndpoint(IServiceProvider services, string method, string relativePath) =>
        Endpoints.GetOrAdd($"{method} {relativePath}", _ =>
        {
            var wanted = Normalise(relativePath);
            return services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().FirstOrDefault(e =>
                Normalise(e.RoutePattern.RawText ?? "") == wanted
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase) == true);
        });

    /// <summary><c>/api/units/{unit}/x/{id:guid}/</c> → <c>api/units/{unit}/x/{id}</c>.</summary>
    private static string Normalise(string route) => RouteConstraint().Replace(route.Trim('/'), "{$1}");

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)(?::[^}]*|\?)?\}")]
    private static partial Regex RouteConstraint();

    // XML doc comments: the service's own file beside its assembly (GenerateDocumentationFile is on everywhere).
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, string>> Docs = new();

    private static string? Documentation(MethodInfo? method, string? operationId)
    {
        var type = method?.DeclaringType;
        if (type is null)
        {
            return null;
        }

        var docs = Docs.GetOrAdd(type.Assembly, Load);
        var typeName = type.FullName!.Replace('+', '.');
        var methodKey = $"M:{typeName}.{method!.Name}";
        return docs.FirstOrDefault(d => d.Key == methodKey || d.Key.StartsWith(methodKey + "(", StringComparison.Ordinal)).Value
            ?? docs.GetValueOrDefault($"T:{typeName}")
            ?? (operationId is null ? null : docs.GetValueOrDefault($"T:{type.Namespace}.{operationId}"));
    }

    private static IReadOnlyDictionary<string, string> Load(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (string.IsNullOrEmpty(assembly.Location) || !File.Exists(path))
        {
            return new Dictionary<string, string>();
        }

        var docs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in XDocument.Load(path).Descendants("member"))
        {
            if (member.Attribute("name")?.Value is { } name && member.Element("summary") is { } summary)
            {
                docs[name] = Text(summary);
            }
        }

        return docs;
    }

    /// <summary>The text of a doc element: <c>&lt;see cref="T:A.B"/&gt;</c> becomes <c>B</c>, whitespace is collapsed.</summary>
    private static string Text(XElement element)
    {
        var parts = element.Nodes().Select(node => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "see" or "seealso" } see =>
                see.Attribute("cref")?.Value.Split('.', ':').Last() ?? see.Attribute("langword")?.Value ?? see.Value,
            XElement { Name.LocalName: "paramref" or "typeparamref" } reference => reference.Attribute("name")?.Value ?? "",
            XElement other => Text(other),
            _ => "",
        });
        return Whitespace().Replace(string.Concat(parts), " ").Trim();
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        var sentence = end > 0 ? text[..(end + 1)] : text;
        return sentence.Length <= 120 ? sentence.TrimEnd('.') : sentence[..117] + "…";
    }

    /// <summary><c>AddTemplateLine</c> → <c>Add template line</c>.</summary>
    public static string Humanise(string operationId) =>
        Words().Replace(operationId, m => " " + m.Value.ToLowerInvariant()).Trim() is { Length: > 0 } words
            ? char.ToUpperInvariant(words[0]) + words[1..]
            : operationId;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("[A-Z][a-z0-9]*")]
    private static partial Regex Words();
}
