
namespace InternalSocial.Groups.Controllers;

internal sealed record GroupTab(string Key, string Text, string Url);
