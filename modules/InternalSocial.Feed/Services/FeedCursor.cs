using System.Buffers.Binary;

namespace InternalSocial.Feed.Services;

/// <summary>A position in the feed: the (published time, id) of the last post seen. Opaque to clients.</summary>
internal readonly record struct FeedCursor(DateTime PublishedUtc, long Id)
{
    public string Encode()
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, PublishedUtc.Ticks);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(8), Id);
        return System.Buffers.Text.Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? value, out FeedCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(value) || value.Length > 40)
        {
            return false;
        }

        var bytes = new byte[24];
        try
        {
            // A length that is not valid base64url throws rather than returning false.
            if (!System.Buffers.Text.Base64Url.TryDecodeFromChars(value, bytes, out var written) || written != 16)
            {
                return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        cursor = new FeedCursor(new DateTime(ticks, DateTimeKind.Utc), BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(8)));
        return true;
    }
}
