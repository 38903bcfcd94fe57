#!/usr/bin/python3
"""Independent golden figures of account_health, at_risk_accounts and account_prioritization on the
Kaggle "CRM Sales Opportunities" files.

Usage: /usr/bin/python3 bench/golden_accounts.py [DIR]   (default: ../shared/data/maven-crm)

Computes with pandas, from the raw CSV files, the figures that
tests/integration/accounts_golden_test.cpp asserts. The definitions followed are the documented ones,
not the engine's code:
- docs/analytics/account_health.md: the six health components, the weights and their renormalisation,
  the bands, the mid-rank percentile, the buying rhythm, the overdue factor, the average quarterly won
  value, the at-risk rules, the loss-run threshold, whitespace and the potential score;
- README.md "Analytics": the as-of snapshot (a deal closed later was still open, a deal engaged later
  did not exist, Prospecting deals count as they are), estimated open values (list price x the mean
  won/list ratio of the product's deals won by the as-of date) learned from all deals;
- the `definitions` of the insights' JSON output.
Where those texts were loose, the documentation was made precise when the goldens were first compared
(the engine agreed on every account): "the last N days" are closes 0 to N - 1 days before the as-of
date; the average quarterly won value counts the days from the first deal day to the as-of date both
included; a median of an even count is the mean of the two middle values; the overdue factor is
rounded down to 0.01; accounts_with_whitespace counts the accounts with a positive whitespace value.
The data has no activities, so the activity component is absent everywhere.
It applies the importer's three fixes by hand (GTXPro -> GTX Pro, technolgy -> technology,
Philipines -> Philippines). Prints one JSON document; the tests copy its numbers, never the engine's.
"""
import json
import math

import pandas as pd

from kaggle_files import as_of_view, estimated_values, kaggle_folder, read_kaggle

WEIGHTS = {"recency": 25, "frequency": 15, "monetary": 15, "win_trend": 15, "pipeline_coverage": 15}
POTENTIAL_WEIGHTS = {"whitespace_score": 35, "pipeline_score": 25, "size_score": 20, "health_score": 20}
RECENT_DAYS, YEAR_DAYS, RHYTHM_DAYS = 180, 365, 730
MIN_TREND_DEALS, MIN_VERDICT_DEALS, MIN_SECTOR_PEERS = 5, 5, 3
QUARTER_DAYS = 365.25 / 4
Z95 = 1.959963984540054


def snapshot(deals, as_of):
    """The deals as they stood at as_of, with age = days since the close (NaN when open)."""
    deals = as_of_view(deals, as_of)
    deals["age"] = (as_of - deals.close).dt.days
    return deals


def percentile(values):
    """Mid-rank percentile of each value among all of them; 0 for 0, 100 for a positive one alone."""
    values = values.astype(float)
    n = len(values)

    def rank(v):
        if v == 0:
            return 0.0
        if n == 1:
            return 100.0
        below = (values < v).sum()
        equal = (values == v).sum()
        return 100 * (below + (equal - 1) / 2) / (n - 1)

    return values.map(rank)


def weighted_mean(parts, weights):
    """Weighted mean over the parts present (not NaN); an absent part's weight goes to the others."""
    present = {k: v for k, v in parts.items() if not pd.isna(v)}
    return sum(weights[k] * v for k, v in present.items()) / sum(weights[k] for k in present)


def wilson_high(won, n):
    """Upper end of the 95% Wilson interval of won / n."""
    p = won / n
    d = 1 + Z95 * Z95 / n
    c = (p + Z95 * Z95 / (2 * n)) / d
    h = Z95 * math.sqrt(p * (1 - p) / n + Z95 * Z95 / (4 * n * n)) / d
    return min(1.0, c + h)


def win_gaps(deals):
    """Per account: its sorted distinct win days in the 730 days before as-of and the gaps between them."""
    wins = deals[(deals.stage == "Won") & (deals.age < RHYTHM_DAYS)]
    days = wins.groupby("account").age.apply(lambda s: sorted(s.unique(), reverse=True))
    return days.map(lambda d: [int(a - b) for a, b in zip(d, d[1:])])


