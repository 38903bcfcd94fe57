"""The models of `crm-assistant train` in the original project's stack (pandas + scikit-learn + xgboost),
for the speed comparison of bench/compare_models.sh.

Does the same work as `train` on the Kaggle layout: the same training rows (opportunity_win: every deal
open at each month end; lead_score: every closed deal the day before its engagement; account_risk: active
accounts at month ends with 90 days of known future), the same as-of features, the same three candidate
settings each 5-fold cross-validated (stratified, grouped by deal or account), isotonic calibration on
the out-of-fold predictions and a final fit. Prints one JSON line: seconds to build the features, to train
and cross-validate, and the cross-validated AUC of each model.

    python3 bench/python_models.py [DIR]
"""
import json
import time

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

from kaggle_files import kaggle_folder, read_kaggle

# The candidates of src/models/hyperparameter_search.cpp (DefaultSearchGrid).
SETTINGS = [
    dict(max_depth=2, learning_rate=0.1, n_estimators=80, min_child_weight=5, max_bin=64),
    dict(max_depth=3, learning_rate=0.1, n_estimators=100, min_child_weight=5, subsample=0.8, colsample_bytree=0.8,
         max_bin=64),
    dict(max_depth=5, learning_rate=0.1, n_estimators=60, min_child_weight=10, subsample=0.8, colsample_bytree=0.8,
         max_bin=64),
]
CATEGORICAL = ["product", "series", "sector", "office_location", "sales_agent", "manager", "regional_office"]


def month_ends(first, last):
    ends = pd.date_range(first, last, freq="M")
    return ends[ends <= last]


def history(examples, closed, key, prefix):
    """Won and closed deals of each example's `key` with close_date <= the example's day (merge_asof)."""
    c = closed[[key, "close_date", "won"]].sort_values("close_date").copy()
    c["n"] = 1
    c[prefix + "_closed"] = c.groupby(key)["n"].cumsum()
    c[prefix + "_won"] = c.groupby(key)["won"].cumsum()
    ex = examples.sort_values("day").reset_index()
    merged = pd.merge_asof(ex, c[[key, "close_date", prefix + "_closed", prefix + "_won"]], left_on="day",
                           right_on="close_date", by=key, direction="backward")
    merged = merged.set_index("index").sort_index()
    closed_n = merged[prefix + "_closed"].fillna(0)
    examples[prefix + "_closed_deals"] = closed_n.values
    examples[prefix + "_win_rate"] = (merged[prefix + "_won"].fillna(0) / closed_n.replace(0, np.nan)).values


def agent_open(examples, deals):
    engaged = deals.dropna(subset=["engage_date"]).sort_values("engage_date").copy()
    engaged["n"] = 1
    engaged["engaged_so_far"] = engaged.groupby("sales_agent")["n"].cumsum()
    ex = examples.sort_values("day").reset_index()
    merged = pd.merge_asof(ex, engaged[["sales_agent", "engage_date", "engaged_so_far"]], left_on="day",
                           right_on="engage_date", by="sales_agent", direction="backward").set_index("index").sort_index()
    examples["agent_open_deals"] = merged["engaged_so_far"].fillna(0).values - examples["agent_closed_deals"].values


def deal_features(examples, deals, accounts, with_age):
    closed = deals[deals.deal_stage.isin(["Won", "Lost"])].copy()
    closed["won"] = (closed.deal_stage == "Won").astype(int)
    history(examples, closed, "sales_agent", "agent")
    history(examples, closed.dropna(subset=["account"]), "account", "account")
    history(examples, closed, "product", "product")
    agent_open(examples, deals)
    acc = accounts.set_index("account")
    examples["list_price"] = examples["sales_price"]
    examples["account_revenue"] = examples["account"].map(acc["revenue"])
    examples["account_employees"] = examples["account"].map(acc["employees"])
    examples["account_has_parent"] = examples["account"].map(acc["subsidiary_of"].notna().astype(float))
    examples["account_age_years"] = examples["day"].dt.year - examples["account"].map(acc["year_established"])
    examples["sector"] = examples["account"].map(acc["sector"])
    examples["office_location"] = examples["account"].map(acc["office_location"])
    if with_age:
        examples["deal_age_days"] = (examples["day"] - examples["engage_date"]).dt.days
        examples["engage_month"] = examples["engage_date"].dt.month
    columns = CATEGORICAL + ["list_price", "account_revenue", "account_employees", "account_has_parent",
                             "account_age_years", "agent_win_rate", "agent_closed_deals", "account_win_rate",
                             "account_closed_deals", "product_win_rate", "product_closed_deals", "agent_open_deals"]
    if with_age:
        columns += ["deal_age_days", "engage_month"]
    x = examples[columns].copy()
    for c in CATEGORICAL:
        x[c] = x[c].astype("category")
    return x, examples["won"].values, examples["opportunity_id"].values


def win_rows(deals, latest):
    closed = deals[deals.deal_stage.isin(["Won", "Lost"])]
    ends = month_ends(deals.engage_date.min(), latest)
    rows = []
    for t in ends:
        open_then = closed[(closed.engage_date <= t) & (closed.close_date > t)].copy()
        open_then["day"] = t
        rows.append(open_then)
    examples = pd.concat(rows, ignore_index=True)
    examples["won"] = (examples.deal_stage == "Won").astype(int)
    return examples


def lead_rows(deals):
    examples = deals[deals.deal_stage.isin(["Won", "Lost"])].copy()
    examples["day"] = examples.engage_date - pd.Timedelta(days=1)
    examples["won"] = (examples.deal_stage == "Won").astype(int)
    return examples.reset_index(drop=True)


