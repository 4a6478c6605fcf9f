#!/usr/bin/env python3
"""Writes examples/gtb-12-batch.csv: 40 made-up GTB-12 responses for the README's
`alliance stats` example. Deterministic (fixed seed); run from the repository root:
    python3 examples/make-gtb-12-batch.py
Answers are rounded, clipped indicators of three correlated subscale factors;
items 7, 8 and 12 (reverse-keyed in GTB-12) are recorded reversed; a few answers
are missing; the last respondent ticks 5 everywhere (straight-lining)."""
import random

rng = random.Random(1207)
subscale_of = {1: 0, 4: 0, 7: 0, 10: 0, 2: 1, 5: 1, 8: 1, 11: 1, 3: 2, 6: 2, 9: 2, 12: 2}
reverse = {7, 8, 12}
lines = ["respondent,session," + ",".join(str(i) for i in range(1, 13))]
for r in range(1, 41):
    g = rng.gauss(0, 1)
    factors = [0.8 * g + 0.6 * rng.gauss(0, 1) for _ in range(3)]
    cells = []
    for item in range(1, 13):
        keyed = min(5, max(1, round(3.6 + 0.8 * factors[subscale_of[item]] + rng.gauss(0, 0.6))))
        answer = 6 - keyed if item in reverse else keyed
        cells.append("" if rng.random() < 0.03 else str(answer))
    if r == 40:
        cells = ["5"] * 12
    lines.append(f"C{r:03d},{rng.randint(1, 8)}," + ",".join(cells))
with open("examples/gtb-12-batch.csv", "w", encoding="utf-8") as out:
    out.write("\n".join(lines) + "\n")
