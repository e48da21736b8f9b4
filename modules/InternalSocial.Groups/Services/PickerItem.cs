
namespace InternalSocial.Groups.Services;

internal sealed record PickerItem(long Id, string Name, string Slug, bool NeedsApproval);
