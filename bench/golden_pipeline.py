#!/usr/bin/python3
"""Independent golden figures of pipeline_overview on the Kaggle "CRM Sales Opportunities" files.

Usage: /usr/bin/python3 bench/kaggle_goldens.py [DIR]   (default: ../shared/data/maven-crm)

Computes with pandas, from the raw CSV files and the documented definitions (README "Analytics"), the
figures that tests/integration/pipeline_golden_test.cpp asserts. It applies the importer's three fixes
by hand (GTXPro -> GTX Pro, technolgy -> technology, Philipines -> Philippines): the importer's own tests
check that it finds them. Prints one JSON document; the tests copy its numbers, never the engine's.
"""
import json

import pandas as pd

from kaggle_files import kaggle_folder, read_kaggle

deals, accounts = read_kaggle(kaggle_folder())
products = pd.read_csv(kaggle_folder() / "products.csv")
deals = deals.merge(accounts[["account", "sector", "office_location"]], on="account", how="left")
won = deals[deals.deal_stage == "Won"]
lost = deals[deals.deal_stage == "Lost"]
closed = deals[deals.deal_stage.isin(["Won", "Lost"])]
open_deals = deals[deals.deal_stage.isin(["Prospecting", "Engaging"])]


def estimates(frame_won, frame_closed):
    """Per product: estimated open value (list price x mean won/list ratio) and smoothed win rate."""
    overall = (frame_closed.deal_stage == "Won").mean()
    ratio = (frame_won.close_value / frame_won.sales_price).groupby(frame_won["product"]).mean()
    wins = frame_closed.groupby("product").deal_stage.apply(lambda s: (s == "Won").sum())
    counts = frame_closed.groupby("product").size()
    rate = (wins + 10 * overall) / (counts + 10)
    value = products.set_index("product").sales_price * ratio
    return value, rate


value, rate = estimates(won, closed)
open_value = open_deals["product"].map(value)
cycle = (won.close_date - won.engage_date).dt.days
golden = {
    "pipeline_overview": {
        "deals": len(deals),
        "won_deals": len(won),
        "lost_deals": len(lost),
        "open_deals": len(open_deals),
        "won_revenue": won.close_value.sum(),
        "win_rate": len(won) / len(closed),
        "average_won_deal": won.close_value.mean(),
        "sales_cycle_median_days": cycle.quantile(0.5),
        "sales_cycle_p75_days": cycle.quantile(0.75),
        "open_pipeline_value": open_value.sum(),
        "weighted_pipeline_value": (open_value * open_deals["product"].map(rate)).sum(),
        "estimated_value_gtk_500": value["GTK 500"],
    },
}
west = deals[deals.regional_office == "West"]
golden["pipeline_overview_west"] = {
    "deals": len(west),
    "won_revenue": west[west.deal_stage == "Won"].close_value.sum(),
}
# A period seen as it stood at its end: deals engaged later do not exist yet, deals closed later are
# still open (dated by their engage date); a deal belongs to the period by its close date when closed,
# else by its engage date.
as_of = pd.Timestamp("2017-09-30")
tech = deals[deals.sector == "technology"]
tech = tech[tech.engage_date.isna() | (tech.engage_date <= as_of)]
closed_by = tech.close_date.notna() & (tech.close_date <= as_of)
tech_day = tech.close_date.where(closed_by, tech.engage_date)
in_q3 = (tech_day >= "2017-07-01") & (tech_day <= as_of)
golden["pipeline_overview_technology_2017_q3"] = {
    "as_of": "2017-09-30",
    "deals": int(in_q3.sum()),
    "open_deals": int((in_q3 & ~closed_by).sum()),
    "won_revenue": tech[in_q3 & closed_by & (tech.deal_stage == "Won")].close_value.sum(),
}
print(json.dumps(golden, indent=1, default=float))
