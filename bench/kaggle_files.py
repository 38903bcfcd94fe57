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
