#!/usr/bin/env bash
# Whole-process latency of the commands people wait for, from the published CLI (docs/PERFORMANCE.md,
# "Targets"). Publishes the Release CLI (ReadyToRun, as the README's
# publish command does), imports the real data from ../shared/data into a fresh SQLite database
# (ICD-10-CM FY2024-FY2026 with the April updates, the 2024Q2 NCCI PTP quarter and MUEs, the CY2025
# RVU file standing in for 2024 as in the scrub benchmark), generates the X12 files with the X12
# benchmark's generator (bench/CodeLedger.X12.Throughput --keep) and the claims CSVs, then runs each command N times and prints the
# median and best wall time, the median CPU time (user + sys) and the peak RSS against every
# target with its verdict: met (median wall time), met in CPU time only, or not met.
#
#   bench/latency/latency.sh [--runs N] [--work DIR] [--cli PATH/codeledger] [--scrub-lines 1000000,5000000]
#
# Wall time on a shared machine follows the load; CPU time is the steadier figure. Needs GNU time.
set -euo pipefail

runs=7
work=${TMPDIR:-/tmp}/codeledger-latency
cli=
scrub_sizes=(1000000 5000000)
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    --scrub-lines) IFS=, read -ra scrub_sizes <<< "$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--work DIR] [--cli PATH] [--scrub-lines N[,N...]]" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/../.." && pwd)
data=$repo/../shared/data
[[ -d $data ]] || { echo "latency: $data not found (the shared data sits beside the repository)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "latency: GNU time (/usr/bin/time) is needed for CPU time and peak RSS" >&2; exit 2; }
mkdir -p "$work"

if [[ -z $cli ]]; then
  echo "publishing the Release CLI to $work/cli ..." >&2
  dotnet publish "$repo/src/CodeLedger.Cli" -c Release -o "$work/cli" >/dev/null
  cli=$work/cli/codeledger
fi

db=$work/latency.db
if [[ ! -f $work/latency.imported-format2 ]]; then
  echo "importing the releases into $db ..." >&2
  rm -f "$db" "$db-wal" "$db-shm" "$db.phikey"
  import() { "$cli" codesets import --db "$db" --kind "$1" --file "$data/$2" --effective "$3" "${@:4}" >/dev/null; }
  import icd10cm icd10cm/cms_2024_dx.zip 2023-10-01
  import icd10cm icd10cm/icd10cm_april_2024_update.zip 2024-04-01
  import icd10cm icd10cm/cms_2025_dx.zip 2024-10-01
  import icd10cm icd10cm/icd10cm_april_2025_update.zip 2025-04-01
  import icd10cm icd10cm/cms_2026_dx.zip 2025-10-01
  import ncci-ptp ncci/ncci_ptp_practitioner_2024Q2_v301r0_NO-EFFDATE.tsv.gz 2024-04-01
  import mue ncci/MCR_MUE_PractitionerServices_Eff_04-01-2024_RECONSTRUCTED.csv.gz 2024-04-01
  import rvu pfs-rvu/PPRRVU2025_Oct.csv.gz 2024-01-01 --through 2024-12-31
  touch "$work/latency.imported-format2"
fi

small835=$work/codeledger-bench-835-1000.x12
large835=$work/codeledger-bench-835-53000000.x12
x12gen() {
  dotnet run -c Release --project "$repo/bench/CodeLedger.X12.Throughput" -- --size "$1" --kind 835 --dir "$work" --keep --runs 1 >/dev/null
}
[[ -f $small835 ]] || x12gen 1KB
[[ -f $large835 ]] || x12gen 53MB

ten=$work/claims-10.csv
header=claim_id,dos,pos,rendering_npi,patient_birth_date,patient_sex,dx1,dx2,dx3,dx4,dx5,dx6,dx7,dx8,dx9,dx10,dx11,dx12,code,modifiers,units,charge,pointers
cat > "$ten" <<EOF
$header
A1,2024-05-06,11,1234567893,1958-02-11,F,I10,E78.5,,,,,,,,,,,99214,25,1,150.00,1:2
A1,2024-05-06,11,1234567893,1958-02-11,F,I10,E78.5,,,,,,,,,,,80061,,1,30.00,2
A1,2024-05-06,11,1234567893,1958-02-11,F,I10,E78.5,,,,,,,,,,,36415,,1,10.00,2
B1,2024-05-07,11,1234567893,1958-02-11,F,M17.11,,,,,,,,,,,,20610,RT,1,120.00,1
B1,2024-05-07,11,1234567893,1958-02-11,F,M17.11,,,,,,,,,,,,99213,,1,90.00,1
C1,2024-05-08,11,1234567893,1960-01-01,M,E11.9,,,,,,,,,,,,99213,,1,90.00,1
C1,2024-05-08,11,1234567893,1960-01-01,M,E11.9,,,,,,,,,,,,83036,,1,20.00,1
D1,2024-06-03,11,1234567893,1970-03-03,F,J06.9,,,,,,,,,,,,99212,,1,60.00,1
D1,2024-06-03,11,1234567893,1970-03-03,F,J06.9,,,,,,,,,,,,87880,,1,15.00,1
E1,2024-06-04,11,1234567893,1980-04-04,M,Z00.00,,,,,,,,,,,,99396,,1,200.00,1
EOF

# A deterministic batch of claims of 1-4 lines over April-June 2024: office visits with and without
# 25, common office procedures, labs and injections (some real PTP pairs), a few wrong units.
for lines in "${scrub_sizes[@]}"; do
big=$work/claims-$lines.csv
if [[ ! -f $big ]]; then
  echo "writing $big ..." >&2
  awk -v lines="$lines" -v header="$header" 'BEGIN {
    srand(20240401); print header
    split("99212 99213 99213 99214 99214 99215 99203 99204", em, " ")
    split("36415 85025 80053 80061 83036 81002 93000 71046 20610 11720 17110 96372 90471 90686 97110 97140 11042 69210 87880 93306", common, " ")
    split("I10 E78.5 E11.9 J06.9 M17.11 R07.9 Z00.00 E66.9 M54.50 K21.9 F41.1 N39.0 J45.909 R51.9 E03.9", dx, " ")
    made = 0; id = 0
    while (made < lines) {
      n = 1 + int(rand() * 4); if (made + n > lines) n = lines - made
      d = sprintf("2024-%02d-%02d", 4 + int(rand() * 3), 1 + int(rand() * 28))
      d1 = dx[1 + int(rand() * 15)]; d2 = dx[1 + int(rand() * 15)]
      for (l = 0; l < n; l++) {
        code = (l == 0 && rand() < 0.7) ? em[1 + int(rand() * 8)] : common[1 + int(rand() * 20)]
        mod = (l == 0 && n > 1 && rand() < 0.95 && code ~ /^992/) ? "25" : (rand() < 0.04 ? "59" : "")
        units = rand() < 0.01 ? 2 + int(rand() * 6) : 1
        printf "C%d,%s,11,1234567893,1958-02-11,F,%s,%s,,,,,,,,,,,%s,%s,%d,%d.00,%d\n", id, d, d1, d2, code, mod, units, 20 + int(rand() * 200), 1 + (l % 2)
      }
      made += n; id++
    }
  }' > "$big"
