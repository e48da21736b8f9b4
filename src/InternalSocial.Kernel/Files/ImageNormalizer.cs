using SkiaSharp;

namespace InternalSocial.Kernel.Files;

public enum ImageProblem
{
    None,

    /// <summary>Not a PNG, JPEG, WebP or GIF image, or a broken one.</summary>
    NotAnImage,

    /// <summary>
    /// More than <see cref="ImageNormalizer.MaxSourcePixels"/> pixels, or wider or taller than
    /// <see cref="ImageNormalizer.MaxSourceSide"/> (a decompression bomb, or a scan).
    /// </summary>
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
/// <para>
/// A small file can describe a huge image (a PNG of zero rows compresses a thousandfold), so the size is read from
/// the header and refused before any pixel is decoded; an accepted image is decoded straight to about the size kept
/// (<see cref="ImageDecoder"/>), once, whatever the number of sizes asked for; and at most
/// <see cref="MaxConcurrentDecodes"/> images are decoded at once in the process, the others waiting their turn.
/// </para>
/// </summary>
public static class ImageNormalizer
{
    public const int MaxSourceSide = 12_000;

    /// <summary>40 megapixels: a phone's or a camera's photo passes, a decompression bomb does not.</summary>
    public const long MaxSourcePixels = 40_000_000;

    public const int MaxConcurrentDecodes = 2;

    private static readonly SKEncodedImageFormat[] AcceptedFormats =
        [SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Webp, SKEncodedImageFormat.Gif];

    // Process-wide on purpose: memory is the process's, whatever the tenant.
    internal static readonly SemaphoreSlim DecodeSlots = new(MaxConcurrentDecodes, MaxConcurrentDecodes);

    /// <summary>The refusal of an image with too many pixels, in the request's language.</summary>
    public static string TooManyPixelsMessage => KernelTexts.Shared[
        "The image is too large: at most {0} megapixels, and at most {1} pixels wide or high.", MaxSourcePixels / 1_000_000, MaxSourceSide];

    /// <summary>What the header says, without decoding a pixel.</summary>
    public static ImageProblem Inspect(byte[] source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var data = SKData.CreateCopy(source);
        using var codec = SKCodec.Create(data);
        return Inspect(codec);
    }

    /// <summary>One size; waits synchronously for a decoding slot (tests and tools: requests use <see cref="NormalizeAsync"/>).</summary>
    public static ImageProblem TryNormalize(byte[] source, int maxSide, out NormalizedImage? image, int quality = 82)
    {
        ArgumentNullException.ThrowIfNull(source);
        image = null;
        if (Inspect(source) is not ImageProblem.None and var refused)
        {
            return refused;
        }

        DecodeSlots.Wait();
        try
        {
            var problem = Normalize(source, [maxSide], quality, out var images);
            image = images.Count > 0 ? images[0] : null;
            return problem;
        }
        finally
        {
            DecodeSlots.Release();
        }
    }

    /// <summary>
    /// The image re-encoded once per size in <paramref name="maxSides"/> (in that order), from a single decoding,
    /// after waiting for a decoding slot.
    /// </summary>
    public static async Task<(ImageProblem Problem, IReadOnlyList<NormalizedImage> Images)> NormalizeAsync(
        byte[] source, IReadOnlyList<int> maxSides, CancellationToken cancellationToken, int quality = 82)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(maxSides);

        // The header first, outside the queue: a refused image never waits behind others, nor makes them wait.
        if (Inspect(source) is not ImageProblem.None and var refused)
        {
            return (refused, []);
        }

        await DecodeSlots.WaitAsync(cancellationToken);
        try
        {
            var problem = Normalize(source, maxSides, quality, out var images);
            return (problem, images);
        }
        finally
        {
            DecodeSlots.Release();
        }
    }

    private static ImageProblem Inspect(SKCodec? codec)
    {
        if (codec is null || !AcceptedFormats.Contains(codec.EncodedFormat))
        {
            return ImageProblem.NotAnImage;
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        return width > MaxSourceSide || height > MaxSourceSide || (long)width * height > MaxSourcePixels
            ? ImageProblem.TooManyPixels
            : ImageProblem.None;
    }

    private static ImageProblem Normalize(byte[] source, IReadOnlyList<int> maxSides, int quality, out IReadOnlyList<NormalizedImage> images)
    {
        images = [];
        using var data = SKData.CreateCopy(source);
        using var codec = SKCodec.Create(data);
        if (Inspect(codec) is not ImageProblem.None and var problem)
        {
            return problem;
        }

        var largest = maxSides.DefaultIfEmpty(1).Max();
        using var decoded = ImageDecoder.Decode(codec!, largest);
        if (decoded is null)
        {
            return ImageProblem.NotAnImage;
        }

        // Turned after shrinking: the turn then copies a small bitmap, not the source.
        using var upright = Orient(decoded, codec!.EncodedOrigin);
        var swap = upright.Width != decoded.Width;
        var (sourceWidth, sourceHeight) = swap ? (codec.Info.Height, codec.Info.Width) : (codec.Info.Width, codec.Info.Height);
        var result = new List<NormalizedImage>(maxSides.Count);
        foreach (var maxSide in maxSides)
        {
            var scale = Math.Min(1.0, (double)maxSide / Math.Max(sourceWidth, sourceHeight));
            var width = Math.Max(1, (int)Math.Round(sourceWidth * scale));
            var height = Math.Max(1, (int)Math.Round(sourceHeight * scale));
            using var resized = (width, height) != (upright.Width, upright.Height)
                ? upright.Resize(new SKImageInfo(width, height, upright.ColorType, upright.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell))
                : null;
            using var final = SKImage.FromBitmap(resized ?? upright);
            using var encoded = final.Encode(SKEncodedImageFormat.Webp, quality);
            result.Add(new NormalizedImage(encoded.ToArray(), width, height));
        }

        images = result;
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
