using InternalSocial.Users.Services;

namespace InternalSocial.UnitTests.Users;

public sealed class CsvTests
{
    private static List<(int Line, IReadOnlyList<string> Fields)> Read(string text) => [.. Csv.Read(new StringReader(text))];

    [Fact]
    public void Empty_input_has_no_record()
    {
        Assert.Empty(Read(""));
        Assert.Empty(Read("\n\r\n\n"));
    }

    [Fact]
    public void Records_are_split_on_commas_and_new_lines_with_their_line_numbers()
    {
        var records = Read("userName,email\r\nzoe,zoe@acme.test\n\nbob,bob@acme.test");

        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
        Assert.Equal(["userName", "email"], records[0].Fields);
        Assert.Equal(["bob", "bob@acme.test"], records[2].Fields);
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_new_lines_and_accents()
    {
        var records = Read("name,title\n\"Müller, Zoë\",\"Head of \"\"Field\"\" sales\nÎle-de-France\"\nnext,one");

        Assert.Equal(["Müller, Zoë", "Head of \"Field\" sales\nÎle-de-France"], records[1].Fields);
        Assert.Equal((4, "next"), (records[2].Line, records[2].Fields[0]));
    }

    [Fact]
    public void Empty_fields_are_kept_in_their_place()
    {
        var records = Read(",b,,\n\"\"");

        Assert.Equal(["", "b", "", ""], records[0].Fields);
        Assert.Equal([""], records[1].Fields);
    }

    [Fact]
    public void A_semicolon_is_not_a_separator_and_a_quote_inside_a_field_is_text()
    {
        var records = Read("a;b,O'Brien 5\" screen");

        Assert.Equal(["a;b", "O'Brien 5\" screen"], records[0].Fields);
    }

    [Fact]
    public void An_unclosed_quote_runs_to_the_end_of_the_input()
    {
        var record = Assert.Single(Read("\"open,\nstill open"));

        Assert.Equal(["open,\nstill open"], record.Fields);
    }
}
