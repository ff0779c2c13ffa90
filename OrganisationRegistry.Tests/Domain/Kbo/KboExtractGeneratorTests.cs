using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Tests.Domain.Kbo;

/// <summary>The extract generator: deterministic for a seed, in the real format, with valid numbers.</summary>
public sealed class KboExtractGeneratorTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("kbo-generator-tests-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public void TheSameSeed_WritesTheSameFiles_AnotherSeedOtherOnes()
    {
        var a = Generate("a", 5);
        var b = Generate("b", 5);
        var c = Generate("c", 6);

        var files = Directory.EnumerateFiles(a).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["activity.csv", "address.csv", "code.csv", "contact.csv", "denomination.csv", "enterprise.csv", "establishment.csv", "meta.csv"], files);
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(a, f!)), File.ReadAllBytes(Path.Combine(b, f!))));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, "denomination.csv")), File.ReadAllBytes(Path.Combine(c, "denomination.csv")));
    }

    [Fact]
    public void Files_AreInTheKboFormat_WithValidEnterpriseNumbers_AndEstablishmentsStartingWithTwo()
    {
        var folder = Generate("format", 1);

        var enterprises = File.ReadAllLines(Path.Combine(folder, "enterprise.csv"));
        Assert.Equal("\"EnterpriseNumber\",\"Status\",\"JuridicalSituation\",\"TypeOfEnterprise\",\"JuridicalForm\",\"JuridicalFormCAC\",\"StartDate\"", enterprises[0]);
        Assert.All(enterprises.Skip(1), line =>
        {
            var number = line.Split(',')[0].Trim('"');
            Assert.Matches(@"^[01]\d{3}\.\d{3}\.\d{3}$", number);
            Assert.True(KboNumber.TryParse(number, out _), number);
            Assert.Matches(@",""\d{2}-\d{2}-\d{4}""$", line);
        });
        var establishments = File.ReadAllLines(Path.Combine(folder, "establishment.csv")).Skip(1).ToList();
        Assert.NotEmpty(establishments);
        Assert.All(establishments, line => Assert.Matches(@"^""2\.\d{3}\.\d{3}\.\d{3}""", line));
        Assert.Contains("\"ExtractType\",\"full\"", File.ReadAllLines(Path.Combine(folder, "meta.csv")));
        Assert.Contains("\"JuridicalForm\",\"124\",\"NL\",\"Openbare instelling\"", File.ReadAllLines(Path.Combine(folder, "code.csv")));
    }

    private string Generate(string name, int seed)
    {
        var path = Path.Combine(_temp.FullName, name);
        KboExtractGenerator.GenerateFull(path, new KboGeneratorOptions { Enterprises = 2_000, Seed = seed });
        return path;
    }
}
