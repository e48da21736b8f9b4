using SkiaSharp;

namespace InternalSocial.Kernel.Files;

public enum ImageProblem
{
    None,

    /// <summary>Not a PNG, JPEG, WebP or GIF image, or a broken one.</summary>
    NotAnImage,

    /// <summary>Wider or taller than <see cref="ImageNormalizer.MaxSourceSide"/> pixels (a decompression bomb, or a scan).</summary>
    TooManyPixels,
}

/// <summary>A re-encoded image: WebP, at most the requested size, without the source's metadata (GPS position, camera).</summary>
public sealed record NormalizedImage(byte[] Content, int Width, int Height)
{
    public const string ContentType = "image/webp";

    public const string Extension = ".webp";
}

/// <summary>
/// Decodes an uploaded image with SkiaSharp and writes a new one. Re-encoding is what makes an upload safe to serve
/// inline: whatever the file claimed to be, what is stored is pixels we produced, turned the right way up.
/// </summary>
public static class ImageNormalizer
{
    public const int MaxSourceSide = 12_000;

    private static readonly SKEncodedImageFormat[] AcceptedFormats =
        [SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Webp, SKEncodedImageFormat.Gif];

    public static ImageProblem TryNormalize(byte[] source, int maxSide, out NormalizedImage? image, int quality = 82)
    {
        ArgumentNullException.ThrowIfNull(source);
        image = null;
        using var data = SKData.CreateCopy(source);
        using var codec = SKCodec.Create(data);
        if (codec is null || !AcceptedFormats.Contains(codec.EncodedFormat))
        {
            return ImageProblem.NotAnImage;
        }

        if (codec.Info.Width > MaxSourceSide || codec.Info.Height > MaxSourceSide)
        {
            return ImageProblem.TooManyPixels;
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return ImageProblem.NotAnImage;
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(upright.Width, upright.Height));
        var width = Math.Max(1, (int)Math.Round(upright.Width * scale));
        var height = Math.Max(1, (int)Math.Round(upright.Height * scale));
        using var resized = scale < 1.0 ? upright.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell)) : null;
        using var final = SKImage.FromBitmap(resized ?? upright);
        using var encoded = final.Encode(SKEncodedImageFormat.Webp, quality);
        image = new NormalizedImage(encoded.ToArray(), width, height);
        return ImageProblem.None;
    }

    /// <summary>Phones store photos sideways with an EXIF orientation; the re-encoded image drops EXIF, so the pixels are turned here.</summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return bitmap.Copy();
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(result);
        var (w, h) = (bitmap.Width, bitmap.Height);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, w / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, w / 2f, h / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.LeftTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(0, w); canvas.RotateDegrees(270); canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, w); canvas.RotateDegrees(270); break;
        }

        using var source = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(source, 0, 0, SKSamplingOptions.Default);
        return result;
    }
}
