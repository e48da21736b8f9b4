using InternalSocial.Kernel.Files;
using SkiaSharp;

namespace InternalSocial.Kernel.Tests;

public sealed class ImageNormalizerTests
{
    [Fact]
    public void A_large_photo_is_shrunk_to_the_maximum_side_and_re_encoded_as_webp()
    {
        var png = Encode(1600, 800, SKEncodedImageFormat.Png);

        Assert.Equal(ImageProblem.None, ImageNormalizer.TryNormalize(png, 400, out var image));

        Assert.NotNull(image);
        Assert.Equal((400, 200), (image.Width, image.Height));
        using var codec = SKCodec.Create(SKData.CreateCopy(image.Content));
        Assert.Equal(SKEncodedImageFormat.Webp, codec.EncodedFormat);
        Assert.Equal(400, codec.Info.Width);
    }

    [Fact]
    public void A_small_image_keeps_its_size()
    {
        Assert.Equal(ImageProblem.None, ImageNormalizer.TryNormalize(Encode(64, 48, SKEncodedImageFormat.Jpeg), 400, out var image));
        Assert.Equal((64, 48), (image!.Width, image.Height));
    }

    [Fact]
    public void Text_html_and_svg_pretending_to_be_images_are_refused()
    {
        Assert.Equal(ImageProblem.NotAnImage, ImageNormalizer.TryNormalize("not an image"u8.ToArray(), 400, out _));
        Assert.Equal(ImageProblem.NotAnImage, ImageNormalizer.TryNormalize("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"u8.ToArray(), 400, out _));
        Assert.Equal(ImageProblem.NotAnImage, ImageNormalizer.TryNormalize([], 400, out _));
    }

    [Fact]
    public void An_image_with_too_many_pixels_is_refused_before_it_is_decoded()
    {
        Assert.Equal(ImageProblem.TooManyPixels, ImageNormalizer.TryNormalize(Encode(ImageNormalizer.MaxSourceSide + 1, 2, SKEncodedImageFormat.Png), 400, out var image));
        Assert.Null(image);
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.CornflowerBlue);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
