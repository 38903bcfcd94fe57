#!/usr/bin/python3
"""Independent golden figures of top_opportunities and at_risk_deals on the Kaggle CRM files.

Usage: /usr/bin/python3 bench/golden_deals.py [DIR]   (default: ../shared/data/maven-crm)

Computes with pandas, from the raw CSV files, the figures that tests/integration/deals_golden_test.cpp
asserts. It applies the importer's three fixes by hand (GTXPro -> GTX Pro, technolgy -> technology,
Philipines -> Philippines). Prints one JSON document; the tests copy its numbers, never the engine's.

Definitions used (README "Analytics" and each insight's `definitions`, not the C++ code):
- As-of date A (default 2017-12-31, the latest date): a deal engaged after A does not exist yet; a deal
  closed after A is still Engaging at A (no close value); Prospecting deals carry no dates and count as
  they are. Days open = A - engage date (Engaging deals only).
- Estimated value of an open deal = list price x mean(close value / list price) of the product's deals
  won by A (the list price when none). Win probability = (product wins + 10 x overall rate) / (product
  closed + 10) over deals closed by A. Expected value = estimated value x win probability.
- top_opportunities: open deals of the selection ranked by expected value, highest first; ties go to
  Engaging before Prospecting, then fewer days open, then the agent's higher win rate (won / closed by
  A over every deal), then the account's more past wins (won by A). An id is printed only when its rank
  is determined by those keys (None where two deals share every key). top_share = expected value of the
  N deals shown / expected value of all open deals selected.
- at_risk_deals, thresholds learned from every deal at A whatever the filters:
  past_cycle: Engaging and days open > P75 of engage-to-close days of the product's deals won by A
  (all products' P75 when the product has fewer than 20 wins);
  low_probability: win probability < P25 of the probabilities of every open deal and < overall rate;
  overloaded_agent: the agent's open deals > P75 + 1.5 IQR of the open-deal counts of the agents who have
  any deal at A. Quantiles interpolate linearly (pandas' default). A deal is at risk with >= 1 reason;
  value at risk = sum of estimated (and of expected) values of those deals; share = at-risk deals / open
  deals selected.
"""
import json

import pandas as pd

from kaggle_files import kaggle_folder, read_kaggle

raw, accounts = read_kaggle(kaggle_folder())
products = pd.read_csv(kaggle_folder() / "products.csv")
raw = raw.merge(accounts[["account", "sector"]], on="account", how="left")
LATEST = pd.Timestamp("2017-12-31")
MIN_WINS = 20


def snapshot(as_of):
    """The deals that exist at as_of with their stage, value, probability and age then."""
    deals = raw[raw.engage_date.isna() | (raw.engage_date <= as_of)].copy()
    closed_by = deals.close_date.notna() & (deals.close_date <= as_of)
    deals["stage"] = deals.deal_stage.where(closed_by | ~deals.deal_stage.isin(["Won", "Lost"]), "Engaging")
    won = deals[deals.stage == "Won"]
    closed = deals[deals.stage.isin(["Won", "Lost"])]
    overall = len(won) / len(closed)
    ratio = (won.close_value / won.sales_price).groupby(won["product"]).mean()
    list_price = products.set_index("product").sales_price
    value = (list_price * ratio).fillna(list_price)
    wins = won.groupby("product").size().reindex(list_price.index, fill_value=0)
    counts = closed.groupby("product").size().reindex(list_price.index, fill_value=0)
    rate = (wins + 10 * overall) / (counts + 10)
    deals["open"] = deals.stage.isin(["Prospecting", "Engaging"])
    deals["value"] = deals["product"].map(value).where(deals.open)
    deals["probability"] = deals["product"].map(rate).where(deals.open)
    deals["expected"] = deals.value * deals.probability
    deals["days_open"] = (as_of - deals.engage_date).dt.days.where(deals.open)
    agent_rate = (closed.stage == "Won").groupby(closed.sales_agent).mean()
    deals["agent_rate"] = deals.sales_agent.map(agent_rate)
    deals["account_wins"] = deals.account.map(won.groupby("account").size()).fillna(0)
    return deals, overall, won


def top_opportunities(deals, selected, n=10):
    """Open deals of the selection ranked by expected value with the documented tie-break."""
    open_deals = deals[selected & deals.open].copy()
    open_deals["stage_key"] = (open_deals.stage == "Prospecting").astype(int)
    keys = ["expected", "stage_key", "days_open", "agent_rate", "account_wins"]
    ranked = open_deals.sort_values(keys, ascending=[False, True, True, False, False], kind="stable")
    shown = ranked.head(n)
    shared = ranked.duplicated(keys, keep=False)
    total = open_deals.expected.sum()
    return {
        "open_deals": len(open_deals),
        "open_expected_value": total,
        "top_deals": len(shown),
        "top_expected_value": shown.expected.sum(),
        "top_share": shown.expected.sum() / total,
        "top_expected_values": list(shown.expected),
        "top_ids": [None if shared[i] else id_ for i, id_ in zip(shown.index, shown.opportunity_id)],
        "top_days_open": [None if pd.isna(d) else int(d) for d in shown.days_open],
    }


