using CodeLedger.Core.Codes;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.EvaluationAndManagement;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CodeLedger.Storage.Mapping;

/// <summary>Value converters shared by both providers: codes as their canonical text, money as whole cents.</summary>
internal static class Converters
{
    public static readonly ValueConverter<Npi, string> Npi = new(v => v.Value, s => Core.Codes.Npi.Parse(s));
    public static readonly ValueConverter<TaxonomyCode, string> Taxonomy = new(v => v.Value, s => TaxonomyCode.Parse(s));
    public static readonly ValueConverter<Specialty, string> Specialty = new(v => v.Value, s => Core.Codes.Specialty.Parse(s));
    public static readonly ValueConverter<PlaceOfService, string> PlaceOfService = new(v => v.Value, s => Core.Encounters.PlaceOfService.Parse(s));

    /// <summary>Money as cents: exact, and summable in SQL on SQLite, which has no decimal type.</summary>
    public static readonly ValueConverter<Money, long> Money = new(v => v.Cents, c => Core.Codes.Money.FromCents(c));

    /// <summary>E/M documentation in the input shape of `em level` (EF passes no nulls to converters).</summary>
    public static readonly ValueConverter<EmInput?, string> EmDocumentation = new(v => EmInputJson.WriteInput(v!), s => EmInputJson.Parse(s));

    /// <summary>By content: the record holds an immutable array, whose equality is by reference. Immutable, so its snapshot is itself.</summary>
    public static readonly ValueComparer<EmInput?> EmDocumentationComparer = new(
        (a, b) => (a == null ? null : EmInputJson.WriteInput(a)) == (b == null ? null : EmInputJson.WriteInput(b)),
        v => v == null ? 0 : EmInputJson.WriteInput(v).GetHashCode(StringComparison.Ordinal),
        v => v);

    public static ValueConverter<T, string> Json<T>() where T : class =>
        new(v => StoredJson.Serialize(v), s => StoredJson.Deserialize<T>(s));

    /// <summary>Compares JSON-stored values by their serialized form, so EF notices changes inside lists.</summary>
    public static ValueComparer<T> JsonComparer<T>() where T : class =>
        new(
            (a, b) => StoredJson.Serialize(a) == StoredJson.Serialize(b),
            v => StoredJson.Serialize(v).GetHashCode(StringComparison.Ordinal),
            v => StoredJson.Deserialize<T>(StoredJson.Serialize(v)));
}
