"""The Kaggle "CRM Sales Opportunities" files as the golden scripts read them (pandas).

Applies by hand the three fixes the importer finds on its own (its tests check that it does):
GTXPro -> GTX Pro, technolgy -> technology, Philipines -> Philippines.
"""
import sys
from pathlib import Path

import pandas as pd


def kaggle_folder():
    """The folder given as the first argument, else ../shared/data/maven-crm next to the project."""
    return Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "../shared/data/maven-crm")


def read_kaggle(folder):
    """(deals joined with products and sales teams, accounts), names fixed, dates parsed."""
    deals = pd.read_csv(folder / "sales_pipeline.csv", parse_dates=["engage_date", "close_date"])
    products = pd.read_csv(folder / "products.csv")
    teams = pd.read_csv(folder / "sales_teams.csv")
    accounts = pd.read_csv(folder / "accounts.csv")
    deals["product"] = deals["product"].replace({"GTXPro": "GTX Pro"})
    accounts["sector"] = accounts["sector"].replace({"technolgy": "technology"})
    accounts["office_location"] = accounts["office_location"].replace({"Philipines": "Philippines"})
    deals = deals.merge(products, on="product", how="left").merge(teams, on="sales_agent", how="left")
    return deals, accounts


def as_of_view(deals, as_of):
    """The deals as they stood at as_of: later closes are still open (Engaging), later engagements do not
    exist; adds stage, close (date when closed by then) and value (close value when closed by then)."""
    deals = deals[deals.engage_date.isna() | (deals.engage_date <= as_of)].copy()
    closed_by = deals.close_date.notna() & (deals.close_date <= as_of)
    deals["stage"] = deals.deal_stage.where(closed_by, "Engaging").where(
        closed_by | deals.engage_date.notna(), "Prospecting")
    deals["close"] = deals.close_date.where(closed_by)
    deals["value"] = deals.close_value.where(closed_by)
    return deals


def estimated_values(view):
    """Per product: list price x mean won/list ratio over its deals won in `view` (all deals, not the
    filtered ones); the list price alone without a won deal."""
    won = view[view.stage == "Won"]
    ratio = (won.value / won.sales_price).groupby(won["product"]).mean()
    prices = view.groupby("product").sales_price.first()
    return (prices * ratio).fillna(prices)
