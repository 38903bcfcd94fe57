#!/usr/bin/python3
"""Independent golden figures of the forecast insight on the Kaggle "CRM Sales Opportunities" files.

Usage: /usr/bin/python3 bench/golden_forecast.py [DIR]   (default: ../shared/data/maven-crm)

Computes with pandas and numpy, from the raw CSV files, the figures that
tests/integration/forecast_golden_test.cpp asserts. The definitions followed are the documented ones,
not the engine's code:
- README.md "Analytics": the as-of snapshot (a deal closed later was still open, a deal engaged later
  did not exist, Prospecting deals count as they are), estimated open values (list price x the mean
  won/list ratio of the product's deals won by the as-of date, the list price alone when never won),
  learned from all deals whatever the filters;
- the `definitions` of the forecast's JSON output:
  * win curves learned at the as-of date from every engaged deal visible then (all deals, not the
    filtered ones): a won or lost deal is an event at its engage-to-close age in days, an open deal is
    censored at its age; at_risk(x) = deals whose age reached x; h_won(x) = wins at age x / at_risk(x);
    S(x) = prod over y <= x of (1 - closes at y / at_risk(y)), S(-1) = 1; P(won at an age in (a, b] |
    open at age a) = sum over x in (a, b] of S(x - 1) h_won(x) / S(a). The horizon is the last age with
    at least 20 deals at risk; past it each day has the pooled hazards wins (losses) / deal-days at risk
    past the horizon (a deal of age e > H spends e - H days there). A product with fewer than 20 wins
    uses the all-products curve;
  * from_engaging_deals: over the selected open engaged deals, estimated value x P(won in the month);
  * the history: revenue won by the selected deals in each of the 12 months through the as-of month;
  * new business k months ahead: mean over the last 6 complete months of the revenue won in a month by
    deals engaged in that month or the k - 1 before; the projection's month k uses step k. "Fewer when
    the data starts later" was loose: the months before the first won deal (of all deals visible at the
    as-of date) do not count, so the backtest as of 2017-06-30 averages March to June (no deal in the
    file closes before 2017-03-01) - the definition now says so;
  * backtest: the same method as of the day before the last complete quarter began, for that quarter,
    against the revenue won in it (from deals in the pipeline the day before / engaged later).
- "90-day win chance at age a" is P(won at an age in (a, a + 90] | open at age a); a new deal's chance
  "within 90 days of engagement" is P(won at an age <= 90), the same as at age 0 since no deal in the
  file closes on its engage day. The engine first counted ages 0 to 89 there (0.391697 against the
  chart's 0.397015 for the same curve); it was fixed to the definition.
It applies the importer's fix by hand (GTXPro -> GTX Pro; the sector and country fixes do not touch the
forecast). Prints one JSON document; the tests copy its numbers, never the engine's.
"""
import json

import numpy as np
import pandas as pd

from kaggle_files import as_of_view, estimated_values, kaggle_folder, read_kaggle

MIN_AT_RISK = 20
MIN_PRODUCT_WINS = 20
RUN_RATE_MONTHS = 6
WINDOW_DAYS = 90
HISTORY_MONTHS = 12
CHART_AGES = [0, 30, 60, 90, 120]


def snapshot(deals, as_of):
    """The deals as they stood at as_of, with age = days since engaged to the close or to as_of (NaN for
    prospects)."""
    deals = as_of_view(deals, as_of)
    deals["age"] = (deals.close.fillna(as_of) - deals.engage_date).dt.days
    return deals


