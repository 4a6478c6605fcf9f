#!/usr/bin/env python3
"""Deterministic SRS sessions of a caseload, for `alliance report` at scale (bench/report.sh).

    gen_sessions.py CLIENTS SESSIONS OUT.ndjson [--seed S]

CLIENTS clients (C00001, ...) with SESSIONS sessions each, one SRS response a line
({"respondent", "session", "date", "answers": {"1".."4": 0.0-10.0 at 0.1}}). Each client has a
level ~ N(36, 2.5) on the 0-40 total that drifts by N(0, 0.4) a session; one client in five has a
rupture (a drop of 4 to 9 points at a random session, back up two sessions later). About one
session in fifty is skipped (its number is absent) and one in a hundred leaves an item unanswered
(an insufficient total). Standard library only; the same arguments always give the same bytes.
"""
import argparse
import datetime
import json
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clients", type=int)
    parser.add_argument("sessions", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    start = datetime.date(2026, 1, 5)
    with open(args.out, "w", encoding="utf-8") as out:
        for c in range(1, args.clients + 1):
            level = rng.gauss(36, 2.5)
            rupture = rng.randrange(2, args.sessions + 1) if rng.random() < 0.2 else None
            depth = rng.uniform(4, 9)
            for s in range(1, args.sessions + 1):
                level = min(40, max(8, level + rng.gauss(0, 0.4)))
                if rng.random() < 0.02:
                    continue
                total = level - (depth if rupture in (s, s - 1) else 0)
                answers = {}
                for item in range(1, 5):
                    value = min(10, max(0, total / 4 + rng.gauss(0, 0.4)))
                    answers[str(item)] = round(value, 1)
                if rng.random() < 0.01:
                    del answers[str(rng.randrange(1, 5))]
                date = start + datetime.timedelta(days=7 * (s - 1) + c % 5)
                out.write(json.dumps({"respondent": f"C{c:05d}", "session": s, "date": date.isoformat(),
                                      "answers": answers}, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
