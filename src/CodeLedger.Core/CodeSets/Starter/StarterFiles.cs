namespace CodeLedger.Core.CodeSets.Starter;

/// <summary>
/// The starter code set, written for the demo (not copied from CMS files), in the same layouts as
/// the official files so it goes through the same importers. Values are illustrative: never bill
/// from them. Kept as text in the assembly because the release layouts are plain text.
/// </summary>
internal static class StarterFiles
{
    public const string IcdOrderFileName = "icd10cm_order_starter.txt";

    public const string IcdOrder = """
00001 E11     0 Type 2 diabetes mellitus                                     Type 2 diabetes mellitus
00002 E114    0 Type 2 diabetes mellitus with neurological complications     Type 2 diabetes mellitus with neurological complications
00003 E1142   1 Type 2 diabetes mellitus with diabetic polyneuropathy        Type 2 diabetes mellitus with diabetic polyneuropathy
00004 E116    0 Type 2 diabetes mellitus with other specified complications  Type 2 diabetes mellitus with other specified complications
00005 E1165   1 Type 2 diabetes mellitus with hyperglycemia                  Type 2 diabetes mellitus with hyperglycemia
00006 E119    1 Type 2 diabetes mellitus without complications               Type 2 diabetes mellitus without complications
00007 E78     0 Disorders of lipoprotein metabolism and other lipidemias     Disorders of lipoprotein metabolism and other lipidemias
00008 E785    1 Hyperlipidemia, unspecified                                  Hyperlipidemia, unspecified
00009 G63     1 Polyneuropathy in diseases classified elsewhere              Polyneuropathy in diseases classified elsewhere
00010 I10     1 Essential (primary) hypertension                             Essential (primary) hypertension
00011 I25     0 Chronic ischemic heart disease                               Chronic ischemic heart disease
00012 I251    0 Atherosclerotic heart disease of native coronary artery      Atherosclerotic heart disease of native coronary artery
00013 I2510   1 Atherosclerotic heart disease of native coronary artery with Atherosclerotic heart disease of native coronary artery without angina pectoris
00014 I48     0 Atrial fibrillation and flutter                              Atrial fibrillation and flutter
00015 I4891   1 Unspecified atrial fibrillation                              Unspecified atrial fibrillation
00016 I50     0 Heart failure                                                Heart failure
00017 I509    1 Heart failure, unspecified                                   Heart failure, unspecified
00018 J06     0 Acute upper respiratory infections of multiple and unspecifi Acute upper respiratory infections of multiple and unspecified sites
00019 J069    1 Acute upper respiratory infection, unspecified               Acute upper respiratory infection, unspecified
00020 J45     0 Asthma                                                       Asthma
00021 J4590   0 Unspecified asthma                                           Unspecified asthma
00022 J45909  1 Unspecified asthma, uncomplicated                            Unspecified asthma, uncomplicated
00023 L60     0 Nail disorders                                               Nail disorders
00024 L600    1 Ingrowing nail                                               Ingrowing nail
00025 B35     0 Dermatophytosis                                              Dermatophytosis
00026 B351    1 Tinea unguium                                                Tinea unguium
00027 B07     0 Viral warts                                                  Viral warts
00028 B079    1 Viral wart, unspecified                                      Viral wart, unspecified
00029 H61     0 Other disorders of external ear                              Other disorders of external ear
00030 H612    0 Impacted cerumen                                             Impacted cerumen
00031 H6121   1 Impacted cerumen, right ear                                  Impacted cerumen, right ear
00032 M17     0 Osteoarthritis of knee                                       Osteoarthritis of knee
00033 M171    0 Unilateral primary osteoarthritis of knee                    Unilateral primary osteoarthritis of knee
00034 M1711   1 Unilateral primary osteoarthritis, right knee                Unilateral primary osteoarthritis, right knee
00035 R07     0 Pain in throat and chest                                     Pain in throat and chest
00036 R079    1 Chest pain, unspecified                                      Chest pain, unspecified
00037 R0789   1 Other chest pain                                             Other chest pain
00038 R00     0 Abnormalities of heart beat                                  Abnormalities of heart beat
00039 R002    1 Palpitations                                                 Palpitations
00040 Z00     0 Encounter for general examination without complaint, suspect Encounter for general examination without complaint, suspected or reported diagnosis
00041 Z0000   1 Encounter for general adult medical examination without abno Encounter for general adult medical examination without abnormal findings
00042 Z23     1 Encounter for immunization                                   Encounter for immunization
00043 Z79     0 Long term (current) drug therapy                             Long term (current) drug therapy
00044 Z7901   1 Long term (current) use of anticoagulants                    Long term (current) use of anticoagulants
00045 E03     0 Other hypothyroidism                                         Other hypothyroidism
00046 E039    1 Hypothyroidism, unspecified                                  Hypothyroidism, unspecified
00047 E66     0 Overweight and obesity                                       Overweight and obesity
00048 E669    1 Obesity, unspecified                                         Obesity, unspecified
00049 F41     0 Other anxiety disorders                                      Other anxiety disorders
00050 F411    1 Generalized anxiety disorder                                 Generalized anxiety disorder
00051 I34     0 Nonrheumatic mitral valve disorders                          Nonrheumatic mitral valve disorders
00052 I340    1 Nonrheumatic mitral (valve) insufficiency                    Nonrheumatic mitral (valve) insufficiency
00053 I49     0 Other cardiac arrhythmias                                    Other cardiac arrhythmias
00054 I493    1 Ventricular premature depolarization                         Ventricular premature depolarization
00055 I502    0 Systolic (congestive) heart failure                          Systolic (congestive) heart failure
00056 I5022   1 Chronic systolic (congestive) heart failure                  Chronic systolic (congestive) heart failure
00057 J02     0 Acute pharyngitis                                            Acute pharyngitis
00058 J029    1 Acute pharyngitis, unspecified                               Acute pharyngitis, unspecified
00059 K21     0 Gastro-esophageal reflux disease                             Gastro-esophageal reflux disease
00060 K219    1 Gastro-esophageal reflux disease without esophagitis         Gastro-esophageal reflux disease without esophagitis
00061 M25     0 Other joint disorder, not elsewhere classified               Other joint disorder, not elsewhere classified
00062 M2556   0 Pain in knee                                                 Pain in knee
00063 M25561  1 Pain in right knee                                           Pain in right knee
00064 M545    0 Low back pain                                                Low back pain
00065 M5450   1 Low back pain, unspecified                                   Low back pain, unspecified
00066 N39     0 Other disorders of urinary system                            Other disorders of urinary system
00067 N390    1 Urinary tract infection, site not specified                  Urinary tract infection, site not specified
00068 R05     0 Cough                                                        Cough
00069 R051    1 Acute cough                                                  Acute cough
00070 R06     0 Abnormalities of breathing                                   Abnormalities of breathing
00071 R060    0 Dyspnea                                                      Dyspnea
00072 R0602   1 Shortness of breath                                          Shortness of breath
00073 Z95     0 Presence of cardiac and vascular implants and grafts         Presence of cardiac and vascular implants and grafts
00074 Z950    1 Presence of cardiac pacemaker                                Presence of cardiac pacemaker
""";

