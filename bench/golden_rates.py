#!/usr/bin/env python3
"""Goldens for conversion_analysis, industry_trends and agent_performance on the Kaggle data, computed
with the standard library only, independently of the engine (tests/integration/rates_golden_test.cpp).

Usage: python3 bench/golden_rates.py ../shared/data/maven-crm
"""
import csv
import math
import statistics
import sys
from collections import defaultdict
from datetime import date

FIXES = {"GTXPro": "GTX Pro", "technolgy": "technology"}  # the importer's typo fixes on this file


def read(folder, name):
    with open(f"{folder}/{name}", newline="") as f:
        return list(csv.DictReader(f))


def wilson(won, n, z=1.959963984540054):
    p = won / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def quarter(iso):
    d = date.fromisoformat(iso)
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def main(folder):
    deals = read(folder, "sales_pipeline.csv")
    sector_of = {a["account"]: FIXES.get(a["sector"], a["sector"]) for a in read(folder, "accounts.csv")}
    team = {t["sales_agent"]: (t["manager"], t["regional_office"]) for t in read(folder, "sales_teams.csv")}
    for d in deals:
        d["product"] = FIXES.get(d["product"], d["product"])

    closed = [d for d in deals if d["deal_stage"] in ("Won", "Lost")]
    won = [d for d in closed if d["deal_stage"] == "Won"]
    print("conversion_analysis")
    print(f"  win_rate {len(won)}/{len(closed)} = {len(won) / len(closed):.6f} interval "
          f"{wilson(len(won), len(closed))[0]:.6f}..{wilson(len(won), len(closed))[1]:.6f}")
    engaged = sum(1 for d in deals if d["deal_stage"] != "Prospecting")
    print(f"  funnel {len(deals)} {engaged} {len(won)}")
    by_product = defaultdict(lambda: [0, 0])
    for d in closed:
        by_product[d["product"]][d["deal_stage"] == "Lost"] += 1
    for product, (w, l) in sorted(by_product.items(), key=lambda kv: -kv[1][0] / sum(kv[1])):
        low, high = wilson(w, w + l)
        print(f"  {product}: {w}/{w + l} = {w / (w + l):.6f} [{low:.6f}, {high:.6f}]")
    by_quarter = defaultdict(lambda: [0, 0])
    for d in closed:
        by_quarter[quarter(d["close_date"])][d["deal_stage"] == "Lost"] += 1
    for q, (w, l) in sorted(by_quarter.items()):
        print(f"  {q}: {w}/{w + l} = {w / (w + l):.6f}")

    print("industry_trends")
    revenue = defaultdict(float)
    for d in won:
        revenue[(sector_of.get(d["account"], ""), quarter(d["close_date"]))] += float(d["close_value"])
    print(f"  deals_without_sector {sum(1 for d in deals if not d['account'])}")
    for sector in sorted({s for s, _ in revenue}):
        q3, q4 = revenue[(sector, "2017-Q3")], revenue[(sector, "2017-Q4")]
        print(f"  {sector}: Q3 {q3:.0f} Q4 {q4:.0f} growth {(q4 - q3) / q3:.6f}")
    total = {q: sum(v for (s, qq), v in revenue.items() if qq == q) for q in ("2017-Q3", "2017-Q4")}
    print(f"  total: Q3 {total['2017-Q3']:.0f} Q4 {total['2017-Q4']:.0f} "
          f"growth {(total['2017-Q4'] - total['2017-Q3']) / total['2017-Q3']:.6f}")

    print("agent_performance")
    agents = defaultdict(lambda: {"won": 0, "lost": 0, "revenue": 0.0, "cycle": []})
    for d in closed:
        a = agents[d["sales_agent"]]
        if d["deal_stage"] == "Won":
            a["won"] += 1
            a["revenue"] += float(d["close_value"])
            a["cycle"].append((date.fromisoformat(d["close_date"]) - date.fromisoformat(d["engage_date"])).days)
        else:
            a["lost"] += 1
    print(f"  agents with deals {len({d['sales_agent'] for d in deals})}")
    for name, a in sorted(agents.items(), key=lambda kv: -kv[1]["revenue"])[:3]:
        print(f"  {name}: revenue {a['revenue']:.0f} won {a['won']} lost {a['lost']} "
              f"median cycle {statistics.median(a['cycle'])}")
    managers = defaultdict(lambda: [0.0, 0, 0, []])
    for name, a in agents.items():
        m = managers[team[name][0]]
        m[0] += a["revenue"]
        m[1] += a["won"]
        m[2] += a["lost"]
        m[3] += a["cycle"]
    for name, (rev, w, l, cycle) in sorted(managers.items(), key=lambda kv: -kv[1][0]):
        print(f"  {name}: revenue {rev:.0f} won {w} lost {l} median cycle {statistics.median(cycle)}")
    rates = sorted(((a["won"] / (a["won"] + a["lost"]), n) for n, a in agents.items()))
    print(f"  lowest {rates[0]} highest {rates[-1]}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/maven-crm")
