
namespace InternalSocial.Groups.Controllers;

public sealed record GroupTab(string Key, string Text, string Url);
