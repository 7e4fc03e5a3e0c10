namespace CodeLedger.Core.Tests.Setup;

/// <summary>A setup with two vendors, two practices and an audit firm, in YAML and in JSON (the same setup).</summary>
internal static class SetupSamples
{
    public const string Sha = "a3f1c2d4e5b6a7980123456789abcdef0123456789abcdef0123456789abcdef";

    public const string Yaml = $$"""
        vendors:
          - code: ACME
            name: Acme Coding Partners
            coders:
              - userName: jdoe
                name: Jane Doe
                specialties: [family-medicine]
                credentials:
                  - kind: CPC
                    number: CPC-1001
                    issuedOn: 2020-01-01
                    expiresOn: 2030-01-01
                absences:
                  - from: 2026-03-02
                    through: 2026-03-06
                    reason: annual leave
              - userName: mlead
                name: Mo Lead
                lead: true
                specialties: [family-medicine, cardiology]
                credentials:
                  - {kind: CPC, number: CPC-2002, issuedOn: 2015-01-01, expiresOn: 2030-01-01}
          - code: BETA-CODING
            name: Beta Coding
            coders:
              - userName: bcoder
                name: Bea Coder
                specialties: [cardiology]
                credentials:
                  - {kind: CCC, number: CCC-3, issuedOn: 2021-05-01, expiresOn: 2029-05-01}
        practices:
          - code: FM-NORTH
            name: Northside Family Medicine
            physicians:
              - {npi: "1234567893", name: Dr. Maya Chen, taxonomy: 207Q00000X, specialty: family-medicine}
              - {npi: "1000000012", name: Dr. Sam Okafor, taxonomy: 207Q00000X, specialty: family-medicine}
          - code: HEART
            name: Heartwell Cardiology
            physicians:
              - {npi: "1245319599", name: Dr. Tom Reyes, taxonomy: 207RC0000X, specialty: cardiology}
        auditFirms:
          - code: AUDIT-CO
            name: Independent Audit Co
        agreements:
          - practice: FM-NORTH
            vendor: ACME
            practiceSignatory: Dr. Maya Chen, Managing Partner
            vendorSignatory: Dana Whitfield, CEO
            signedOn: 2025-12-01
            effectiveOn: 2026-01-01
            documentSha256: {{Sha}}
          - practice: HEART
            vendor: BETA-CODING
            practiceSignatory: Dr. Tom Reyes
            vendorSignatory: Bo Beta
            signedOn: 2025-12-15
            effectiveOn: 2026-01-01
            expiresOn: 2028-12-31
            documentSha256: {{Sha}}
        contracts:
          - practice: FM-NORTH
            vendor: ACME
            effectiveOn: 2026-01-01
            turnaroundTargetHours: 48
            clock: business-hours
            timeZone: America/Chicago
            workingHours: {opens: "08:00", closes: "17:00", days: [monday, tuesday, wednesday, thursday, friday]}
            holidays: [2026-01-01, 2026-12-25]
            accuracyFloorPercent: 95
            queryResponseWindowHours: 72
            openQueryPausesClock: true
            correctedDocumentationRestartsClock: false
            monthlyFee: "18500.00"
            serviceCredits: {thresholdPercent: 95, percentOfFeePerPoint: 2, capPercentOfFee: 20}
            remediationAfterConsecutiveBreachMonths: 3

        """;

    public static string Json => Core.Setup.SetupWriter.Json(Core.Setup.SetupReader.Read(Yaml, Core.Setup.SetupFormat.Yaml, "setup.yaml"));
}