class Curve:
    """Competing-risks win curve: cumulative win incidence F and survival S by age, pooled tail."""

    def __init__(self, engaged, max_age):
        ages = engaged.age.astype(int).to_numpy()
        won = (engaged.stage == "Won").to_numpy()
        lost = (engaged.stage == "Lost").to_numpy()
        top = ages.max()
        at_risk = np.cumsum(np.bincount(ages, minlength=top + 1)[::-1])[::-1]
        wins = np.bincount(ages[won], minlength=top + 1)
        losses = np.bincount(ages[lost], minlength=top + 1)
        self.counts = (int(won.sum()), int(lost.sum()), int((engaged.stage == "Engaging").sum()))
        self.horizon = int(np.nonzero(at_risk >= MIN_AT_RISK)[0].max()) if at_risk[0] >= MIN_AT_RISK else -1
        h = self.horizon
        past = ages > h
        deal_days = (ages[past] - h).sum()
        self.tail_won = won[past].sum() / deal_days if deal_days else 0.0
        self.tail_lost = lost[past].sum() / deal_days if deal_days else 0.0
        h_won = np.full(max_age + 1, self.tail_won)
        h_all = np.full(max_age + 1, self.tail_won + self.tail_lost)
        h_won[:h + 1] = wins[:h + 1] / at_risk[:h + 1]
        h_all[:h + 1] = (wins[:h + 1] + losses[:h + 1]) / at_risk[:h + 1]
        self.survival = np.cumprod(1 - h_all)                         # S(x)
        before = np.concatenate([[1.0], self.survival[:-1]])         # S(x - 1)
        self.incidence = np.cumsum(before * h_won)                   # F(x) = sum_{y<=x} S(y-1) h_won(y)

    def win_chance(self, age, start, end):
        """P(won at an age in (age + start, age + end] | open at age), vectorised over ages."""
        return (self.incidence[age + end] - self.incidence[age + start]) / self.survival[age]

    def tail_chance(self, days):
        """P(won within `days` for a deal past the horizon)."""
        q = 1 - self.tail_won - self.tail_lost
        return self.tail_won * sum(q ** k for k in range(days))


def month_start(day):
    return day.to_period("M").to_timestamp()


class Forecast:
    """The forecast of the selected deals at an as-of date (a month end in these goldens)."""

    def __init__(self, deals, selected, as_of):
        self.as_of = as_of
        snap = snapshot(deals, as_of)
        self.values = estimated_values(snap)
        self.first_won_month = snap[snap.stage == "Won"].close.min().to_period("M")
        engaged = snap[snap.engage_date.notna()]
        max_age = int(engaged.age.max()) + 400
        self.all_curve = Curve(engaged, max_age)
        self.curves = {}
        for product, group in engaged.groupby("product"):
            wins = (group.stage == "Won").sum()
            self.curves[product] = Curve(group, max_age) if wins >= MIN_PRODUCT_WINS else self.all_curve
        self.product_counts = {p: Curve(g, max_age).counts for p, g in engaged.groupby("product")}
        self.snap = snapshot(selected, as_of)
        self.open = self.snap[self.snap.stage == "Engaging"].copy()
        self.open["estimate"] = self.open["product"].map(self.values)

    def from_open(self, first_day, last_day):
        """Sum over open engaged deals of estimated value x P(won between first_day and last_day)."""
        start, end = (first_day - self.as_of).days - 1, (last_day - self.as_of).days
        total = 0.0
        per_product = {}
        for product, group in self.open.groupby("product"):
            p = self.curves[product].win_chance(group.age.astype(int).to_numpy(), start, end)
            per_product[product] = float((group.estimate.to_numpy() * p).sum())
            total += per_product[product]
        return total, per_product

    def run_rate(self, k):
        """Mean over the last 6 complete months of revenue won in-month by deals engaged in it or k-1 before."""
        won = self.snap[self.snap.stage == "Won"]
        close_month = won.close.dt.to_period("M")
        lag = (close_month - won.engage_date.dt.to_period("M")).map(lambda d: d.n)
        last = self.as_of.to_period("M")
        months = [last - i for i in range(RUN_RATE_MONTHS) if last - i >= self.first_won_month]
        return sum(won.value[(close_month == m) & (lag < k)].sum() for m in months) / len(months)

    def projection(self):
        """Per next month k = 1..3 and the quarter: from open deals, new business, total."""
        rows = {}
        first = self.as_of + pd.Timedelta(days=1)
        for k in range(1, 4):
            begin = first + pd.DateOffset(months=k - 1)
            end = begin + pd.DateOffset(months=1) - pd.Timedelta(days=1)
            opened = self.from_open(begin, end)[0]
            new = self.run_rate(k)
            rows[str(begin.to_period("M"))] = {"from_engaging_deals": opened, "new_business": new,
                                              "total": opened + new}
        quarter_end = first + pd.DateOffset(months=3) - pd.Timedelta(days=1)
        opened, per_product = self.from_open(first, quarter_end)
        new = sum(r["new_business"] for r in rows.values())
        rows[str(first.to_period("Q")).replace("Q", "-Q")] = {
            "from_engaging_deals": opened, "new_business": new, "total": opened + new}
        return rows, per_product