def risk_thresholds(deals, won):
    """Per-product P75 cycles, the low-probability cut-off and the agent load fence, from every deal."""
    cycle = (won.close_date - won.engage_date).dt.days
    all_p75 = cycle.quantile(0.75)
    per_product = cycle.groupby(won["product"]).quantile(0.75)
    wins = won.groupby("product").size()
    p75 = {p: (per_product[p] if wins.get(p, 0) >= MIN_WINS else all_p75) for p in products["product"]}
    open_deals = deals[deals.open]
    load = open_deals.groupby("sales_agent").size().reindex(deals.sales_agent.unique(), fill_value=0)
    q1, q3 = load.quantile(0.25), load.quantile(0.75)
    return {
        "cycle_p75_days_all_products": all_p75,
        "cycle_p75_days": p75,
        "won_deals_per_product": {p: int(wins.get(p, 0)) for p in products["product"]},
        "low_probability_cutoff": open_deals.probability.quantile(0.25),
        "agent_open_deals_threshold": q3 + 1.5 * (q3 - q1),
        "agent_open_deals": load,
    }


def at_risk(deals, overall, limits, selected, n=20, watch=()):
    """Reasons of the selected open deals, counts per reason, value at risk."""
    open_deals = deals[selected & deals.open].copy()
    cycle_limit = open_deals["product"].map(limits["cycle_p75_days"])
    open_deals["past_cycle"] = (open_deals.stage == "Engaging") & (open_deals.days_open > cycle_limit)
    open_deals["low_probability"] = ((open_deals.probability < limits["low_probability_cutoff"]) &
                                     (open_deals.probability < overall))
    agent_load = open_deals.sales_agent.map(limits["agent_open_deals"])
    open_deals["overloaded_agent"] = agent_load > limits["agent_open_deals_threshold"]
    reasons = ["past_cycle", "low_probability", "overloaded_agent"]
    open_deals["reasons"] = open_deals[reasons].sum(axis=1)
    risky = open_deals[open_deals.reasons > 0]
    result = {
        "open_deals": len(open_deals),
        "at_risk_deals": len(risky),
        "at_risk_estimated_value": risky.value.sum(),
        "at_risk_expected_value": risky.expected.sum(),
        "at_risk_share": len(risky) / len(open_deals),
        "table_rows": min(n, len(risky)),
    }
    result.update({"deals_" + r: int(open_deals[r].sum()) for r in reasons})
    result["deals_by_reason_count"] = {int(k): int(v) for k, v in risky.reasons.value_counts().sort_index().items()}
    by_id = open_deals.set_index("opportunity_id")
    result["deal_reasons"] = {
        i: ({r: int(by_id.at[i, r]) for r in reasons} | {"days_open": by_id.at[i, "days_open"]}
            if i in by_id.index else "not an open deal of the selection")
        for i in watch}
    return result


def everything(as_of, watch):
    """Every golden figure at one as-of date; `watch`: deals whose reasons are printed."""
    deals, overall, won = snapshot(as_of)
    every = pd.Series(True, index=deals.index)
    limits = risk_thresholds(deals, won)
    out = {
        "overall_win_rate": overall,
        "thresholds": {k: v for k, v in limits.items() if k != "agent_open_deals"},
        "agents_over_fence": {a: int(c) for a, c in limits["agent_open_deals"].items()
                              if c > limits["agent_open_deals_threshold"]},
        "top_opportunities": top_opportunities(deals, every),
        "top_opportunities_top5": top_opportunities(deals, every, 5),
        "top_opportunities_west": top_opportunities(deals, deals.regional_office == "West"),
        "top_opportunities_gtx_pro": top_opportunities(deals, deals["product"] == "GTX Pro"),
        "at_risk_deals": at_risk(deals, overall, limits, every, watch=watch),
        "at_risk_deals_top5": at_risk(deals, overall, limits, every, 5),
        "at_risk_deals_west": at_risk(deals, overall, limits, deals.regional_office == "West", watch=watch),
        "at_risk_deals_gtx_pro": at_risk(deals, overall, limits, deals["product"] == "GTX Pro", watch=watch),
    }
    return out


# Deals whose reasons the tests check, chosen at the edges of the rules. At 2017-12-31: WLDFQR7Z all three
# reasons; 125VIRMX GTK 500 (15 wins, so the all-products cycle); EP5QRHID 88 days against 87; JIEO87ZV
# 86 against 87; GWOOPZE8 probability exactly at the cut-off (not below); WV2YBM8V 92 against 91;
# EM1BA4EK 91 against 91 (none); LEJWV2Y5 Prospecting (no cycle test) of the overloaded agent.
# At 2017-06-30: VK9KN5PT 89 against 89; I6U62W0R 93 against 92.75; QK5BW61U (won in August) and
# QZ2E9TSL (lost in August) still Engaging then; NGTVHTFH and EP5QRHID engaged later (not there yet).
WATCH_LATEST = ["WLDFQR7Z", "125VIRMX", "EP5QRHID", "JIEO87ZV", "GWOOPZE8", "WV2YBM8V", "EM1BA4EK", "LEJWV2Y5"]
WATCH_JUNE = ["VK9KN5PT", "I6U62W0R", "QK5BW61U", "QZ2E9TSL", "NGTVHTFH", "EP5QRHID"]
golden = {"latest": everything(LATEST, WATCH_LATEST),
          "as_of_2017_06_30": everything(pd.Timestamp("2017-06-30"), WATCH_JUNE)}
print(json.dumps(golden, indent=1, default=float))
