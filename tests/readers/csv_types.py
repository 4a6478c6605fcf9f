"""Prints each column of a CSV (or TSV) file as Python's csv module reads it,
one "name:type" per line, the type being what every cell but NA holds:
integer, number, logical (TRUE/FALSE), text, or empty when every cell is NA
or empty. A column whose cells mix numbers and text is "text", as R's
read.csv and pandas would make it. Used by tests/e2e/readers_test.cpp.
Usage: csv_types.py FILE [tsv]"""
import csv
import re
import sys

INTEGER = re.compile(r"-?[0-9]+\Z")
NUMBER = re.compile(r"-?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\Z")


def kind(cell):
    if INTEGER.match(cell):
        return "integer"
    if NUMBER.match(cell):
        return "number"
    if cell in ("TRUE", "FALSE"):
        return "logical"
    return "text"


def column_type(cells):
    kinds = {kind(c) for c in cells if c not in ("", "NA")}
    if not kinds:
        return ""
    if kinds == {"integer", "number"}:
        return "number"
    return kinds.pop() if len(kinds) == 1 else "text"


with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f, delimiter="\t" if len(sys.argv) > 2 and sys.argv[2] == "tsv" else ","))
header, body = rows[0], rows[1:]
for i, name in enumerate(header):
    print(f"{name}:{column_type([row[i] for row in body])}")
