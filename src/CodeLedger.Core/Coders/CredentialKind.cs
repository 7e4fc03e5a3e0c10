namespace CodeLedger.Core.Coders;

/// <summary>Coding credentials issued by AAPC (CPC, COC, CRC, CEMC, CPMA, CCC, CCVTC...) and AHIMA (CCS, CCS-P).</summary>
public enum CredentialKind
{
    /// <summary>AAPC Certified Professional Coder.</summary>
    Cpc,

    /// <summary>AHIMA Certified Coding Specialist – Physician-based.</summary>
    CcsP,

    /// <summary>AHIMA Certified Coding Specialist (facility).</summary>
    Ccs,

    /// <summary>AAPC Certified Outpatient Coder.</summary>
    Coc,

    /// <summary>AAPC Certified Cardiovascular and Thoracic Surgery Coder.</summary>
    Cctc,

    /// <summary>AAPC Certified Cardiology Coder.</summary>
    Ccc,

    /// <summary>AAPC Certified Orthopaedic Surgery Coder.</summary>
    Cosc,

    /// <summary>AAPC Certified Risk Adjustment Coder.</summary>
    Crc,

    /// <summary>AAPC Certified Evaluation and Management Coder.</summary>
    Cemc,

    /// <summary>AAPC Certified Professional Medical Auditor.</summary>
    Cpma,

    /// <summary>AAPC Certified Family Practice Coder.</summary>
    Cfpc,

    /// <summary>AAPC Certified Internal Medicine Coder.</summary>
    Cimc,
}
