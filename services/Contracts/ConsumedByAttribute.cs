namespace BhxhPlatform.Contracts;

/// <summary>
/// Names the services that receive an integration message. The producer routes the message
/// to each consumer's queue from this attribute, so the routing is read where the message is.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConsumedByAttribute(params string[] services) : Attribute
{
    public IReadOnlyList<string> Services { get; } = services;
}
