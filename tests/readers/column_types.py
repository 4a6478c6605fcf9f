"""Prints each column of a CSV file as pandas.read_csv types it, one "name:dtype"
per line (used by tests/e2e/readers_test.cpp). Usage: column_types.py FILE [tsv]"""
import sys

import pandas

frame = pandas.read_csv(sys.argv[1], sep="\t" if len(sys.argv) > 2 and sys.argv[2] == "tsv" else ",")
for name, dtype in frame.dtypes.items():
    print(f"{name}:{dtype}")