def overdue_factor(gaps, rhythm):
    """90th percentile (order statistic floor(0.9 (n-1))) of gap / own rhythm, rounded down to 0.01, >= 1.5."""
    ratios = sorted(g / rhythm[a] for a, account_gaps in gaps.items() if a in rhythm for g in account_gaps)
    if len(ratios) < 20:
        return 3.0, len(ratios)
    raw = ratios[math.floor(0.9 * (len(ratios) - 1))]
    return max(1.5, min(20.0, math.floor(raw * 100 + 1e-9) / 100)), len(ratios)


def health(selected, all_deals, as_of):
    """Per peer account: every health input and component, the score and band; the learned figures."""
    values = estimated_values(all_deals)
    deals = selected[selected.account.notna()].copy()
    deals["estimate"] = deals["product"].map(values).where(deals.stage.isin(["Engaging", "Prospecting"]))
    won, closed = deals[deals.stage == "Won"], deals[deals.stage.isin(["Won", "Lost"])]
    recent = closed[closed.age < RECENT_DAYS]
    earlier = closed[closed.age >= RECENT_DAYS]
    a = pd.DataFrame(index=sorted(deals.account.unique()))
    a["days_since_last_win"] = (as_of - won.groupby("account").close.max()).dt.days
    gaps = win_gaps(deals)
    own = gaps[gaps.map(len) >= 2].map(lambda g: float(pd.Series(g).median()))
    typical = float(own.median())
    k, n_gaps = overdue_factor(gaps, own)
    a["own_rhythm"] = own
    a["buying_rhythm_days"] = a.own_rhythm.fillna(typical)
    a["wins_last_365_days"] = won[won.age < YEAR_DAYS].groupby("account").size()
    a["won_value_last_365_days"] = won[won.age < YEAR_DAYS].groupby("account").value.sum()
    a["recent_won"] = recent[recent.stage == "Won"].groupby("account").size()
    a["recent_closed"] = recent.groupby("account").size()
    a["earlier_won"] = earlier[earlier.stage == "Won"].groupby("account").size()
    a["earlier_closed"] = earlier.groupby("account").size()
    a["closed"] = closed.groupby("account").size()
    a["won"] = won.groupby("account").size()
    a["won_value"] = won.groupby("account").value.sum()
    a["open_deals"] = deals.estimate.notna().groupby(deals.account).sum()
    a["open_value"] = deals.groupby("account").estimate.sum()
    first = pd.concat([deals.engage_date, deals.close]).groupby(pd.concat([deals.account] * 2)).min()
    a = a.fillna({c: 0 for c in a.columns if c not in ("days_since_last_win", "own_rhythm")})
    a["recent_win_rate"] = a.recent_won / a.recent_closed
    a["earlier_win_rate"] = a.earlier_won / a.earlier_closed
    a["average_quarterly_won"] = a.won_value / (((as_of - first).dt.days + 1) / QUARTER_DAYS).clip(lower=1)
    a["pipeline_coverage_ratio"] = (a.open_value / a.average_quarterly_won).where(a.won_value > 0)

    d, r = a.days_since_last_win, a.buying_rhythm_days
    a["recency"] = (100 * (k - d / r) / (k - 1)).clip(0, 100).where(d > r, 100.0).where(d.notna(), 0.0)
    a["frequency"] = percentile(a.wins_last_365_days)
    a["monetary"] = percentile(a.won_value_last_365_days)
    trend = (50 + 200 * (a.recent_win_rate - a.earlier_win_rate)).clip(0, 100)
    a["win_trend"] = trend.where((a.recent_closed >= MIN_TREND_DEALS) & (a.earlier_closed >= MIN_TREND_DEALS))
    coverage = 100 * a.pipeline_coverage_ratio.clip(upper=1)
    a["pipeline_coverage"] = coverage.where(a.won_value > 0, (a.open_value > 0) * 100.0)
    a["health_score"] = a.apply(lambda row: weighted_mean(row[list(WEIGHTS)], WEIGHTS), axis=1)
    a["band"] = a.health_score.map(lambda s: "Healthy" if s >= 70 else "Watch" if s >= 40 else "At risk")

    peer_rate = lambda frame: (frame.stage == "Won").sum() / len(frame)
    learned = {
        "peer_accounts": len(a),
        "deals_without_account": int(selected.account.isna().sum()),
        "typical_buying_rhythm_days": typical,
        "overdue_factor": k,
        "overdue_factor_gaps": n_gaps,
        "peer_win_rate": peer_rate(closed),
        "peer_recent_win_rate": peer_rate(recent),
        "peer_earlier_win_rate": peer_rate(earlier) if len(earlier) else None,
        "estimated_values": values.to_dict(),
    }
    return a, learned, deals


