#!/usr/bin/env python3
"""Deterministic WAI-SR-shaped response data for the benchmark and tests.

    gen_data.py N OUT.csv [--ndjson OUT.ndjson] [--seed S]

N respondents, 12 items answered 1..5, header `id,i1,...,i12`. Each
respondent has an alliance level ~ N(3.8, 0.6) and a deviation per subscale
~ N(0, 0.3) (goal: items 4 6 8 11, task: 1 2 10 12, bond: 3 5 7 9); each
answer is level + deviation + item noise N(0, 0.55), rounded and clipped to
1..5, so items within a subscale correlate (alpha about 0.8). About 2 % of
answers are missing, clustered: one respondent in ten skips each item with
p = 0.10, the others with p = 0.01. The NDJSON file holds the same answers
as {"id": ..., "responses": {"1": 5, ...}}, missing items left out. Standard
library only; the same N and seed always give the same bytes, and a smaller
N gives a prefix of a larger one.
"""
import argparse
import random

SUBSCALE_OF = {4: 0, 6: 0, 8: 0, 11: 0, 1: 1, 2: 1, 10: 1, 12: 1, 3: 2, 5: 2, 7: 2, 9: 2}


def respondents(n, seed):
    rng = random.Random(seed)
    for r in range(1, n + 1):
        level = rng.gauss(3.8, 0.6)
        deviation = [rng.gauss(0, 0.3) for _ in range(3)]
        skip = 0.10 if rng.random() < 0.1 else 0.01
        answers = []
        for item in range(1, 13):
            value = level + deviation[SUBSCALE_OF[item]] + rng.gauss(0, 0.55)
            missing = rng.random() < skip
            answers.append(None if missing else min(5, max(1, int(round(value)))))
        yield f"P{r:07d}", answers


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("csv")
    parser.add_argument("--ndjson")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    nd = open(args.ndjson, "w", newline="\n") if args.ndjson else None
    with open(args.csv, "w", newline="\n") as out:
        out.write("id," + ",".join(f"i{i}" for i in range(1, 13)) + "\n")
        for rid, answers in respondents(args.n, args.seed):
            out.write(rid + "," + ",".join("" if a is None else str(a) for a in answers) + "\n")
            if nd:
                pairs = ",".join(f'"{i}":{a}' for i, a in enumerate(answers, 1) if a is not None)
                nd.write(f'{{"id":"{rid}","responses":{{{pairs}}}}}\n')
    if nd:
        nd.close()


if __name__ == "__main__":
    main()
