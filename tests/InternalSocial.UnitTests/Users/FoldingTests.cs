using InternalSocial.Users.Services;

namespace InternalSocial.UnitTests.Users;

public sealed class FoldingTests
{
    [Theory]
    [InlineData("Zoë O'Brien-Élan", "ZOE O BRIEN ELAN")]
    [InlineData("  françois   ", "FRANCOIS")]
    [InlineData("Ångström Ñúñez", "ANGSTROM NUNEZ")]
    [InlineData("straße", "STRAßE")]
    [InlineData("Søren Øster", "SØREN ØSTER")]
    [InlineData("Ирина", "ИРИНА")]
    [InlineData("R&D / Île-de-France 2", "R D ILE DE FRANCE 2")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    [InlineData("--", "")]
    public void Names_fold_to_upper_case_without_accents_or_punctuation(string? text, string folded) =>
        Assert.Equal(folded, Folding.Fold(text));

    [Fact]
    public void Folding_makes_spellings_of_one_name_equal()
    {
        Assert.Equal(Folding.Fold("Hélène Dupont-Moretti"), Folding.Fold("HELENE DUPONT MORETTI"));
        Assert.NotEqual(Folding.Fold("Helene"), Folding.Fold("Hélènes"));
    }

    [Fact]
    public void Tokens_are_distinct_folded_words_capped_in_number_and_length()
    {
        Assert.Equal(["JEAN", "PIERRE", "DUPONT"], Folding.Tokens("Jean-Pierre Dupont, jean"));
        Assert.Equal(2, Folding.Tokens("a b c d", max: 2).Count);
        Assert.Equal(100, Folding.Tokens(new string('x', 150)).Single().Length);
        Assert.Empty(Folding.Tokens(null));
    }

    [Fact]
    public void The_prefix_end_bounds_every_string_starting_with_the_prefix()
    {
        var end = Folding.PrefixEnd("DUP");

        Assert.Equal("DUQ", end);
        Assert.True(string.CompareOrdinal("DUPONT", end) < 0);
        Assert.True(string.CompareOrdinal("DUQ", end) >= 0);
        Assert.Throws<ArgumentException>(() => Folding.PrefixEnd(""));
    }

    [Fact]
    public void A_tag_is_folded_and_cut_to_its_column() =>
        Assert.Equal(new string('A', 100), Folding.Tag(new string('à', 120)));
}
