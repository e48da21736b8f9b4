using Microsoft.Extensions.Localization;

namespace InternalSocial.UnitTests.Infrastructure;

public sealed class EnglishLocalizerFactory : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new EnglishLocalizer<object>();

    public IStringLocalizer Create(string baseName, string location) => new EnglishLocalizer<object>();
}
