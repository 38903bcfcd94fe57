#!/usr/bin/python3
"""pandas side of the analytics benchmark: the five group-by queries on a joined deals frame.

Usage: /usr/bin/python3 bench/pandas_analytics.py DIR [--runs N]

Reads the demo CSV files and joins the pipeline with accounts, products and sales teams once (not
timed: the engine's dataset has its joins resolved at load too), then times the five queries: won
revenue by sector, won revenue by agent, win rate by product, won revenue by month, count by stage.
Prints one JSON line per query and a last line "five_queries" with the sum (best of N runs each, ms).
"""
import argparse
import json
import time
from pathlib import Path

import pandas as pd


def load(folder):
    """The pipeline joined with its master tables, dates parsed, stages as categories."""
    deals = pd.read_csv(folder / "sales_pipeline.csv", parse_dates=["engage_date", "close_date"])
    accounts = pd.read_csv(folder / "accounts.csv")
    products = pd.read_csv(folder / "products.csv")
    teams = pd.read_csv(folder / "sales_teams.csv")
    deals["product"] = deals["product"].str.strip()
    deals = deals.merge(teams, on="sales_agent", how="left").merge(products, on="product", how="left")
    deals = deals.merge(accounts[["account", "sector"]], on="account", how="left")
    for column in ("deal_stage", "sector", "sales_agent", "product"):
        deals[column] = deals[column].astype("category")
    return deals


QUERIES = {
    "won_revenue_by_sector": lambda d: d[d.deal_stage == "Won"].groupby("sector", observed=True).close_value.sum(),
    "won_revenue_by_agent": lambda d: d[d.deal_stage == "Won"].groupby("sales_agent", observed=True).close_value.sum(),
    "win_rate_by_product": lambda d: (
        d[d.deal_stage.isin(["Won", "Lost"])].assign(won=lambda f: f.deal_stage == "Won")
        .groupby("product", observed=True).won.mean()),
    "won_revenue_by_month": lambda d: (
        d[d.deal_stage == "Won"].groupby(d.close_date.dt.to_period("M")).close_value.sum()),
    "count_by_stage": lambda d: d.groupby("deal_stage", observed=True).size(),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    deals = load(args.dir)
    total = 0.0
    for name, query in QUERIES.items():
        best = float("inf")
        for _ in range(args.runs):
            start = time.perf_counter()
            query(deals)
            best = min(best, (time.perf_counter() - start) * 1000)
        total += best
        print(json.dumps({"engine": "pandas", "query": name, "ms": round(best, 3), "rows": len(deals)}))
    print(json.dumps({"engine": "pandas", "query": "five_queries", "ms": round(total, 3), "rows": len(deals),
                      "pandas": pd.__version__}))


main()
