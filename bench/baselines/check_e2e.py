"""Baseline (b) of scenario check-e2e: what a school's IT teacher would write with pandas + openpyxl.

Reads the finance workbook that bench/generate/financeWorkbook.mjs wrote (one read, with openpyxl, in
full mode since the copy is written back), builds pandas frames of the tables, and does the same two
checks houqin's finance module does on it:

- fee check (收费标准 against 收费明细): a charge whose item is not in the schedule (unapproved-fee), or
  whose amount exceeds the item's standard (over-standard);
- cash-balance check (现金日记账): each written balance must be the previous balance + income − expense
  (cash-balance-mismatch); like houqin, it goes on from the written balance, so one error is one finding.

Then writes an annotated copy with openpyxl: a red fill on each offending cell and a 检查结果 sheet
listing the findings. Prints one JSON line: the findings by rule, the time of each phase, the peak RSS
and the versions. The benchmark times the whole process.

Usage: python3 check_e2e.py IN.xlsx OUT.xlsx
Without pandas or openpyxl it prints {"error": "missing", "missing": [...]} and exits with status 3.
"""

import json
import resource
import sys
import time


def find_header(ws, names, scan=10):
    """The 1-based row among the first `scan` whose cells hold all `names`, and the header as a list."""
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=scan, values_only=True), start=1):
        header = ["" if v is None else str(v).strip() for v in row]
        if all(n in header for n in names):
            return r, header
    raise SystemExit(f"no header with {names} in sheet {ws.title}")


def main() -> int:
    if len(sys.argv) < 3:
        print("usage: check_e2e.py IN.xlsx OUT.xlsx", file=sys.stderr)
        return 2
    src, out = sys.argv[1], sys.argv[2]
    missing = []
    try:
        import pandas as pd
    except ImportError:
        missing.append("pandas")
    try:
        import openpyxl
        from openpyxl.styles import PatternFill
    except ImportError:
        missing.append("openpyxl")
    if missing:
        print(json.dumps({"error": "missing", "missing": missing, "python": sys.executable}))
        return 3

    phases = {}
    t0 = time.perf_counter()
    wb = openpyxl.load_workbook(src)
    t1 = time.perf_counter()
    phases["read"] = (t1 - t0) * 1000

    def frame(sheet, names):
        ws = wb[sheet]
        header_row, header = find_header(ws, names)
        rows = list(ws.iter_rows(min_row=header_row + 1, values_only=True))
        df = pd.DataFrame(rows, columns=header[: len(rows[0])] if rows else header)
        df.index = range(header_row + 1, header_row + 1 + len(df))  # worksheet row numbers
        return ws, header, df

    def fen(series):
        return (pd.to_numeric(series, errors="coerce") * 100).round().astype("Int64")

    findings = []  # (rule, sheet, row, column name, message)

    # --- Fees ---
    _, _, schedule = frame("收费标准", ["收费项目", "收费标准"])
    standards = dict(zip(schedule["收费项目"].astype(str).str.strip(), fen(schedule["收费标准"])))
    _, charges_header, charges = frame("收费明细", ["收费项目", "金额"])
    items = charges["收费项目"].astype(str).str.strip()
    amounts = fen(charges["金额"])
    standard = items.map(standards)
    unapproved = standard.isna() & charges["收费项目"].notna()
    over = standard.notna() & (amounts > standard.astype("Int64")).fillna(False)
    for r in charges.index[unapproved]:
        findings.append(("finance/unapproved-fee", "收费明细", r, "收费项目", f"收费项目“{items[r]}”不在收费标准中"))
    for r in charges.index[over]:
        findings.append(("finance/over-standard", "收费明细", r, "金额", f"“{items[r]}”收取 {amounts[r] / 100:.2f}，超过标准"))

    # --- Cash balances ---
    _, cash_header, cash = frame("现金日记账", ["摘要", "收入", "支出", "余额"])
    income = fen(cash["收入"]).fillna(0)
    expense = fen(cash["支出"]).fillna(0)
    balance = fen(cash["余额"])
    previous = balance.shift(1)
    expected = previous + income - expense
    mismatch = (balance.notna() & previous.notna() & (balance != expected)).fillna(False)
    for r in cash.index[mismatch]:
        findings.append(
            ("finance/cash-balance-mismatch", "现金日记账", r, "余额", f"余额与计算结果不符，应为 {expected[r] / 100:.2f}")
        )
    t2 = time.perf_counter()
    phases["check"] = (t2 - t1) * 1000

    # --- The annotated copy ---
    fill = PatternFill(fill_type="solid", fgColor="FFFFC7CE")
    columns = {"收费明细": charges_header, "现金日记账": cash_header}
    for rule, sheet, row, column, _ in findings:
        wb[sheet].cell(row=row, column=columns[sheet].index(column) + 1).fill = fill
    results = wb.create_sheet("检查结果")
    results.append(["规则", "工作表", "单元格", "说明"])
    for rule, sheet, row, column, message in findings:
        letter = openpyxl.utils.get_column_letter(columns[sheet].index(column) + 1)
        results.append([rule, sheet, f"{letter}{row}", message])
    wb.save(out)
    t3 = time.perf_counter()
    phases["write"] = (t3 - t2) * 1000

    usage = resource.getrusage(resource.RUSAGE_SELF)
    by_rule = {}
    for rule, *_ in findings:
        by_rule[rule] = by_rule.get(rule, 0) + 1
    print(
        json.dumps(
            {
                "findings": len(findings),
                "byRule": by_rule,
                "cells": sorted(
                    f"{sheet}!{openpyxl.utils.get_column_letter(columns[sheet].index(column) + 1)}{row}"
                    for _, sheet, row, column, _ in findings
                ),
                "phasesMs": phases,
                "peakRssMb": usage.ru_maxrss / 1024,
                "cpuMs": (usage.ru_utime + usage.ru_stime) * 1000,
                "python": sys.version.split()[0],
                "pandas": pd.__version__,
                "openpyxl": openpyxl.__version__,
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
