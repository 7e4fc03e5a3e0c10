using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using CodeLedger.X12.Claims837;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Tests.Samples;
using CodeLedger.X12.Workloads;

namespace CodeLedger.X12.Tests.Claims837;

/// <summary>The typed rows a sink reads without records: the same claims, batched, in file order.</summary>
public class ClaimBatch837Tests
{
    [Fact]
    public void Rows_read_back_the_model_the_writer_wrote()
    {
        // The writer's model is built by hand (Fixtures), so this compares rows to an independent source.
        var expected = Fixtures.Interchange837().Transactions[0].Claims;
        var sink = new RowSink();
        X12Parser.Parse(Fixtures.Bytes(Fixtures.Text837()), new X12ParseOptions { Sink = sink });

        Assert.Equal(expected.Count, sink.Rows.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], sink.Rows[i]);
        }
    }

    [Theory]
    [MemberData(nameof(SampleFileTests.Files5010), MemberType = typeof(SampleFileTests))]
    public void Rows_add_up_to_an_independent_count_of_every_sample(string file)
    {
        var bytes = SampleFiles.Bytes(file);
        var sink = new RowSink();
        var result = X12Parser.Parse(bytes, new X12ParseOptions { Sink = sink });
        if (result.Kind != X12DocumentKind.Claim837P)
        {
            Assert.Empty(sink.Rows);
            return;
        }

        var (_, charge, _) = SampleFiles.CountByHand(bytes);
        Assert.Equal((result.Claims, charge), (sink.Rows.Count, sink.Rows.Sum(r => r.TotalCharge)));
        Assert.Equal(CountLines(bytes), sink.Rows.Sum(r => r.Lines.Count));
    }

    [Fact]
    public void Within_one_set_every_batch_but_the_last_is_full_and_claims_keep_file_order_and_are_emptied_after_the_call()
    {
        using var stream = new MemoryStream();
        X12SyntheticFile.Write(stream, X12FileKind.Claim837P, 500_000, X12SyntheticFile.BenchmarkSeed);
        var sink = new RowSink();
        var result = X12Parser.Parse(stream.ToArray(), new X12ParseOptions { Sink = sink });

        Assert.True(result.Claims > 1000, $"{result.Claims} claims");
        Assert.Equal(result.Claims, sink.Rows.Count);
        Assert.All(sink.BatchSizes[..^1], size => Assert.Equal(ClaimBatch837.Capacity, size));
        Assert.InRange(sink.BatchSizes[^1], 1, ClaimBatch837.Capacity);
        var numbers = sink.Rows.Select(r => r.PatientControlNumber).ToList();
        Assert.Equal(numbers.Order(StringComparer.Ordinal), numbers);
        Assert.Equal(0, sink.LastBatch!.Count);
    }

    [Fact]
    public void Within_one_set_an_equal_diagnosis_or_modifier_list_is_one_shared_object()
    {
        // The generated file repeats 24 diagnoses and a few modifier lists over about 1,200 claims
        // in one set; before the interner had two entries per set, three pairs of those diagnoses
        // evicted each other and were made afresh claim after claim.
        using var stream = new MemoryStream();
        X12SyntheticFile.Write(stream, X12FileKind.Claim837P, 500_000, X12SyntheticFile.BenchmarkSeed);
        var diagnoses = new Dictionary<Diagnosis837, HashSet<Diagnosis837>>();
        var modifiers = new Dictionary<string, EquatableArray<string>>();
        var lists = 0;
        var unshared = 0;
        var sink = new DelegateSink(batch =>
        {
            foreach (var row in batch)
            {
                foreach (var diagnosis in row.Diagnoses)
                {
                    diagnoses.TryAdd(diagnosis, new HashSet<Diagnosis837>(ReferenceEqualityComparer.Instance));
                    diagnoses[diagnosis].Add(diagnosis);
                }

                for (var i = 0; i < row.LineCount; i++)
                {
                    var list = row.Line(i).Modifiers;
                    if (list.Count == 0)
                    {
                        continue;
                    }

                    // The first list of these values is kept (so the GC keeps its array where the
                    // comparison can see it); a shared list is the same array, not an equal one.
                    lists++;
                    var values = string.Join(':', list);
                    if (!modifiers.TryAdd(values, list)
                        && !Unsafe.AreSame(ref MemoryMarshal.GetReference(modifiers[values].AsSpan()), ref MemoryMarshal.GetReference(list.AsSpan())))
                    {
                        unshared++;
                    }
                }
            }
        });
        var result = X12Parser.Parse(stream.ToArray(), new X12ParseOptions { Sink = sink });

        Assert.Equal(1, result.Transactions);
        Assert.Equal(24, diagnoses.Count);
        Assert.All(diagnoses.Values, instances => Assert.Single(instances));
        Assert.True(lists > 100, $"{lists} modifier lists");
        Assert.Equal(0, unshared);
    }

    [Fact]
    public void Modifier_lists_that_differ_only_by_empty_modifiers_are_not_shared()
    {
        // Claim 1 and claim 4 both bill 99214 with modifier 25; claim 4 now puts it in SV101-5.
        var text = Fixtures.Text837();
        var last = text.LastIndexOf("HC:99214:25*", StringComparison.Ordinal);
        text = text[..last] + "HC:99214:::25*" + text[(last + "HC:99214:25*".Length)..];

        var claims = X12Document.Load(Fixtures.Bytes(text)).Claims837[0].Transactions[0].Claims;

        Assert.Equal(["25"], claims[0].Lines[0].Modifiers);
        Assert.Equal(["", "", "25"], claims[3].Lines[0].Modifiers);
    }

    /// <summary>SV1 segments inside claims (each is a line, with or without its LX), by splitting the text.</summary>
    private static int CountLines(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').TrimStart();
        var element = text[3];
        var terminator = text.Split(element, 17)[16][1];
        var lines = 0;
        var inClaim = false;
        foreach (var raw in text.Split(terminator))
        {
            var id = raw.Trim().Split(element)[0];
            inClaim = id switch
            {
                "CLM" => true,
                "HL" or "SE" => false,
                _ => inClaim,
            };
            if (inClaim && id == "SV1")
            {
                lines++;
            }
        }

        return lines;
    }

    private sealed class DelegateSink(Action<ClaimBatch837> onBatch) : X12ClaimSink
    {
        public override void OnClaims837(ClaimBatch837 batch) => onBatch(batch);
    }

    /// <summary>Copies each row field by field through the row's own properties (not ToRecord).</summary>
    private sealed class RowSink : X12ClaimSink
    {
        public List<Claim837> Rows { get; } = [];

        public List<int> BatchSizes { get; } = [];

        public ClaimBatch837? LastBatch { get; private set; }

        public override void OnClaims837(ClaimBatch837 batch)
        {
            LastBatch = batch;
            BatchSizes.Add(batch.Count);
            foreach (var row in batch)
            {
                Rows.Add(new Claim837(row.BillingProvider, row.Subscriber, row.Patient, row.PatientControlNumber, row.TotalCharge, row.PlaceOfService,
                    row.FrequencyCode, row.ProviderSignature, row.Assignment, row.BenefitsAssignment, row.ReleaseOfInformation, row.PriorAuthorization,
                    row.PayerClaimControlNumber, row.Diagnoses.ToArray(), row.Referring, row.Rendering, Lines(row)));
            }
        }

        // Element by element through the line views, not through ToRecord.
        private static ServiceLine837[] Lines(ClaimRow837 row)
        {
            var lines = new ServiceLine837[row.LineCount];
            for (var i = 0; i < lines.Length; i++)
            {
                var line = row.Line(i);
                lines[i] = new ServiceLine837(line.LineNumber, line.Qualifier, line.ProcedureCode, line.Modifiers, line.Description, line.Charge,
                    line.UnitBasis, line.Units, line.PlaceOfService, line.DiagnosisPointers, line.ServiceFrom, line.ServiceTo, line.PriorAuthorization,
                    line.Rendering);
            }

            return lines;
        }
    }
}
