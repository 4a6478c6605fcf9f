#!/usr/bin/env python3
"""Exact reference scores: the same inputs as make_reference.R, scored in exact
rational arithmetic (Python's fractions) following docs/definition-format.md,
each score then rounded once to the nearest double.

R (make_reference.R) adds doubles in turn, so its scores of decimal answers
(the SRS) and its means of subscale means (ref-subscales) can be an ulp away
from the exact value; alliance computes in exact decimals and must give
exactly these doubles. Every number comes from the text of the files (JSON
numbers and CSV cells read as decimals, never through a double), so nothing
here shares alliance's code or its arithmetic.

    python3 tests/reference/scoring/make_exact.py    # writes <id>-exact.csv beside itself

Standard library only; the output is deterministic.
"""

import csv
import json
import math
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
IDS = ["gtb-12", "gtb-12-t", "wai-sr", "wai-s", "wai", "wai-t", "srs", "ref-subscales", "ref-items"]
MISSING = {"", "NA", ".", "N/A", "na", "null"}


def load_definition(qid):
    path = HERE / f"{qid}.json" if qid.startswith("ref-") else ROOT / "questionnaires" / f"{qid}.json"
    return json.loads(path.read_text(), parse_float=Fraction, parse_int=Fraction)


def required(rule, parts):
    """Fewest answered parts under a missing rule (docs: "Missing rule")."""
    if rule is None:
        return 0
    if "max_missing" in rule:
        return max(0, parts - int(rule["max_missing"]))
    exact = rule["min_answered"] * parts
    rounding = rule["rounding"]
    if rounding == "up":
        count = math.ceil(exact)
    elif rounding == "down":
        count = math.floor(exact)
    else:  # nearest, halves up
        count = math.floor(exact + Fraction(1, 2))
    return min(max(count, 0), parts)


def finish(method, rule, prorate, parts, values, weights, all_weights):
    """The score of a scale from its answered contributions (or subscale scores)."""
    answered = len(values)
    if answered == 0 or answered < required(rule, parts):
        return None
    total = sum(values, Fraction(0))
    w = sum(weights, Fraction(0))
    if method == "mean":
        return total / w
    if prorate and answered < parts:
        return total * sum(all_weights, Fraction(0)) / w
    return total


def item_column(header, ids):
    if header in ids:
        return header
    for prefix in ("item_", "item", "q", "i"):
        if header.startswith(prefix) and header[len(prefix):] in ids:
            return header[len(prefix):]
    raise ValueError(f"no item for column {header!r}")


def score(definition, answers):
    scale = definition["scale"]
    lo, hi = scale["min"], scale["max"]
    scores = scale.get("scores")
    items = definition["items"]
    subscales = definition["subscales"]

    def contribution(item):
        a = answers[item["id"]]
        keyed = lo + hi - a if item.get("reverse", False) else a
        item_score = scores[int(keyed - lo)] if scores else keyed
        return item.get("weight", Fraction(1)) * item_score

    def over_items(members, method, rule, prorate):
        answered = [it for it in members if answers[it["id"]] is not None]
        return finish(method, rule, prorate, len(members), [contribution(it) for it in answered],
                      [it.get("weight", Fraction(1)) for it in answered],
                      [it.get("weight", Fraction(1)) for it in members])

    out = {}
    for s in subscales:
        members = [it for it in items if it["subscale"] == s["id"]]
        out[s["id"]] = over_items(members, s["method"], s.get("missing", {"max_missing": 0}),
                                  s.get("prorate", False))
    total = definition.get("total", {})
    if total is not None:
        method = total.get("method", "mean")
        if total.get("of", "items") == "items":
            value = over_items(items, method, total.get("missing"), total.get("prorate", False))
            if total.get("requires_all_subscales", True) and any(out[s["id"]] is None for s in subscales):
                value = None
        else:
            parts = [out[s["id"]] for s in subscales if out[s["id"]] is not None]
            value = finish(method, total.get("missing", {"max_missing": 0}), total.get("prorate", False),
                           len(subscales), parts, [Fraction(1)] * len(parts), [Fraction(1)] * len(subscales))
        out["total"] = value
    return out


def main():
    for qid in IDS:
        definition = load_definition(qid)
        ids = {it["id"] for it in definition["items"]}
        scales = [s["id"] for s in definition["subscales"]] + (["total"] if definition.get("total") is not None
                                                                else [])
        with open(HERE / f"{qid}-input.csv", newline="") as f:
            rows = list(csv.reader(f))
        columns = [item_column(h, ids) for h in rows[0][1:]]
        with open(HERE / f"{qid}-exact.csv", "w", newline="") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(["respondent"] + scales)
            for row in rows[1:]:
                answers = {c: (None if cell.strip() in MISSING else Fraction(cell.strip()))
                           for c, cell in zip(columns, row[1:])}
                scored = score(definition, answers)
                # float(Fraction) is the nearest double; repr its shortest round-trip text.
                out.writerow([row[0]] + ["NA" if scored[s] is None else repr(float(scored[s])) for s in scales])


if __name__ == "__main__":
    main()
