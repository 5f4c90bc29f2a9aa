#!/usr/bin/env bash
# Posta.Mime parse throughput (BenchmarkDotNet) next to Python's email package on the same
# workloads, in one run; prints MB/s for each and the ratio. Usage: bench/mime-compare.sh
set -euo pipefail
cd "$(dirname "$0")"
project=Posta.Benchmarks
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$project" -c Release -nologo -v quiet >/dev/null
exe="$project/bin/Release/net10.0/Posta.Benchmarks"

(cd "$project" && dotnet run -c Release --no-build -- --filter '*MimeParse*' --exporters csv --artifacts "$work/bdn" >"$work/bdn.log")
csv=$(ls "$work"/bdn/results/*MimeParse*-report.csv)

printf '%-8s %-24s %12s %12s %8s\n' workload mode "Posta MB/s" "Python MB/s" ratio
for workload in corpus mbox; do
  "$exe" export "$workload" "$work/$workload"
  bytes=$(cat "$work/$workload"/*.eml | wc -c)
  python3 mime-python.py "$work/$workload" >"$work/py-$workload.txt"
  for mode in structure full; do
    label=$([ "$mode" = structure ] && echo "structure" || echo "full (headers decoded)")
    # BenchmarkDotNet's CSV: the Mean column, e.g. "12.34 ms".
    mean=$(python3 - "$csv" "$label" "$workload" <<'PY'
import csv, sys
path, label, workload = sys.argv[1:]
rows = list(csv.DictReader(open(path)))
for r in rows:
    if r["Method"].strip("'") == label and r["Workload"] == workload:
        value, unit = r["Mean"].replace(",", "").split()
        scale = {"ns": 1e-9, "us": 1e-6, "μs": 1e-6, "ms": 1e-3, "s": 1.0}[unit]
        print(float(value) * scale)
PY
)
    posta=$(python3 -c "print(f'{$bytes / $mean / 1e6:.1f}')")
    py_seconds=$(awk -v m="$mode" '$1 == m { print $3 }' "$work/py-$workload.txt")
    python=$(python3 -c "print(f'{$bytes / $py_seconds / 1e6:.1f}')")
    ratio=$(python3 -c "print(f'{$py_seconds / $mean:.0f}x')")
    printf '%-8s %-24s %12s %12s %8s\n' "$workload" "$mode" "$posta" "$python" "$ratio"
  done
done
grep -E '^\| ' "$work/bdn.log" | sed -n '1,12p'
