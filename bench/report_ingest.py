#!/usr/bin/python3
"""Prints the data-layer comparison table and the PASS/MISS verdict of each target.

Usage: report_ingest.py RESULTS.jsonl OPPORTUNITIES
RESULTS.jsonl holds the JSON lines of bench_ingest (csv, save, load), pandas_ingest.py and
duckdb_ingest.mjs, as written by compare_ingest.sh.
"""
import json
import sys

TARGET_OPPORTUNITIES = 1_000_000
CSV_SPEEDUP_OVER_DUCKDB = 5.0
CSV_PEAK_MB = 200.0
SAVE_SECONDS = 3.0
LOAD_SECONDS = 0.5


def print_table(results, opportunities):
    """The seconds, CPU seconds and peak memory of every benchmark, and the ratios to ours."""
    csv = results["csv"]
    print(f"\nData layer, {opportunities:,} opportunities ({csv['rows']:,} rows in all tables), "
          f"best of {csv['runs']} run(s) each")
    lines = [
        ("ours: CSV -> dataset (ImportFolder)", csv),
        ("ours: dataset -> SQLite (ReplaceAll)", results["save"]),
        ("ours: SQLite -> dataset (Load)", results["load"]),
        (f"pandas {results['pandas']['pandas']}: read + clean + join", results["pandas"]),
        (f"DuckDB {results['duckdb']['duckdb']}: read + clean + join", results["duckdb"]),
    ]
    print(f"{'phase':<42} {'seconds':>8} {'CPU s':>8} {'peak MB':>8}")
    for label, entry in lines:
        print(f"{label:<42} {entry['seconds']:>8.3f} {entry['cpu_seconds']:>8.3f} "
              f"{entry['peak_rss_mb']:>8.1f}")
    print(f"(the save process peaked at {results['save']['setup_peak_rss_mb']:.1f} MB "
          "during its untimed import)")
    if len({entry["rows"] for _, entry in lines}) > 1:
        print("WARNING: the benchmarks kept different row counts, so they did not do the same work")
    print()
    for name, other in (("DuckDB", results["duckdb"]), ("pandas", results["pandas"])):
        print(f"{name} / ours: {other['seconds'] / csv['seconds']:.2f}x time, "
              f"{other['cpu_seconds'] / csv['cpu_seconds']:.2f}x CPU time, "
              f"{other['peak_rss_mb'] / csv['peak_rss_mb']:.2f}x peak memory")


def print_targets(results, opportunities):
    """PASS or MISS for each target."""
    csv, save, load = results["csv"], results["save"], results["load"]
    speedup = results["duckdb"]["seconds"] / csv["seconds"]
    print("\nTargets" + ("" if opportunities == TARGET_OPPORTUNITIES
                          else f" (set for {TARGET_OPPORTUNITIES:,} opportunities)") + ":")
    checks = [
        (f"CSV import >= {CSV_SPEEDUP_OVER_DUCKDB:g}x faster than DuckDB", f"{speedup:.2f}x",
         speedup >= CSV_SPEEDUP_OVER_DUCKDB),
        (f"CSV import peak <= {CSV_PEAK_MB:g} MB", f"{csv['peak_rss_mb']:.1f} MB",
         csv["peak_rss_mb"] <= CSV_PEAK_MB),
        (f"SQLite save <= {SAVE_SECONDS:g} s", f"{save['seconds']:.3f} s", save["seconds"] <= SAVE_SECONDS),
        (f"SQLite load <= {LOAD_SECONDS:g} s", f"{load['seconds']:.3f} s", load["seconds"] <= LOAD_SECONDS),
    ]
    for label, measured, ok in checks:
        print(f"  {'PASS' if ok else 'MISS'}  {label:<36} measured {measured}")


def main():
    path, opportunities = sys.argv[1], int(sys.argv[2])
    with open(path) as lines:
        results = {entry["phase"]: entry for entry in map(json.loads, filter(str.strip, lines))}
    print_table(results, opportunities)
    print_targets(results, opportunities)


if __name__ == "__main__":
    main()