def at_risk(a, learned):
    """Per account with >= 5 closed deals: its reasons; the loss-run threshold."""
    p = learned["peer_win_rate"]
    threshold = next(n for n in range(2, 1000) if (1 - p) ** n <= 0.05)
    learned["loss_run_threshold"] = threshold
    k = learned["overdue_factor"]
    reasons = pd.DataFrame(index=a.index)
    reasons["overdue_win"] = a.own_rhythm.notna() & (a.days_since_last_win > k * a.own_rhythm)
    high = a.apply(lambda r: wilson_high(r.recent_won, r.recent_closed) if r.recent_closed else 1.0, axis=1)
    reasons["win_rate_drop"] = ((a.recent_closed >= MIN_TREND_DEALS) & (a.earlier_closed >= MIN_TREND_DEALS)
                                & (high < a.earlier_win_rate))
    reasons["pipeline_dried_up"] = (a.open_deals == 0) & (a.won > 0)
    reasons["loss_run"] = a.loss_run >= threshold
    return reasons[a.closed >= MIN_VERDICT_DEALS]


def loss_runs(deals):
    """Per account: losses closed after its last win day (all its losses if it never won)."""
    last_win = deals[deals.stage == "Won"].groupby("account").close.max()
    lost = deals[deals.stage == "Lost"]
    after = lost.close > lost.account.map(last_win).fillna(pd.Timestamp.min)
    return after.groupby(lost.account).sum()


def prioritization(a, deals, accounts, values):
    """Per peer account: whitespace products and value, the four parts and the potential score."""
    a = a.join(accounts[["sector", "revenue", "employees"]])
    products_won = deals[deals.stage == "Won"].groupby("account")["product"].apply(set)
    products_won = products_won.reindex(a.index).map(lambda s: s if isinstance(s, set) else set())
    whitespace, ws_value = {}, {}
    for account, sector in a.sector.items():
        others = [o for o in a.index[a.sector == sector] if o != account]
        if len(others) < MIN_SECTOR_PEERS:
            ws_value[account] = float("nan")
            continue
        rates = {}
        for product in sorted(set().union(*(products_won[o] for o in others)) - products_won[account]):
            adopters = sum(product in products_won[o] for o in others)
            rates[product] = {"peer_adoption_rate": adopters / len(others), "adopting_peers": adopters,
                              "sector_peers": len(others), "estimated_deal_value": values[product]}
        whitespace[account] = rates
        ws_value[account] = sum(r["peer_adoption_rate"] * values[p] for p, r in rates.items())
    a["whitespace_value"] = pd.Series(ws_value)
    with_ws = a.whitespace_value.dropna()
    a["whitespace_score"] = percentile(with_ws)
    a["pipeline_score"] = percentile(a.open_value)
    a["size_score"] = (percentile(a.revenue) + percentile(a.employees)) / 2
    a["potential_score"] = a.apply(lambda r: weighted_mean(r[list(POTENTIAL_WEIGHTS)], POTENTIAL_WEIGHTS),
                                   axis=1)
    return a, whitespace


