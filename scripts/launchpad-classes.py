#!/usr/bin/env python3
"""Launchpad patches by content class against their name suffix.

Reads the output of `patchgate check --profile launchpad --format json DIR` (a file named on the
command line, or standard input) and prints a Markdown table: rows are the content class (hot,
cold, or rejected when the file's verdict is rejected or invalid), columns the suffix N of
patch-MAJOR-MINOR-N.sql (N = 0 names a cold patch, N > 0 a hot one), then up to three patches
per cell with the reason, picked evenly through the series so that the same input gives the
same output. Files whose name upgrade.py would not pick up are counted apart.

    patchgate check --profile launchpad --format json patches | python3 scripts/launchpad-classes.py
"""
import json
import re
import sys

NAME = re.compile(r"patch-(\d{4})-(\d{2})-(\d)\.sql$")
ROWS = ["hot", "cold", "rejected"]
COLUMNS = ["N = 0", "N > 0"]


def content_class(file):
    if file["verdict"] in ("rejected", "invalid"):
        return "rejected"
    return file.get("launchpadClass")


def reason(file, row):
    """Why the file sits in its row, from the findings patchgate gave it."""
    findings = [f for f in file["findings"] if not f["suppressed"]]
    if row == "rejected":
        worst = [f for f in findings if f["verdict"] in ("rejected", "invalid")]
        first = worst[0] if worst else findings[0]
        return f"{first['rule']} (line {first['line']}): {first['message']}"
    if row == "cold":
        cold = [f for f in findings if f["rule"] == "launchpad-cold-patch"]
        if cold:
            return f"line {cold[0]['line']}: {cold[0]['message'].removeprefix('cold patch: ').split('; full-update.py')[0]}"
        downtime = [f for f in findings if f["verdict"] == "downtime"]
        return f"{downtime[0]['rule']} (line {downtime[0]['line']})" if downtime else "cold"
    kinds = sorted({s["kind"] for s in file["statements"]})
    concurrently = sum(f["rule"] == "launchpad-apply-concurrently" for f in findings)
    note = f"; {concurrently} plain CREATE INDEX applied CONCURRENTLY" if concurrently else ""
    return "only " + ", ".join(kinds) + note


def spread(items, count=3):
    if len(items) <= count:
        return items
    step = (len(items) - 1) / (count - 1)
    return [items[round(i * step)] for i in range(count)]


def main():
    source = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    document = json.load(source)
    cells = {(row, column): [] for row in ROWS for column in COLUMNS}
    unnamed = []
    downtime_hot = 0
    for file in sorted(document["files"], key=lambda f: f["path"]):
        match = NAME.search(file["path"])
        row = content_class(file)
        if match is None or row is None:
            unnamed.append(file["path"])
            continue
        column = "N = 0" if match.group(3) == "0" else "N > 0"
        cells[(row, column)].append(file)
        if row == "hot" and file["verdict"] == "downtime":
            downtime_hot += 1

    print("| content class | " + " | ".join(COLUMNS) + " | total |")
    print("| --- | " + " | ".join("---:" for _ in COLUMNS) + " | ---: |")
    for row in ROWS:
        counts = [len(cells[(row, column)]) for column in COLUMNS]
        print(f"| {row} | " + " | ".join(str(c) for c in counts) + f" | {sum(counts)} |")
    totals = [sum(len(cells[(row, column)]) for row in ROWS) for column in COLUMNS]
    print("| total | " + " | ".join(str(t) for t in totals) + f" | {sum(totals)} |")
    if unnamed:
        print(f"\n{len(unnamed)} file(s) not named patch-MAJOR-MINOR-N.sql or checked without the profile: "
              + ", ".join(unnamed))
    if downtime_hot:
        print(f"\n{downtime_hot} hot-class file(s) have the verdict downtime from a generic rule.")
    print()
    for row in ROWS:
        for column in COLUMNS:
            files = cells[(row, column)]
            if not files:
                continue
            print(f"**{row}, {column}** ({len(files)}):")
            for file in spread(files):
                name = file["path"].rsplit("/", 1)[-1]
                print(f"- `{name}`: {reason(file, row)}")
            print()


main()