fi
done

printf '%-44s %5s %10s %10s %10s %10s %9s  %s\n' command runs "wall med" "wall best" "cpu med" "peak RSS" target verdict
# measure NAME TARGET_SECONDS [RSS_TARGET_MB] -- COMMAND...
measure() {
  local name=$1 target=$2 rss_target=-; shift 2
  if [[ $1 != -- ]]; then rss_target=$1; shift; fi
  shift
  local times=() t
  for ((i = 0; i < runs; i++)); do
    # Exit status 1 is a scrub that found errors: measured like any other run.
    /usr/bin/time -o "$work/time.txt" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || true
    times+=("$(tail -1 "$work/time.txt")")
  done
  local walls cpus rss
  walls=$(printf '%s\n' "${times[@]}" | awk '{ print $1 }' | sort -g)
  cpus=$(printf '%s\n' "${times[@]}" | awk '{ print $2 + $3 }' | sort -g)
  rss=$(printf '%s\n' "${times[@]}" | awk '$4 > m { m = $4 } END { print m }')
  awk -v name="$name" -v target="$target" -v rss_target="$rss_target" -v runs="$runs" -v rss="$rss" -v walls="$(echo $walls)" -v cpus="$(echo $cpus)" 'BEGIN {
    n = split(walls, w, " "); split(cpus, c, " "); med = w[int((n + 1) / 2)]; cmed = c[int((n + 1) / 2)]
    verdict = med < target ? "met" : (cmed < target ? "met in CPU time only" : "not met")
    if (rss_target != "-") verdict = verdict ", RSS " (rss / 1024 < rss_target ? "under" : "over") " " rss_target " MB"
    printf "%-44s %5d %9.3fs %9.3fs %9.3fs %8.0fMB %8ss  %s\n", name, runs, med, w[1], cmed, rss / 1024, target, verdict
  }'
}

measure "--help" 0.1 -- "$cli" --help
measure "codes check E11.9 --dos 2025-05-01" 0.3 -- "$cli" codes check E11.9 --dos 2025-05-01 --db "$db"
measure "codes check 99213 --dos 2024-05-01" 0.3 -- "$cli" codes check 99213 --dos 2024-05-01 --db "$db"
measure "claims scrub (10-line CSV)" 0.5 -- "$cli" claims scrub "$ten" --db "$db"
measure "claims scrub --json (10-line CSV)" 0.5 -- "$cli" claims scrub "$ten" --json --db "$db"
measure "x12 parse (3-claim 835)" 0.2 -- "$cli" x12 parse "$small835"
measure "x12 parse (53 MB 835)" 0.3 -- "$cli" x12 parse "$large835"
# At least 500,000 lines/s whole process, so the time target follows the size; under 300 MB at any size.
for lines in "${scrub_sizes[@]}"; do
  target=$(awk -v n="$lines" 'BEGIN { printf "%.2f", n / 500000 }')
  runs=$(( runs < 3 ? runs : 3 )) measure "claims scrub ($lines-line CSV)" "$target" 300 -- "$cli" claims scrub "$work/claims-$lines.csv" --db "$db"
done
