
namespace InternalSocial.Groups.Services;

public sealed record PickerItem(long Id, string Name, string Slug, bool NeedsApproval);