    public const string HcpcsAnwebFileName = "HCPC_STARTER_ANWEB.txt";

    public const string HcpcsAnweb = """
***Starter HCPCS Level II set written for the CodeLedger demo, in the ANWEB record layout

G0008001003Administration of influenza virus vaccine                                       Admin influenza virus vac                                                                                                                                                        2003010120030101        N
G0439001003Annual wellness visit, subsequent, includes a personalized prevention plan      Ppps, subseq visit                                                                                                                                                               2011010120110101        N
G2211001003Visit complexity add-on for office/outpatient E/M with a longitudinal relationshComplex e/m visit add on                                                                                                                                                         2021010120240101        N
G2212001003Prolonged office/outpatient E/M service, each 15 minutes beyond the maximum timeProlong outpt/office vis                                                                                                                                                         2021010120210101        N
J1030001003Injection, methylprednisolone acetate, 40 mg                                    Methylprednisolone 40 mg inj                                                                                                                                                     2000010120000101        N
J3301001003Injection, triamcinolone acetonide, not otherwise specified, 10 mg              Triamcinolone acet inj nos                                                                                                                                                       2000010120000101        N
G0101001003Cervical or vaginal cancer screening; pelvic and clinical breast examination    Ca screen;pelvic/breast exam                                                                                                                                                     1998010119980101        N
G0180001003Physician certification for home health, initial (starter set: terminated examplMD certification HHA patient                                                                                                                                                     200101012001010120231231D
   E1001007Upper left, eyelid                                                              Upper left, eyelid                                                                                                                                                               1998010119980101        N
   E2001007Lower left, eyelid                                                              Lower left, eyelid                                                                                                                                                               1998010119980101        N
   E3001007Upper right, eyelid                                                             Upper right, eyelid                                                                                                                                                              1998010119980101        N
   E4001007Lower right, eyelid                                                             Lower right, eyelid                                                                                                                                                              1998010119980101        N
   FA001007Left hand, thumb                                                                Left hand, thumb                                                                                                                                                                 1998010119980101        N
   F1001007Left hand, second digit                                                         Left hand, second digit                                                                                                                                                          1998010119980101        N
   F5001007Right hand, thumb                                                               Right hand, thumb                                                                                                                                                                1998010119980101        N
   TA001007Left foot, great toe                                                            Left foot, great toe                                                                                                                                                             1998010119980101        N
   T1001007Left foot, second digit                                                         Left foot, second digit                                                                                                                                                          1998010119980101        N
   T5001007Right foot, great toe                                                           Right foot, great toe                                                                                                                                                            1998010119980101        N
   LT001007Left side                                                                       Left side                                                                                                                                                                        1998010119980101        N
   RT001007Right side                                                                      Right side                                                                                                                                                                       1998010119980101        N
   LC001007Left circumflex coronary artery                                                 Left circumflex coronary art                                                                                                                                                     1998010119980101        N
   LD001007Left anterior descending coronary artery                                        Left anterior descending cor                                                                                                                                                     1998010119980101        N
   RC001007Right coronary artery                                                           Right coronary artery                                                                                                                                                            1998010119980101        N
   LM001007Left main coronary artery                                                       Left main coronary artery                                                                                                                                                        1998010119980101        N
   RI001007Ramus intermedius coronary artery                                               Ramus intermedius coronary a                                                                                                                                                     1998010119980101        N
   TC001007Technical component                                                             Technical component                                                                                                                                                              1998010119980101        N
   GA001007Waiver of liability statement issued as required by payer policy                Waiver of liability statemen                                                                                                                                                     1998010119980101        N
   GY001007Item or service statutorily excluded                                            Item or service statutorily                                                                                                                                                      1998010119980101        N
   GZ001007Item or service expected to be denied as not reasonable and necessary           Item or service expected to                                                                                                                                                      1998010119980101        N
   QW001007CLIA waived test                                                                CLIA waived test                                                                                                                                                                 1998010119980101        N
   XE001007Separate encounter, a service that is distinct because it occurred during a sepaSeparate encounter, a servic                                                                                                                                                     2015010119980101        N
   XP001007Separate practitioner, a service that is distinct because it was performed by a Separate practitioner, a ser                                                                                                                                                     2015010119980101        N
   XS001007Separate structure, a service that is distinct because it was performed on a sepSeparate structure, a servic                                                                                                                                                     2015010119980101        N
   XU001007Unusual non-overlapping service, not overlapping the usual components of the maiUnusual non-overlapping serv                                                                                                                                                     2015010119980101        N
""";