def curve_points(curve):
    return {str(a): float(curve.win_chance(np.array([a]), 0, WINDOW_DAYS)[0]) for a in CHART_AGES}


def forecast_golden(deals, selected, as_of):
    """Every figure of one forecast: history, run rate, curves, projection, backtest."""
    f = Forecast(deals, selected, as_of)
    won = f.snap[f.snap.stage == "Won"]
    months = pd.period_range(end=as_of.to_period("M"), periods=HISTORY_MONTHS, freq="M")
    history = won.groupby(won.close.dt.to_period("M")).value.agg(["sum", "size"])
    history = history.reindex(months, fill_value=0)
    rows, per_product = f.projection()
    quarter_start = month_start(as_of) - pd.DateOffset(months=2)
    backtest_as_of = quarter_start - pd.Timedelta(days=1)
    b = Forecast(deals, selected, backtest_as_of)
    b_rows, _ = b.projection()
    b_quarter = list(b_rows.values())[-1]
    in_quarter = won[won.close >= quarter_start]
    old = in_quarter.engage_date <= backtest_as_of
    actual = in_quarter.value.sum()
    projected = b_quarter["total"]
    curves = {p: c for p, c in f.curves.items()}
    return {
        "as_of": str(as_of.date()),
        "monthly_won_revenue": {str(m): [float(r["sum"]), int(r["size"])] for m, r in history.iterrows()},
        "new_business_run_rate": {k: f.run_rate(k) for k in range(1, 5)},
        "engaging_deals": len(f.open),
        "engaging_value": float(f.open.estimate.sum()),
        "prospecting_deals": int((f.snap.stage == "Prospecting").sum()),
        "prospecting_value": float(f.snap[f.snap.stage == "Prospecting"]["product"].map(f.values).sum()),
        "tail_deals": int(sum((g.age > curves[p].horizon).sum() for p, g in f.open.groupby("product"))),
        "projection": rows,
        "expected_next_quarter_by_product": per_product,
        "next_quarter_win_share_of_engaging_value": list(rows.values())[-1]["from_engaging_deals"]
        / f.open.estimate.sum(),
        "horizon_days_all_products": f.all_curve.horizon,
        "win_chance_90_days_all_products": curve_points(f.all_curve),
        "win_curves": {p: {"basis": "product" if c is not f.all_curve else "all products",
                           "won_lost_open": f.product_counts[p], "horizon_days": c.horizon,
                           "new_deal_win_probability_90_days": curve_points(c)["0"],
                           "tail_win_probability_90_days": c.tail_chance(WINDOW_DAYS)}
                       for p, c in curves.items()},
        "backtest": {
            "quarter": str(quarter_start.to_period("Q")).replace("Q", "-Q"),
            "as_of": str(backtest_as_of.date()),
            "actual": float(actual),
            "won_from_open_deals": float(in_quarter.value[old].sum()),
            "won_new_business": float(in_quarter.value[~old].sum()),
            "projected": projected,
            "projected_from_open_deals": b_quarter["from_engaging_deals"],
            "projected_new_business": b_quarter["new_business"],
            "error_rate": (projected - actual) / actual,
        },
    }


def main():
    deals, _ = read_kaggle(kaggle_folder())
    latest = pd.concat([deals.engage_date, deals.close_date]).max()
    golden = {
        "forecast": forecast_golden(deals, deals, latest),
        "forecast_west": forecast_golden(deals, deals[deals.regional_office == "West"], latest),
        "forecast_2017_09_30": forecast_golden(deals, deals, pd.Timestamp("2017-09-30")),
    }
    print(json.dumps(golden, indent=1, default=float))


main()