def account_rows(deals, accounts, latest):
    closed = deals[deals.deal_stage.isin(["Won", "Lost"])].dropna(subset=["account"])
    won = closed[closed.deal_stage == "Won"]
    rows = []
    for t in month_ends(deals.engage_date.min(), latest - pd.Timedelta(days=90)):
        def won_between(lo, hi):
            w = won[(won.close_date > lo) & (won.close_date <= hi)]
            return w.groupby("account")["close_value"].agg(["count", "sum"])
        before = closed[closed.close_date <= t]
        active = set(before.account) & set(won[(won.close_date > t - pd.Timedelta(days=365)) & (won.close_date <= t)].account)
        if not active:
            continue
        now = won_between(t - pd.Timedelta(days=90), t)
        prev = won_between(t - pd.Timedelta(days=180), t - pd.Timedelta(days=90))
        nxt = won_between(t, t + pd.Timedelta(days=90))
        lost = closed[(closed.deal_stage == "Lost") & (closed.close_date > t - pd.Timedelta(days=90)) & (closed.close_date <= t)].groupby("account").size()
        rate = before.groupby("account")["deal_stage"].apply(lambda s: (s == "Won").mean())
        last_win = won[won.close_date <= t].groupby("account")["close_date"].max()
        last_engage = deals[deals.engage_date <= t].groupby("account")["engage_date"].max()
        open_deals = deals[(deals.engage_date <= t) & ~(deals.close_date <= t)]
        frame = pd.DataFrame(index=sorted(active))
        frame["won_90d"] = now["count"].reindex(frame.index).fillna(0)
        frame["won_revenue_90d"] = now["sum"].reindex(frame.index).fillna(0)
        frame["won_prev_90d"] = prev["count"].reindex(frame.index).fillna(0)
        frame["won_revenue_prev_90d"] = prev["sum"].reindex(frame.index).fillna(0)
        frame["lost_90d"] = lost.reindex(frame.index).fillna(0)
        frame["win_rate"] = rate.reindex(frame.index)
        frame["days_since_win"] = (t - last_win.reindex(frame.index)).dt.days
        frame["days_since_engage"] = (t - last_engage.reindex(frame.index)).dt.days
        frame["open_deals"] = open_deals.groupby("account").size().reindex(frame.index).fillna(0)
        frame["open_list_value"] = open_deals.groupby("account")["sales_price"].sum().reindex(frame.index).fillna(0)
        frame["open_mean_age"] = (t - open_deals.groupby("account")["engage_date"].mean()).dt.days.reindex(frame.index)
        future = nxt["sum"].reindex(frame.index).fillna(0)
        frame["label"] = ((future == 0) | (future < 0.5 * frame["won_revenue_90d"])).astype(int)
        frame["day"] = t
        rows.append(frame)
    examples = pd.concat(rows).rename_axis("account").reset_index()
    acc = accounts.set_index("account")
    for c in ["revenue", "employees", "sector", "office_location"]:
        examples[c] = examples["account"].map(acc[c])
    examples["has_parent"] = examples["account"].map(acc["subsidiary_of"].notna().astype(float))
    examples["years"] = examples["day"].dt.year - examples["account"].map(acc["year_established"])
    x = examples.drop(columns=["account", "label", "day"])
    for c in ["sector", "office_location"]:
        x[c] = x[c].astype("category")
    return x, examples["label"].values, examples["account"].values


def train(x, y, groups):
    """Settings search by 5-fold grouped cross-validation, isotonic calibration, final fit; the CV AUC."""
    best = None
    for settings in SETTINGS:
        oof = np.zeros(len(y))
        for train_idx, test_idx in StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=17).split(x, y, groups):
            model = xgb.XGBClassifier(tree_method="hist", enable_categorical=True, n_jobs=2, **settings)
            model.fit(x.iloc[train_idx], y[train_idx])
            oof[test_idx] = model.predict_proba(x.iloc[test_idx])[:, 1]
        loss = log_loss(y, oof)
        if best is None or loss < best[0]:
            best = (loss, settings, oof)
    IsotonicRegression(out_of_bounds="clip").fit(best[2], y)
    xgb.XGBClassifier(tree_method="hist", enable_categorical=True, n_jobs=2, **best[1]).fit(x, y)
    return roc_auc_score(y, best[2])


def main():
    folder = kaggle_folder()
    deals, accounts = read_kaggle(folder)
    latest = max(deals.close_date.max(), deals.engage_date.max())
    start = time.perf_counter()
    cpu_start = time.process_time()
    sets = {
        "opportunity_win": deal_features(win_rows(deals, latest), deals, accounts, True),
        "lead_score": deal_features(lead_rows(deals), deals, accounts, False),
        "account_risk": account_rows(deals, accounts, latest),
    }
    features_s = time.perf_counter() - start
    aucs = {name: train(*parts) for name, parts in sets.items()}
    total_s = time.perf_counter() - start
    cpu_s = time.process_time() - cpu_start
    print(json.dumps({"engine": "pandas+sklearn+xgboost", "features_s": round(features_s, 3),
                      "train_cv_s": round(total_s - features_s, 3), "total_s": round(total_s, 3),
                      "cpu_s": round(cpu_s, 3),
                      "rows": {name: int(len(parts[1])) for name, parts in sets.items()},
                      "auc": {name: round(float(a), 4) for name, a in aucs.items()}}))


if __name__ == "__main__":
    main()
