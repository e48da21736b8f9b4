using System.Runtime.InteropServices;
using SkiaSharp;

namespace InternalSocial.Kernel.Files;

/// <summary>
/// Decodes an image straight to about the size kept, so that a large source never lives in memory at full size:
/// JPEG and WebP are scaled by their decoder (JPEG by eighths); PNG is read one row at a time and averaged by blocks
/// of rows and columns. Only what neither can do (a GIF, an interlaced PNG) is decoded at full size, which
/// <see cref="ImageNormalizer.MaxSourcePixels"/> bounds (160 MB at 4 bytes a pixel).
/// </summary>
internal static class ImageDecoder
{
    private const int BytesPerPixel = 4;

    /// <summary>A bitmap whose longest side is at least <paramref name="maxSide"/> (or the source's own); null when the pixels cannot be read.</summary>
    public static SKBitmap? Decode(SKCodec codec, int maxSide)
    {
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var longest = Math.Max(width, height);
        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        if (longest > maxSide)
        {
            var scaled = codec.GetScaledDimensions((float)maxSide / longest);
            if (scaled.Width > 0 && scaled.Height > 0 && scaled.Width < width)
            {
                return DecodeAt(codec, new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, alpha));
            }

            var step = longest / Math.Max(1, maxSide);
            if (step >= 2 && DecodeByBlocks(codec, step, alpha) is { } sampled)
            {
                return sampled;
            }
        }

        return DecodeAt(codec, new SKImageInfo(width, height, SKColorType.Rgba8888, alpha));
    }

    /// <summary>What the codec decodes at <paramref name="maxSide"/>: the size of the bitmap <see cref="Decode"/> would return.</summary>
    public static SKSizeI PlannedSize(SKCodec codec, int maxSide)
    {
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var longest = Math.Max(width, height);
        if (longest <= maxSide)
        {
            return new SKSizeI(width, height);
        }

        var scaled = codec.GetScaledDimensions((float)maxSide / longest);
        if (scaled.Width > 0 && scaled.Height > 0 && scaled.Width < width)
        {
            return scaled;
        }

        var step = longest / Math.Max(1, maxSide);
        return step >= 2 ? new SKSizeI(Blocks(width, step), Blocks(height, step)) : new SKSizeI(width, height);
    }

    private static SKBitmap? DecodeAt(SKCodec codec, SKImageInfo info)
    {
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    /// <summary>
    /// Averages each block of <paramref name="step"/> × <paramref name="step"/> pixels into one, reading one row of the
    /// source at a time; null when the codec cannot decode by rows (the caller decodes at full size then).
    /// </summary>
    private static SKBitmap? DecodeByBlocks(SKCodec codec, int step, SKAlphaType alpha)
    {
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var source = new SKImageInfo(width, height, SKColorType.Rgba8888, alpha);
        if (codec.StartScanlineDecode(source) != SKCodecResult.Success || codec.ScanlineOrder != SKCodecScanlineOrder.TopDown)
        {
            return null;
        }

        var (outWidth, outHeight) = (Blocks(width, step), Blocks(height, step));
        var bitmap = new SKBitmap(new SKImageInfo(outWidth, outHeight, SKColorType.Rgba8888, alpha));
        var row = GC.AllocateArray<byte>(width * BytesPerPixel, pinned: true);
        var rowAddress = Marshal.UnsafeAddrOfPinnedArrayElement(row, 0);
        var sums = new long[outWidth * BytesPerPixel];
        var output = new byte[outWidth * BytesPerPixel];
        for (var outY = 0; outY < outHeight; outY++)
        {
            Array.Clear(sums);
            var rows = Math.Min(step, height - (outY * step));
            for (var r = 0; r < rows; r++)
            {
                // A short read (a truncated file) leaves the codec's fill in the row: the image is still ours to encode.
                codec.GetScanlines(rowAddress, 1, row.Length);
                AddRow(row, sums, width, step);
            }

            for (var outX = 0; outX < outWidth; outX++)
            {
                var count = (long)Math.Min(step, width - (outX * step)) * rows;
                for (var c = 0; c < BytesPerPixel; c++)
                {
                    var i = (outX * BytesPerPixel) + c;
                    output[i] = (byte)((sums[i] + (count / 2)) / count);
                }
            }

            Marshal.Copy(output, 0, bitmap.GetPixels() + (outY * bitmap.RowBytes), output.Length);
        }

        return bitmap;
    }

    private static void AddRow(byte[] row, long[] sums, int width, int step)
    {
        for (var x = 0; x < width; x++)
        {
            var source = x * BytesPerPixel;
            var target = x / step * BytesPerPixel;
            sums[target] += row[source];
            sums[target + 1] += row[source + 1];
            sums[target + 2] += row[source + 2];
            sums[target + 3] += row[source + 3];
        }
    }

    private static int Blocks(int length, int step) => (length + step - 1) / step;
}
