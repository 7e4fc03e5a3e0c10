namespace CodeLedger.Core.CodeSets;

/// <summary>The code sets CodeLedger imports, each in the format its publisher ships (docs/CODESETS.md).</summary>
public enum CodeSetKind
{
    /// <summary>ICD-10-CM order file (CMS/CDC), annual on 1 October plus the 1 April update.</summary>
    Icd10Cm,

    /// <summary>HCPCS Level II ANWEB fixed-width file (CMS), annual plus quarterly.</summary>
    Hcpcs,

    /// <summary>Physician fee schedule relative value file PPRRVU (CMS): RVUs, global days, status.</summary>
    Rvu,

    /// <summary>NCCI practitioner procedure-to-procedure edits (CMS), quarterly.</summary>
    NcciPtp,

    /// <summary>NCCI practitioner medically unlikely edits (CMS), quarterly.</summary>
    Mue,

    /// <summary>CPT descriptors from a user-supplied CSV (AMA licence), annual on 1 January.</summary>
    Cpt,
}
