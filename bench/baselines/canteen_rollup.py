#!/usr/bin/env python3
"""The pandas baseline of the canteen roll-up benchmark (scenario canteen-rollup).

Reads the purchase lines (date,item,amount in fen) with read_csv before the clock starts, then times
what houqin's rollUpPurchases(lines, "day-item") computes: the sum and count of each (day, item), in
order of day then item, the month totals from them, and the grand total. It also times the same
groupby after turning date and item into categoricals (outside the clock), the strongest plain pandas
form of it. Prints one JSON line.

Usage: python3 canteen_rollup.py purchases.csv --runs 7
Needs pandas (apt-get install -y python3-pandas, or python3 -m pip install pandas). Without it it prints
{"error": "missing", "missing": ["pandas"], "python": ...} and exits with status 3, as check_e2e.py does.
"""

import argparse
import json
import resource
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    try:
        import pandas as pd
    except ImportError:
        print(json.dumps({"error": "missing", "missing": ["pandas"], "python": sys.executable}))
        return 3

    df = pd.read_csv(args.csv, dtype={"date": str, "item": str, "amount": "int64"})

    def roll_up(frame, **groupby_options):
        groups = frame.groupby(["date", "item"], sort=True, **groupby_options)["amount"].agg(["sum", "count"])
        dates = groups.index.get_level_values("date").astype(str)
        months = groups.groupby(dates.str[:7], sort=True).sum()
        total = int(groups["sum"].sum())
        return groups, months, total

    def timed(frame, **groupby_options):
        roll_up(frame, **groupby_options)  # warm-up
        times = []
        result = None
        for _ in range(max(1, args.runs)):
            start = time.perf_counter()
            result = roll_up(frame, **groupby_options)
            times.append((time.perf_counter() - start) * 1000)
        ordered = sorted(times)
        mid = len(ordered) // 2
        median = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
        return median, ordered[0], times, result

    median, best, times, (groups, months, total) = timed(df)
    categorical = df.astype({"date": "category", "item": "category"})
    cat_median, cat_best, cat_times, _ = timed(categorical, observed=True)

    print(
        json.dumps(
            {
                "name": f"pandas {pd.__version__} groupby",
                "pandas": pd.__version__,
                "python": sys.version.split()[0],
                "lines": int(len(df)),
                "groups": int(len(groups)),
                "months": int(len(months)),
                "total": total,
                "runs": args.runs,
                "medianMs": round(median, 3),
                "bestMs": round(best, 3),
                "timesMs": [round(t, 3) for t in times],
                "categorical": {"medianMs": round(cat_median, 3), "bestMs": round(cat_best, 3)},
                "peakRssMb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
