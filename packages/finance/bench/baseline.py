"""The pandas baseline of the bank-reconciliation benchmark.

Reads journal.csv and statement.csv (id,date,day,amount,reference) that generate.ts wrote and times the
usual pandas way of matching them: an exact merge on reference and amount, then merge_asof on the rest
by amount, nearest date within the window. It does less than reconcileBank: no split matches, and
merge_asof may give one statement line to several journal lines. Prints one JSON object.

Usage: python3 baseline.py DIR [--runs N] [--window DAYS]
Without pandas it prints {"error": "pandas-missing", ...} and exits with status 3.
"""

import json
import resource
import sys
import time


def main() -> int:
    args = sys.argv[1:]
    if not args:
        print("usage: baseline.py DIR [--runs N] [--window DAYS]", file=sys.stderr)
        return 2
    directory = args[0]
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 5
    window = int(args[args.index("--window") + 1]) if "--window" in args else 5
    try:
        import pandas as pd
    except ImportError:
        print(json.dumps({"error": "pandas-missing", "python": sys.executable}))
        return 3

    dtypes = {"id": "int64", "date": "string", "day": "int64", "amount": "int64", "reference": "string"}
    journal = pd.read_csv(f"{directory}/journal.csv", dtype=dtypes, keep_default_na=False)
    statement = pd.read_csv(f"{directory}/statement.csv", dtype=dtypes, keep_default_na=False)

    def reconcile():
        j = journal[["id", "day", "amount", "reference"]]
        s = statement[["id", "day", "amount", "reference"]]
        exact = j[j.reference != ""].merge(
            s[s.reference != ""], on=["reference", "amount"], suffixes=("_j", "_s")
        )
        exact = exact.drop_duplicates("id_j").drop_duplicates("id_s")
        rest_j = j[~j.id.isin(exact.id_j)].sort_values("day")
        rest_s = s[~s.id.isin(exact.id_s)].sort_values("day")
        near = pd.merge_asof(
            rest_j,
            rest_s[["id", "day", "amount"]],
            on="day",
            by="amount",
            tolerance=window,
            direction="nearest",
            suffixes=("_j", "_s"),
        )
        near = near[near.id_s.notna()]
        return len(exact), len(near)

    reconcile()  # warm-up, twice as for houqin
    reconcile()
    times = []
    exact_n = near_n = 0
    for _ in range(runs):
        start = time.perf_counter()
        exact_n, near_n = reconcile()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(
        json.dumps(
            {
                "journalLines": len(journal),
                "statementLines": len(statement),
                "runs": runs,
                "medianMs": times[len(times) // 2],
                "bestMs": times[0],
                "exactMatches": exact_n,
                "windowMatches": near_n,
                "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "pandas": pd.__version__,
                "python": sys.version.split()[0],
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
