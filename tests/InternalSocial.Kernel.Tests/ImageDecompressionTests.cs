using InternalSocial.Kernel.Files;
using InternalSocial.TestImages;
using SkiaSharp;

namespace InternalSocial.Kernel.Tests;

/// <summary>Decompression bombs: refused from the header; accepted large images are never decoded at full size, and once.</summary>
public sealed class ImageDecompressionTests
{
    [Fact]
    public void A_12000_by_12000_png_of_a_few_hundred_kilobytes_is_refused_from_its_header_alone()
    {
        var bomb = PngBomb.Create(12_000, 12_000);
        Assert.InRange(bomb.Length, 1, 1024 * 1024);

        // Decoding it would take 576 MB; the refusal costs no more than the file.
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(ImageProblem.TooManyPixels, ImageNormalizer.Inspect(bomb));
        Assert.Equal(ImageProblem.TooManyPixels, ImageNormalizer.TryNormalize(bomb, 512, out var image));
        Assert.Null(image);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 4L * bomb.Length);
    }

    [Fact]
    public void The_limit_is_40_megapixels_even_when_each_side_is_allowed()
    {
        Assert.Equal(ImageProblem.TooManyPixels, ImageNormalizer.Inspect(PngBomb.Create(8_000, 5_001)));
        Assert.Equal(ImageProblem.None, ImageNormalizer.Inspect(PngBomb.Create(8_000, 5_000)));
    }

    [Fact]
    public void A_large_png_is_decoded_by_blocks_to_about_the_size_kept_not_at_full_size()
    {
        var png = PngBomb.Create(8_000, 5_000);
        using (var codec = SKCodec.Create(SKData.CreateCopy(png)))
        {
            var planned = ImageDecoder.PlannedSize(codec, 512);
            Assert.InRange(planned.Width, 512, 1024);
            Assert.InRange((long)planned.Width * planned.Height, 1, 1024 * 1024);
        }

        Assert.Equal(ImageProblem.None, ImageNormalizer.TryNormalize(png, 512, out var image));
        Assert.Equal((512, 320), (image!.Width, image.Height));
    }

    [Fact]
    public void A_large_jpeg_is_scaled_by_its_decoder()
    {
        using var bitmap = new SKBitmap(4_000, 3_000);
        bitmap.Erase(SKColors.Teal);
        using var encoded = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Jpeg, 80);
        using var codec = SKCodec.Create(SKData.CreateCopy(encoded.ToArray()));

        var planned = ImageDecoder.PlannedSize(codec, 400);
        Assert.Equal((500, 375), (planned.Width, planned.Height));
    }

    [Fact]
    public async Task Several_sizes_come_from_one_decoding_and_keep_the_colours()
    {
        using var bitmap = new SKBitmap(1_600, 1_200);
        bitmap.Erase(SKColors.Red);
        using var encoded = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);

        var (problem, images) = await ImageNormalizer.NormalizeAsync(encoded.ToArray(), [512, 96], CancellationToken.None);

        Assert.Equal(ImageProblem.None, problem);
        Assert.Equal([(512, 384), (96, 72)], images.Select(i => (i.Width, i.Height)));
        using var small = SKBitmap.Decode(images[1].Content);
        var pixel = small.GetPixel(48, 36);
        Assert.InRange(pixel.Red, 240, 255);
        Assert.InRange(pixel.Green, 0, 15);
    }

    [Fact]
    public async Task At_most_two_images_are_decoded_at_once_the_others_wait_their_turn()
    {
        var png = PngBomb.Create(100, 100);
        ImageNormalizer.DecodeSlots.Wait();
        ImageNormalizer.DecodeSlots.Wait();
        Task<(ImageProblem, IReadOnlyList<NormalizedImage>)> waiting;
        try
        {
            waiting = ImageNormalizer.NormalizeAsync(png, [50], CancellationToken.None);
            await Task.Delay(300);
            Assert.False(waiting.IsCompleted);
        }
        finally
        {
            ImageNormalizer.DecodeSlots.Release(2);
        }

        var (problem, images) = await waiting;
        Assert.Equal(ImageProblem.None, problem);
        Assert.Equal(50, Assert.Single(images).Width);
    }
}
