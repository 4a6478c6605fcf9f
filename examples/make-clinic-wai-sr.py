#!/usr/bin/env python3
"""Writes examples/clinic-wai-sr-sessions.csv: a made-up clinic's WAI-SR sessions for the
local-norms example (docs/norms.md): 40 clients, sessions 1 to 4 a week apart. Deterministic
(fixed seed); run from the repository root:
    python3 examples/make-clinic-wai-sr.py
Each client has a stable alliance level (so that sessions correlate: the test-retest r) and a
deviation per subscale; each session moves the level a little (the alliance grows by about
0.1 a session) and each answer adds noise; answers are rounded and clipped to 1..5; about 2 %
of answers are missing."""
import datetime
import random

rng = random.Random(1612)
subscale_of = {4: 0, 6: 0, 8: 0, 11: 0, 1: 1, 2: 1, 10: 1, 12: 1, 3: 2, 5: 2, 7: 2, 9: 2}
lines = ["respondent,session,date," + ",".join(str(i) for i in range(1, 13))]
start = datetime.date(2026, 9, 7)
for c in range(1, 41):
    level = rng.gauss(3.6, 0.55)
    deviation = [rng.gauss(0, 0.25) for _ in range(3)]
    first = start + datetime.timedelta(days=rng.randint(0, 27))
    for session in range(1, 5):
        now = level + 0.1 * (session - 1) + rng.gauss(0, 0.2)
        cells = []
        for item in range(1, 13):
            answer = min(5, max(1, round(now + deviation[subscale_of[item]] + rng.gauss(0, 0.5))))
            cells.append("" if rng.random() < 0.02 else str(answer))
        date = first + datetime.timedelta(days=7 * (session - 1))
        lines.append(f"K{c:03d},{session},{date.isoformat()}," + ",".join(cells))
with open("examples/clinic-wai-sr-sessions.csv", "w", encoding="utf-8") as out:
    out.write("\n".join(lines) + "\n")
