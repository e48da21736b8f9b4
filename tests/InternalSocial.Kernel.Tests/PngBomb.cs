using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace InternalSocial.TestImages;

/// <summary>
/// A valid grey PNG of any size whose rows are all zero: it compresses about a thousandfold, so a file of a few
/// hundred kilobytes describes an image of gigabytes once decoded. Written by hand, without decoding anything.
/// (Shared with the integration tests by a link in their project file.)
/// </summary>
internal static class PngBomb
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] Create(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // grey
        WriteChunk(png, "IHDR", header);

        using var pixels = new MemoryStream();
        using (var deflate = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            // Each row: filter type 0, then one zero byte per pixel.
            var row = new byte[width + 1];
            for (var y = 0; y < height; y++)
            {
                deflate.Write(row);
            }
        }

        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc(typeAndData));
        stream.Write(crc);
    }

    private static uint Crc(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