    public const string RvuFileName = "PPRRVU_STARTER.csv";

    public const string Rvu = """
,,CodeLedger starter relative value file (illustrative values for the demo; not CMS data),,,,,,,,,,,,,,,,,,,,,,,,,,,,
,,Descriptions are CodeLedger's own plain wording,,,,,,,,,,,,,,,,,,,,,,,,,,,,
,, , ,,,,,,,,,,,,,,,,,,,,,,,,,NON-FACILITY,FACILITY,
,,,,NOT USED,,,,,,,,,,,,,,,,,,,,,PHYSICIAN,,DIAGNOSTIC,PE USED,PE USED,MP USED
,,,STATUS,MEDICARE ,WORK,NON-FAC,NA,FACILITY,NA,MP,NON-FACILITY,FACILITY,PCTC,GLOB,PRE,INTRA,POST,MULT,BILAT,ASST,CO-,TEAM,ENDO,CONV,DIAGNOSTIC,CALCULATION,FAMILY,PAYMENT,PAYMENT,PAYMENT
HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,IND,DAYS,OP,OP,OP,PROC,SURG,SURG,SURG,SURG,BASE,FACTOR,PROCEDURES,FLAG,INDICATOR,AMOUNT,AMOUNT,AMOUNT
99202,,Office visit new patient level 2,A,,0.93,1.12,,0.41,,0.08,2.13,1.42,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
99203,,Office visit new patient level 3,A,,1.60,1.54,,0.67,,0.16,3.30,2.43,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
99204,,Office visit new patient level 4,A,,2.60,2.08,,1.08,,0.25,4.93,3.93,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
99205,,Office visit new patient level 5,A,,3.50,2.60,,1.45,,0.32,6.42,5.27,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
99211,,Office visit established patient minimal,A,,0.18,0.48,,0.07,,0.01,0.67,0.26,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
99212,,Office visit established patient level 2,A,,0.70,0.90,,0.29,,0.05,1.65,1.04,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
99213,,Office visit established patient level 3,A,,1.30,1.26,,0.53,,0.10,2.66,1.93,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
99214,,Office visit established patient level 4,A,,1.92,1.66,,0.79,,0.14,3.72,2.85,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
99215,,Office visit established patient level 5,A,,2.80,2.17,,1.15,,0.21,5.18,4.16,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
99417,,Prolonged office visit each 15 minutes,A,,0.61,0.35,,0.25,,0.04,1.00,0.90,0,ZZZ,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
G2211,,Visit complexity add-on,A,,0.33,0.16,,0.14,,0.02,0.51,0.49,0,ZZZ,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
G2212,,Prolonged office visit Medicare each 15 minutes,A,,0.61,0.35,,0.25,,0.04,1.00,0.90,0,ZZZ,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
G0439,,Annual wellness visit subsequent,A,,1.92,1.50,,0.80,,0.13,3.55,2.85,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
93000,,Electrocardiogram complete,A,,0.17,0.24,,0.24,,0.02,0.43,0.43,4,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
93005,,Electrocardiogram tracing only,A,,0.00,0.24,,0.24,,0.01,0.25,0.25,3,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
93010,,Electrocardiogram interpretation only,A,,0.17,0.07,,0.07,,0.01,0.25,0.25,2,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
93306,,Echocardiogram complete with Doppler,A,,1.46,4.00,,4.00,,0.09,5.55,5.55,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
93306,26,Echocardiogram complete with Doppler professional,A,,1.46,0.55,,0.55,,0.07,2.08,2.08,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
93306,TC,Echocardiogram complete with Doppler technical,A,,0.00,3.45,,3.45,,0.02,3.47,3.47,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
36415,,Venous blood collection,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
20610,,Injection or aspiration major joint,A,,0.79,0.80,,0.40,,0.09,1.68,1.28,0,000,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
11720,,Debridement of nails one to five,A,,0.32,0.60,,0.10,,0.02,0.94,0.44,0,000,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
11042,,Debridement subcutaneous tissue first 20 sq cm,A,,1.01,2.20,,0.50,,0.15,3.36,1.66,0,000,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
17110,,Destruction of benign lesions up to 14,A,,0.70,1.80,,0.50,,0.06,2.56,1.26,0,010,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
69210,,Removal of impacted cerumen with instruments,A,,0.61,0.70,,0.25,,0.05,1.36,0.91,0,000,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
96372,,Therapeutic injection subcutaneous or intramuscular,A,,0.17,0.30,,0.30,,0.01,0.48,0.48,5,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
90471,,Immunization administration one vaccine,A,,0.17,0.40,,0.40,,0.01,0.58,0.58,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
90686,,Influenza vaccine quadrivalent preservative free,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
81002,,Urinalysis non-automated without microscopy,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
83036,,Hemoglobin A1c,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
80061,,Lipid panel,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
J1030,,Methylprednisolone acetate 40 mg injection,E,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
J3301,,Triamcinolone acetonide 10 mg injection,E,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
G0008,,Administration of influenza vaccine,A,,0.17,0.40,,0.40,,0.01,0.58,0.58,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
93015,,Cardiovascular stress test with supervision interpretation and report,A,,0.75,1.40,,1.40,,0.04,2.19,2.19,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
93350,,Stress echocardiogram,A,,1.46,4.20,,4.20,,0.08,5.74,5.74,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
93245,,External ECG recording 8 to 15 days with scanning analysis and report,A,,0.59,8.00,,8.00,,0.04,8.63,8.63,4,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
93288,,Interrogation of single dual or multiple lead pacemaker in person,A,,0.43,0.80,,0.80,,0.03,1.26,1.26,4,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
71046,,Chest X-ray two views,A,,0.22,0.70,,0.70,,0.02,0.94,0.94,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
73562,,Knee X-ray three views,A,,0.18,0.80,,0.80,,0.02,1.00,1.00,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
81003,,Urinalysis automated without microscopy,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
87880,,Rapid streptococcus antigen detection,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
84443,,Thyroid stimulating hormone,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
80048,,Basic metabolic panel,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
83880,,Natriuretic peptide,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
85025,,Complete blood count automated with differential,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
80053,,Comprehensive metabolic panel,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
97110,,Therapeutic exercise each 15 minutes,A,,0.45,0.50,,0.20,,0.02,0.97,0.67,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,33.4009,09,0,99,0.00,0.00,0.00
""";

