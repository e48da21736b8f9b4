using System.Security.Claims;
using System.Text;
using InternalSocial.Feed.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Files;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Feed.Services;

/// <summary>
/// Uploads for posts. Images are re-encoded (WebP, at most 2048 px, no metadata); other files must have an allowed
/// extension AND the matching signature. Files are served only to readers of the post they belong to.
/// </summary>
internal sealed class AttachmentService(
    FeedDbContext db,
    IAuthorizationService authorization,
    FeedReaderResolver readers,
    PostVisibility visibility,
    ITenantFileStore files,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int MaxPerPost = 10;
    public const long MaxImageBytes = 10 * 1024 * 1024;
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxImageSide = 2048;

    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".webp", ".gif" };

    private static readonly Dictionary<string, string> FileTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
    };

    public async Task<AttachmentView> UploadAsync(ClaimsPrincipal user, string? fileName, Stream content, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await authorization.EnsurePermissionAsync(user, Permissions.Post);
        var name = Path.GetFileName(fileName ?? "").Trim();
        var extension = Path.GetExtension(name);
        var isImage = ImageExtensions.Contains(extension);
        if (name.Length is 0 or > 200 || (!isImage && !FileTypes.ContainsKey(extension)))
        {
            throw new InvalidInputException("attachments", T["Allowed files: images (PNG, JPEG, WebP, GIF), PDF, DOCX, XLSX, PPTX, ODT, TXT and CSV."]);
        }

        var limit = isImage ? MaxImageBytes : MaxFileBytes;
        if (length > limit)
        {
            throw new InvalidInputException("attachments", T["The file is too large: at most {0} MB for this type.", limit / 1024 / 1024]);
        }

        var bytes = await ReadAtMostAsync(content, limit, cancellationToken)
            ?? throw new InvalidInputException("attachments", T["The file is too large: at most {0} MB for this type.", limit / 1024 / 1024]);
        var now = clock.GetUtcNow().UtcDateTime;
        var stem = $"feed/{now:yyyy}/{now:MM}/{Guid.NewGuid():N}";
        var attachment = new Attachment { UploadedBy = UserId(user), FileName = name, ContentType = "", StoragePath = stem + extension.ToLowerInvariant(), CreatedUtc = now };
        bytes = isImage ? await AsImageAsync(attachment, bytes, stem, cancellationToken) : AsFile(attachment, bytes, extension);
        await using (var stream = new MemoryStream(bytes, writable: false))
        {
            await files.SaveAsync(attachment.StoragePath, stream, cancellationToken);
        }

        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return new AttachmentView(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, attachment.IsImage, attachment.Width, attachment.Height);
    }

    /// <summary>Re-encodes the image (its metadata dropped, its size bounded) and describes it; refuses what is not an image.</summary>
    private async Task<byte[]> AsImageAsync(Attachment attachment, byte[] bytes, string stem, CancellationToken cancellationToken)
    {
        var (problem, images) = await ImageNormalizer.NormalizeAsync(bytes, [MaxImageSide], cancellationToken);
        if (problem != ImageProblem.None)
        {
            throw new InvalidInputException("attachments", problem == ImageProblem.TooManyPixels
                ? ImageNormalizer.TooManyPixelsMessage
                : T["The image could not be read; upload a PNG, JPEG, WebP or GIF image."]);
        }

        var image = images[0];
        attachment.FileName = Path.ChangeExtension(attachment.FileName, NormalizedImage.Extension);
        attachment.ContentType = NormalizedImage.ContentType;
        attachment.StoragePath = stem + NormalizedImage.Extension;
        attachment.Size = image.Content.Length;
        attachment.IsImage = true;
        attachment.Width = image.Width;
        attachment.Height = image.Height;
        return image.Content;
    }

    /// <summary>Describes a document kept as uploaded, once its first bytes show it is what its extension says.</summary>
    private byte[] AsFile(Attachment attachment, byte[] bytes, string extension)
    {
        if (!HasSignature(extension, bytes))
        {
            throw new InvalidInputException("attachments", T["The file's content does not match its extension."]);
        }

        attachment.ContentType = FileTypes[extension];
        attachment.Size = bytes.Length;
        return bytes;
    }

    /// <summary>The person's own uploads among <paramref name="ids"/> not attached to a post yet: the composer shows them again after an error.</summary>
    public async Task<IReadOnlyList<AttachmentView>> PendingAsync(ClaimsPrincipal user, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var me = UserId(user);
        var wanted = ids.Distinct().Take(MaxPerPost).ToList();
        return await db.Attachments.AsNoTracking().Where(a => wanted.Contains(a.Id) && a.UploadedBy == me && a.PostId == null).OrderBy(a => a.Id)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.IsImage, a.Width, a.Height)).ToListAsync(cancellationToken);
    }

    /// <summary>The file, after checking the reader may open its post (or uploaded it and has not attached it yet).</summary>
    public async Task<StoredFile> OpenAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        var reader = await readers.GetAsync(user, cancellationToken);
        var visible = visibility.Openable(reader).Select(p => p.Id);
        var me = reader.UserId;
        var attachment = await db.Attachments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == id && ((a.PostId == null && a.UploadedBy == me) || (a.PostId != null && visible.Contains(a.PostId.Value))), cancellationToken)
            ?? throw new NotFoundException(T["No attachment with id {0}.", id]);
        var stream = await files.OpenReadAsync(attachment.StoragePath, cancellationToken)
            ?? throw new NotFoundException(T["No attachment with id {0}.", id]);
        return new StoredFile(stream, attachment.ContentType, attachment.FileName);
    }

    private static async Task<byte[]?> ReadAtMostAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool HasSignature(string extension, byte[] bytes) => extension.ToLowerInvariant() switch
    {
        ".pdf" => bytes.AsSpan().StartsWith("%PDF-"u8),
        ".docx" or ".xlsx" or ".pptx" or ".odt" => bytes.AsSpan().StartsWith("PK\u0003\u0004"u8),
        _ => bytes.Length > 0 && !bytes.Contains((byte)0) && IsUtf8(bytes),
    };

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string UserId(ClaimsPrincipal user) => user.GetUserId();
}
