namespace CodeLedger.Demo;

/// <summary>
/// The clinical content of the demo: diagnoses each specialty sees, with relative frequencies and
/// the sentences a physician would write about them. Written for the demo (not CMS data); the
/// codes are the ones the demo's starter code set must know.
/// </summary>
internal static class DemoCatalog
{
    public sealed record Condition(string Icd, string Name, double Weight, string Assessment, string Plan, bool Chronic);

    public static readonly Condition[] FamilyMedicine =
    [
        new("I10", "essential hypertension", 14, "Blood pressure 138/86, at goal on current regimen.", "Continue lisinopril 20 mg daily; home BP log; recheck in 3 months.", true),
        new("E119", "type 2 diabetes mellitus without complications", 12, "A1c 7.1%, improved from 7.6%.", "Continue metformin 1000 mg twice daily; A1c in 3 months; annual eye exam referral.", true),
        new("E785", "hyperlipidemia", 9, "LDL 128 on diet alone.", "Start atorvastatin 20 mg daily; lipid panel and liver enzymes in 8 weeks.", true),
        new("J069", "acute upper respiratory infection", 9, "Afebrile, clear lungs, mild pharyngeal erythema.", "Supportive care, fluids, acetaminophen as needed; return if fever persists beyond 3 days.", false),
        new("J029", "acute pharyngitis", 5, "Rapid strep negative, tonsils without exudate.", "Salt-water gargles, ibuprofen as needed.", false),
        new("M5450", "low back pain", 7, "Paraspinal tenderness, negative straight-leg raise, no red flags.", "Naproxen 500 mg twice daily for 10 days; home exercise program; physical therapy if not improved.", false),
        new("F411", "generalized anxiety disorder", 5, "GAD-7 score 12, sleep disturbed.", "Start sertraline 50 mg daily; counseling referral; follow up in 4 weeks.", true),
        new("K219", "gastro-esophageal reflux disease without esophagitis", 5, "Heartburn after meals, no dysphagia or weight loss.", "Omeprazole 20 mg daily for 8 weeks; dietary changes discussed.", true),
        new("N390", "urinary tract infection", 5, "Dysuria and frequency; urinalysis positive for nitrites.", "Nitrofurantoin 100 mg twice daily for 5 days; urine culture sent.", false),
        new("E669", "obesity", 4, "BMI 33.4.", "Nutrition counseling; activity goals set; recheck weight in 3 months.", true),
        new("J45909", "asthma, uncomplicated", 4, "Occasional wheeze, no nocturnal symptoms.", "Continue albuterol as needed; inhaler technique reviewed.", true),
        new("M25561", "pain in right knee", 3, "Medial joint line tenderness, no effusion.", "Ice, NSAID, knee X-ray ordered.", false),
        new("R051", "acute cough", 3, "Dry cough for 10 days, lungs clear.", "Honey and fluids; chest X-ray if persisting beyond 3 weeks.", false),
        new("Z23", "encounter for immunization", 3, "Due for seasonal influenza vaccine.", "Influenza vaccine administered today.", false),
        new("E039", "hypothyroidism", 3, "TSH 3.2 on levothyroxine 75 mcg.", "Continue levothyroxine; TSH in 6 months.", true),
    ];

    public static readonly Condition[] Cardiology =
    [
        new("I2510", "atherosclerotic heart disease of native coronary artery without angina", 16, "No angina since stent; stable exercise tolerance.", "Continue aspirin 81 mg and atorvastatin 80 mg; stress test next year.", true),
        new("I4891", "unspecified atrial fibrillation", 13, "Rate controlled, ventricular rate 72, CHA2DS2-VASc 3.", "Continue apixaban 5 mg twice daily and metoprolol; ECG reviewed.", true),
        new("I5022", "chronic systolic heart failure", 10, "NYHA class II, euvolemic, EF 35% on last echo.", "Continue sacubitril-valsartan, carvedilol and spironolactone; BMP in 2 weeks.", true),
        new("I10", "essential hypertension", 12, "Blood pressure 142/88, above goal.", "Increase amlodipine to 10 mg daily; home readings for 2 weeks.", true),
        new("E785", "hyperlipidemia", 9, "LDL 96 on statin, goal under 70.", "Add ezetimibe 10 mg daily; lipid panel in 6 weeks.", true),
        new("R079", "chest pain, unspecified", 8, "Atypical chest pain, normal ECG, troponin negative at urgent care.", "Exercise stress echocardiogram ordered; return precautions given.", false),
        new("I340", "nonrheumatic mitral valve insufficiency", 5, "Moderate mitral regurgitation on echo, asymptomatic.", "Repeat echocardiogram in 12 months.", true),
        new("R002", "palpitations", 7, "Intermittent palpitations, normal resting ECG.", "14-day ambulatory ECG monitor ordered; limit caffeine.", false),
        new("I493", "ventricular premature depolarization", 4, "Frequent PVCs on monitor, burden 6%.", "Metoprolol succinate 25 mg daily; repeat monitor in 3 months.", false),
        new("Z950", "presence of cardiac pacemaker", 4, "Device check: normal function, battery 8 years.", "Remote monitoring continues; device clinic in 6 months.", true),
        new("R0602", "shortness of breath", 5, "Dyspnea on exertion, BNP 180.", "Echocardiogram ordered; furosemide 20 mg as needed.", false),
    ];

    public static readonly string[] GivenNamesFemale = ["Maria", "Linda", "Patricia", "Aisha", "Mei", "Sofia", "Grace", "Olivia", "Fatima", "Emma", "Rosa", "Hannah", "Priya", "Chloe", "Ana"];

    public static readonly string[] GivenNamesMale = ["James", "Luis", "Robert", "Wei", "Omar", "David", "Samuel", "Daniel", "Carlos", "Michael", "Kenji", "Noah", "Ahmed", "Ethan", "Jose"];

    public static readonly string[] FamilyNames = ["Garcia", "Smith", "Nguyen", "Johnson", "Patel", "Williams", "Brown", "Kim", "Lopez", "Davis", "Martinez", "Chen", "Wilson", "Anderson", "Thomas", "Hernandez", "Moore", "Jackson", "Okafor", "Rossi"];
}
