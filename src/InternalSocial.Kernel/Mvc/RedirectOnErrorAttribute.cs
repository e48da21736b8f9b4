namespace InternalSocial.Kernel.Mvc;

/// <summary>
/// A form post that answers the listed kernel exceptions by going back to <see cref="Url"/> with the problem in
/// <c>TempData["Error"]</c>, the way it shows its success message. <c>{name}</c> in the address is the route value of that
/// name ("~/posts/{id}"). See <see cref="KernelExceptionFilter"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RedirectOnErrorAttribute(string url, params Type[] exceptions) : Attribute
{
    public string Url { get; } = url;

    /// <summary>The kernel exceptions that redirect; any other keeps its status page.</summary>
    public IReadOnlyList<Type> Exceptions { get; } = exceptions;
}
