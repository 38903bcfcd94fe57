#!/usr/bin/python3
"""Prints the analytics comparison table and the targets from the JSON lines of compare_analytics.sh.

Usage: /usr/bin/python3 bench/report_analytics.py RESULTS.jsonl
"""
import json
import sys

lines = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
times = {}
for line in lines:
    times.setdefault(line["query"], {})[line["engine"]] = line["ms"]
engines = ["crm-assistant", "pandas", "duckdb"]
print(f"{'query':32} " + " ".join(f"{engine:>14}" for engine in engines) + "   vs DuckDB")
for query, by_engine in times.items():
    cells = " ".join(f"{by_engine[e]:>11.3f} ms" if e in by_engine else f"{'':>14}" for e in engines)
    ratio = ""
    if "duckdb" in by_engine and "crm-assistant" in by_engine:
        ratio = f"{by_engine['duckdb'] / max(by_engine['crm-assistant'], 1e-6):8.1f}x"
    print(f"{query:32} {cells} {ratio}")
five = times.get("five_queries", {})
ok = True
if "duckdb" in five and "crm-assistant" in five:
    ratio = five["duckdb"] / five["crm-assistant"]
    passed = ratio >= 10
    ok &= passed
    print(f"\ntarget five queries >= 10x faster than DuckDB: {ratio:.1f}x {'PASS' if passed else 'MISS'}")
for prefix, label in (("insight:", "warm"), ("cold:", "cold, first query on a fresh engine")):
    slowest = max(((ms["crm-assistant"], q) for q, ms in times.items() if q.startswith(prefix)), default=None)
    if slowest:
        passed = slowest[0] <= 20
        ok &= passed
        print(f"target every insight type <= 20 ms ({label}): slowest {slowest[1]} {slowest[0]:.1f} ms "
              f"{'PASS' if passed else 'MISS'}")
sys.exit(0 if ok else 1)