def scenario(deals, accounts, as_of, deal_filter=None, shown=None):
    """Every figure of the three insights for one set of filters; `shown` are the account filters."""
    as_of = pd.Timestamp(as_of)
    everything = snapshot(deals, as_of)
    selected = everything if deal_filter is None else everything[deal_filter(everything)]
    a, learned, attributed = health(selected, everything, as_of)
    a["loss_run"] = loss_runs(attributed).reindex(a.index).fillna(0)
    reasons = at_risk(a, learned)
    a, whitespace = prioritization(a, attributed, accounts, pd.Series(learned["estimated_values"]))
    shown_index = a.index if shown is None else a.index[shown(a)]
    reasons = reasons[reasons.index.isin(shown_index)]
    if shown is not None:  # an account filter selects no deal that names no account
        learned["deals_without_account"] = 0
    return {"a": a.loc[shown_index], "learned": learned, "reasons": reasons, "whitespace": whitespace}


def account_figures(s, name):
    """The figures the tests check for one account."""
    row = s["a"].loc[name]
    out = {c: row[c] for c in [
        "days_since_last_win", "buying_rhythm_days", "wins_last_365_days", "won_value_last_365_days",
        "recent_win_rate", "recent_closed", "earlier_win_rate", "earlier_closed", "open_deals", "open_value",
        "average_quarterly_won", "pipeline_coverage_ratio", *WEIGHTS, "health_score", "band", "closed",
        "loss_run", "whitespace_value", *POTENTIAL_WEIGHTS, "potential_score"]}
    out["rhythm_basis"] = "own" if not pd.isna(row.own_rhythm) else "typical"
    if name in s["reasons"].index:
        flags = s["reasons"].loc[name]
        out["reasons"] = [r for r in flags.index if flags[r]]
    out["whitespace"] = s["whitespace"].get(name)
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in out.items()}


def summary(s, names):
    a, reasons = s["a"], s["reasons"]
    learned = {k: v for k, v in s["learned"].items() if k != "estimated_values"}
    return {
        "learned": learned,
        "accounts": len(a),
        "bands": a.band.value_counts().to_dict(),
        "median_health_score": a.health_score.median(),
        "accounts_assessed": len(reasons),
        "accounts_without_verdict": len(a) - len(reasons),
        "accounts_at_risk": int(reasons.any(axis=1).sum()),
        "accounts_per_reason": {r: int(reasons[r].sum()) for r in reasons.columns},
        "accounts_with_whitespace": int((a.whitespace_value > 0).sum()),
        "whitespace_value": a.whitespace_value.sum(),
        "account": {name: account_figures(s, name) for name in names},
    }


def main():
    deals, accounts = read_kaggle(kaggle_folder())
    accounts = accounts.set_index("account")
    west = lambda d: d.regional_office == "West"
    retail = lambda a: a.sector == "retail"
    golden = {
        # Lowest score (employment: 3 sector peers), fewest deals, most deals, a subsidiary, two overdue.
        "default": summary(scenario(deals, accounts, "2017-12-31"), [
            "Ontomedia", "Iselectrics", "Hottechi", "Treequote", "Kinnamplus", "Goodsilron"]),
        # Two dried-up pipelines (one with a half-day rhythm), an overdue one, a falling win rate, and
        # Zotware: one open West deal, no closed one, so no verdict.
        "regional_office_west": summary(scenario(deals, accounts, "2017-12-31", west), [
            "Doncon", "Sunnamplex", "Goodsilron", "Xx-holding", "Zotware"]),
        # An account filter: the same peers, so the same scores as "default".
        "sector_retail": summary(scenario(deals, accounts, "2017-12-31", shown=retail), ["Kinnamplus", "Fasehatice"]),
        # Every close within 180 days (no win_trend), a loss run, overdue accounts with half-day rhythms.
        "as_of_2017_06_30": summary(scenario(deals, accounts, "2017-06-30"), [
            "Rantouch", "Nam-zim", "Donquadtech", "Gekko & Co"]),
    }
    print(json.dumps(golden, indent=1, default=lambda v: v.item() if hasattr(v, "item") else str(v)))


if __name__ == "__main__":
    main()
