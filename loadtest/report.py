"""Print the load run's figures per kind of request from locust's CSV, and exit 1 on any error.

    python loadtest/report.py RUN_DIR

Reads RUN_DIR/stats_stats.csv (locust --csv RUN_DIR/stats) and RUN_DIR/refused.json (the moves the
app refused because a colleague made them first: counted, not errors) and RUN_DIR/ramp_up.json (the
logins and any failure before the figures were reset, once every browser had started). Standard
library only, so it runs with either venv.
"""

import csv
import json
import os
import sys
from pathlib import Path


def _rows(run_dir: Path) -> list[dict]:
    with open(run_dir / "stats_stats.csv", newline="") as f:
        return list(csv.DictReader(f))


def _line(name, requests, rps, errors, p50, p95, p_max) -> str:
    return f"{name:<46} {requests:>8} {rps:>8} {errors:>7} {p50:>8} {p95:>8} {p_max:>8}"


def main(run_dir: Path) -> int:
    rows = _rows(run_dir)
    kinds = sorted((r for r in rows if r["Name"] != "Aggregated" and int(r["Request Count"])),
                   key=lambda r: r["Name"])  # kinds with no request since the reset (logins, pairing) left out
    total = next(r for r in rows if r["Name"] == "Aggregated")
    print(_line("kind of request", "requests", "req/s", "errors", "p50 ms", "p95 ms", "max ms"))
    print("-" * 92)
    for r in kinds + [total]:
        if r is total:
            print("-" * 92)
        name = "TOTAL" if r is total else f"{r['Type']} {r['Name']}"
        print(_line(name[:46], r["Request Count"], f"{float(r['Requests/s']):.2f}", r["Failure Count"],
                    r["50%"], r["95%"], f"{float(r['Max Response Time']):.0f}"))
    check_in = next((r for r in kinds if r["Name"] == "check-in (POST)"), None)
    per_hour = float(check_in["Requests/s"]) * 3600 if check_in else 0
    bpkad = float(os.environ.get("LOAD_ARRIVALS_PER_HOUR") or 2000)
    offices = int(os.environ.get("LOAD_OFFICES") or 0)
    per_office = float(os.environ.get("LOAD_OFFICE_ARRIVALS_PER_HOUR") or 20)
    others = f" + {offices} other offices x {per_office:.0f} (their real peak)" if offices else ""
    print(f"\ncheck-ins: {check_in['Request Count'] if check_in else 0} at {per_hour:.0f} an hour "
          f"(target {bpkad + offices * per_office:.0f}: BPKAD {bpkad:.0f} = 100 x the real peak of 20 an hour"
          f"{others})")
    ramp = json.loads((run_dir / "ramp_up.json").read_text())
    logins = sorted(ramp["logins_ms"])
    print(f"measured for {ramp['measured_seconds']:.0f} s, from the moment all {ramp['started']} browsers "
          f"had started; their {len(logins)} logins before that: p95 "
          f"{logins[int(0.95 * (len(logins) - 1))] if logins else 0:.0f} ms")
    refused_file = run_dir / "refused.json"
    refused = json.loads(refused_file.read_text()) if refused_file.exists() else {}
    print(f"moves refused because a colleague was first (told clearly, not errors): {sum(refused.values())}")
    for message, times in refused.items():
        print(f"  {times:>4} x {message}")
    errors = int(total["Failure Count"]) + sum(ramp["failures"].values())
    for error, times in ramp["failures"].items():
        print(f"  error while starting: {times} x {error}")
    failures_file = run_dir / "stats_failures.csv"
    if errors and failures_file.exists():
        print("\nerrors:")
        with open(failures_file, newline="") as f:
            for r in csv.DictReader(f):
                print(f"  {r['Occurrences']:>4} x {r['Method']} {r['Name']}: {r['Error']}")
    print(f"\nTOTAL {float(total['Requests/s']):.1f} requests/s, {errors} errors, p95 {total['95%']} ms")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
