#!/usr/bin/python3
"""pandas side of the data-layer benchmark: read + clean + join of a crm-assistant CSV folder.

Usage: /usr/bin/python3 bench/pandas_ingest.py DIR [--runs N]

Does the work of crm::ingest::ImportFolder the pandas way: reads the CSV files, trims every text
field, fixes misspelled sectors and countries (edit distance to cleaning_vocabulary.json), resolves
product spelling variants ("GTXPro" -> "GTX Pro"), parses dates, drops the rows whose key (id or
name: the first column) repeats an earlier row's as the importer does, joins the pipeline with
sales_teams, products and accounts and adds each deal's activity count. Prints one JSON line:
seconds (wall clock, best of N runs), cpu_seconds (of that run), rows kept (all tables), peak_rss_mb
(whole process).
"""
import argparse
import json
import re
import resource
import time
from pathlib import Path

import pandas as pd

VOCABULARY = json.loads((Path(__file__).parent / "cleaning_vocabulary.json").read_text())


def edit_distance(a, b):
    """Levenshtein distance between two short strings."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def typo_fixes(values, words):
    """Maps each distinct value that is not a word to its unique nearest word within max_distance."""
    fixes = {}
    for value in values.dropna().unique():
        if value in words:
            continue
        distances = sorted((edit_distance(value, word), word) for word in words)
        best = distances[0]
        unique = len(distances) == 1 or distances[1][0] > best[0]
        if best[0] <= VOCABULARY["max_distance"] and unique:
            fixes[value] = best[1]
    return fixes


def match_key(name):
    """Spelling-insensitive key: lower-case letters and digits only."""
    return re.sub("[^a-z0-9]", "", name.lower())


def read_clean(path, text, dates=()):
    """Reads one CSV file with `text` (and `dates`) as strings, trims them, parses the dates and keeps
    the first row of each key (the first column); pandas infers the other columns' numbers."""
    frame = pd.read_csv(path, dtype={column: str for column in (*text, *dates)})
    for column in (*text, *dates):
        frame[column] = frame[column].str.strip()
    for column in dates:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    return frame.drop_duplicates(subset=frame.columns[0], ignore_index=True)


def ingest(folder):
    """Read + clean + join; returns the joined deals and the other tables kept."""
    teams = read_clean(folder / "sales_teams.csv", ("sales_agent", "manager", "regional_office"))
    products = read_clean(folder / "products.csv", ("product", "series"))
    accounts = read_clean(folder / "accounts.csv", ("account", "sector", "office_location", "subsidiary_of"))
    for column in ("sector", "office_location"):
        accounts[column] = accounts[column].replace(typo_fixes(accounts[column], VOCABULARY[column]))
    pipeline = read_clean(folder / "sales_pipeline.csv",
                          ("opportunity_id", "sales_agent", "product", "account", "deal_stage"),
                          dates=("engage_date", "close_date"))
    catalogue = {match_key(name): name for name in products["product"]}
    names = {raw: catalogue.get(match_key(raw)) for raw in pipeline["product"].dropna().unique()}
    pipeline["product"] = pipeline["product"].map(names)

    deals = (pipeline.merge(teams, on="sales_agent", how="left")
             .merge(products, on="product", how="left")
             .merge(accounts, on="account", how="left"))
    tables = [teams, products, accounts]
    activities_path = folder / "activities.csv"
    if activities_path.exists():
        activities = read_clean(activities_path, ("activity_id", "activity_type", "sales_agent", "account",
                                "opportunity_id", "subject"), dates=("activity_date",))
        counts = activities.groupby("opportunity_id").size().rename("activity_count")
        deals = deals.merge(counts, left_on="opportunity_id", right_index=True, how="left")
        deals["activity_count"] = deals["activity_count"].fillna(0).astype("int64")
        tables.append(activities)
    return tables + [deals]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--runs", type=int, default=3, help="runs in this process; the fastest counts")
    args = parser.parse_args()
    best, rows = None, 0
    for _ in range(args.runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        tables = ingest(args.folder)
        run = (time.perf_counter() - start, time.process_time() - start_cpu)
        rows = sum(len(table) for table in tables)
        best = run if best is None else min(best, run)
        del tables
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"phase": "pandas", "seconds": round(best[0], 3), "cpu_seconds": round(best[1], 3),
                      "rows": rows, "runs": args.runs, "pandas": pd.__version__,
                      "peak_rss_mb": round(peak_mb, 1)}))


if __name__ == "__main__":
    main()