    public const string PtpFileName = "ncci_ptp_practitioner_starter.txt";

    public const string Ptp = """
CodeLedger starter practitioner PTP edits, written for the demo in CMS's column layout (not CMS data)
Column 1	Column 2	*=in existence prior to 1996	Effective Date	Deletion Date *=no data	Modifier 0=not allowed 1=allowed 9=not applicable	PTP Edit Rationale
20610	99211	*	20100101	*	1	Standards of medical/surgical practice
20610	99212	*	20100101	*	1	Standards of medical/surgical practice
20610	99213	*	20100101	*	1	Standards of medical/surgical practice
20610	99214	*	20100101	*	1	Standards of medical/surgical practice
20610	99215	*	20100101	*	1	Standards of medical/surgical practice
11720	99212		20100101	*	1	Standards of medical/surgical practice
11720	99213		20100101	*	1	Standards of medical/surgical practice
11720	99214		20100101	*	1	Standards of medical/surgical practice
17110	99212		20100101	*	1	Standards of medical/surgical practice
17110	99213		20100101	*	1	Standards of medical/surgical practice
17110	99214		20100101	*	1	Standards of medical/surgical practice
69210	99212		20160101	*	1	Standards of medical/surgical practice
69210	99213		20160101	*	1	Standards of medical/surgical practice
69210	99214		20160101	*	1	Standards of medical/surgical practice
11042	11720		20120101	*	1	Standards of medical/surgical practice
93000	93005	*	19960101	*	0	Misuse of column two code with column one code
93000	93010	*	19960101	*	0	Misuse of column two code with column one code
96372	99211		20100101	*	0	CPT Manual or CMS manual coding instruction
93306	93000		20200101	20200101	9	Standards of medical/surgical practice
93306	93010		20150101	20231231	1	Standards of medical/surgical practice
90471	96372		20100101	*	1	CPT Manual or CMS manual coding instruction
93350	93015		20100101	*	0	Misuse of column two code with column one code
93350	93306		20100101	*	1	Standards of medical/surgical practice
80053	80048		20100101	*	0	Laboratory panel
""";

    public const string MueFileName = "mue_practitioner_starter.csv";

    public const string Mue = """
CodeLedger starter practitioner MUEs written for the demo (not CMS data)
HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale
99202,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
99203,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
99204,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
99205,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
99211,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
99212,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
99214,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
99215,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
G0439,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
11720,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
17110,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
93306,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
90686,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
99213,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
20610,2,3 Date of Service Edit: Clinical,Clinical: Data
36415,2,3 Date of Service Edit: Clinical,CMS Policy
93000,3,3 Date of Service Edit: Clinical,Clinical: Data
J1030,8,3 Date of Service Edit: Clinical,Clinical: Data
96372,4,1 Line Edit,Clinical: Data
69210,1,2 Date of Service Edit: Policy,Anatomic Consideration
11042,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
99417,4,3 Date of Service Edit: Clinical,Clinical: Data
93015,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
93350,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
93245,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
71046,2,3 Date of Service Edit: Clinical,Clinical: Data
85025,2,3 Date of Service Edit: Clinical,Clinical: Data
80053,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction
97110,6,3 Date of Service Edit: Clinical,Clinical: Data
""";
}
