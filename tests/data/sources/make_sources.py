#!/usr/bin/env python3
"""Writes the survey-tool exports of tests/data/sources and examples/.

Each export holds the same answers as the plain numeric CSV beside it
(gtb-12-numeric.csv, srs-numeric.csv), in the layout the tool writes: the
e2e tests (tests/e2e/sources_test.cpp) score both and compare the scores.
Layouts follow each tool's documented CSV export:
- Qualtrics "Download data, CSV": three header rows (column names, question
  text, {"ImportId":...}), numeric values or choice text ("labels");
- REDCap "raw" and "labels" exports of a longitudinal project with a
  repeating instrument: record_id, redcap_event_name, redcap_repeat_instrument,
  redcap_repeat_instance, one row per event and per instance, checkbox
  columns consent___1 (raw 0/1, labels Checked/Unchecked), <form>_complete;
- LimeSurvey "Export responses, CSV, question code" with answer codes
  (A1...A5) or full answer text, every field quoted, incomplete responses with
  an empty submitdate;
- a CSV saved by Excel in a French locale: ';', decimal comma, CRLF,
  Windows-1252.
Run it from the repository's root: python3 tests/data/sources/make_sources.py
"""
import csv
import io
import os

EN = ["Never", "Rarely", "Sometimes", "Often", "Always"]
FR = ["Jamais", "Rarement", "Parfois", "Souvent", "Toujours"]

# (respondent, session, date, answers to items 1..12 (None = unanswered), comment, finished)
GTB = [
    ("C001", 1, "2026-11-02", [4, 4, 3, 5, 4, 3, 2, 2, 4, 4, 4, 2], "Good session.", True),
    ("C001", 2, "2026-11-09", [5, 4, 4, 5, None, 4, 1, 2, 4, 5, 4, 1], "Hard week,\nbut we talked it through.", True),
    ("C002", 1, "2026-11-03", [3, 3, 2, 3, 3, 2, 3, 3, 3, 3, 2, 3], "", True),
    ("C002", 2, "2026-11-10", [None, None, 3, 4, 3, 3, 2, 3, 3, 4, 3, 2], "", True),
    ("C003", 1, "2026-11-04", [5, 5, 5, 5, 5, 5, 1, 1, 5, 5, 5, 1], 'She said "thank you"; that mattered.', True),
    ("C003", 2, "2026-11-11", [2, 2, 1, 2, 2, 1, 4, 4, 2, 2, 2, 4], "", True),
    ("C004", 1, "2026-11-05", [1, 2, 3, 4, None, None, None, None, None, None, None, None], "", False),
]
# REDCap's follow-up event: scored only without --where redcap_event_name=treatment_arm_1.
FOLLOW_UP = ("C001", 1, "2027-02-01", [4, 4, 4, 4, 4, 4, 2, 2, 4, 4, 4, 2], "Three months on.", True)

# (client, session, date, answers to items 1..4 on 0..10 by 0.1)
SRS = [
    ("Zoé", 1, "02/11/2026", [7.5, 8.0, 6.2, 7.0], "Séance utile."),
    ("Zoé", 2, "09/11/2026", [8.1, 8.4, 7.7, 8.0], "Mieux ; plus à l’aise"),
    ("Hélène", 1, "03/11/2026", [9.0, 9.5, 9.2, 9.4], ""),
    ("Hélène", 2, "10/11/2026", [5.5, None, 6.0, 5.8], "Difficile"),
    ("Loïc", 1, "04/11/2026", [10.0, 9.9, 0.0, 4.3], ""),
]


def write(path, rows, quoting=csv.QUOTE_MINIMAL, delimiter=",", newline="\n", encoding="utf-8"):
    out = io.StringIO()
    writer = csv.writer(out, quoting=quoting, delimiter=delimiter, lineterminator=newline)
    for row in rows:
        writer.writerow(row)
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(out.getvalue())


def cell(value, labels=None):
    if value is None:
        return ""
    return labels[value - 1] if labels else str(value)


def gtb_numeric():
    rows = [["respondent", "session", "date"] + [str(i) for i in range(1, 13)]]
    for r, s, d, answers, _, _ in GTB:
        rows.append([r, s, d] + [cell(a) for a in answers])
    return rows


def qualtrics(labels):
    fixed = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
             "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
             "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage"]
    items = [f"Q2_{i}" for i in range(1, 13)]
    header = fixed + items + ["Q3", "session"]
    text = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)",
            "Finished", "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name",
            "Recipient Email", "External Data Reference", "Location Latitude", "Location Longitude",
            "Distribution Channel", "User Language"]
    text += [f"Thinking about today's session, how often... - Statement {i}" for i in range(1, 13)]
    text += ["Anything else you would like to say?\n(optional)", "session"]
    ids = ['{"ImportId":"startDate","timeZone":"Europe/Paris"}', '{"ImportId":"endDate","timeZone":"Europe/Paris"}',
           '{"ImportId":"status"}', '{"ImportId":"ipAddress"}', '{"ImportId":"progress"}', '{"ImportId":"duration"}',
           '{"ImportId":"finished"}', '{"ImportId":"recordedDate","timeZone":"Europe/Paris"}',
           '{"ImportId":"_recordId"}', '{"ImportId":"recipientLastName"}', '{"ImportId":"recipientFirstName"}',
           '{"ImportId":"recipientEmail"}', '{"ImportId":"externalDataReference"}',
           '{"ImportId":"locationLatitude"}', '{"ImportId":"locationLongitude"}',
           '{"ImportId":"distributionChannel"}', '{"ImportId":"userLanguage"}']
    ids += [f'{{"ImportId":"QID2_{i}"}}' for i in range(1, 13)]
    ids += ['{"ImportId":"QID3_TEXT"}', '{"ImportId":"session"}']
    rows = [header, text, ids]
    for n, (r, s, d, answers, comment, finished) in enumerate(GTB):
        ident = f"R_{n + 1}aB{n + 3}cD{n + 5}eF{n + 7}gH"
        rows.append([f"{d} 10:0{n}:12", f"{d} 10:1{n}:40", "IP Address" if labels else "0", "",
                     "100" if finished else "40", str(300 + 17 * n), ("True" if finished else "False") if labels
                     else ("1" if finished else "0"), f"{d} 10:1{n}:41", ident, "", "", "", "", "48.8566",
                     "2.3522", "anonymous", "EN"] + [cell(a, EN if labels else None) for a in answers]
                    + [comment, str(s)])
    return rows


def redcap(labels):
    header = ["record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance",
              "consent_date", "consent___1", "consent___2", "baseline_complete", "session_date"]
    header += [f"gtb_{i}" for i in range(1, 13)] + ["gtb_comments", "gtb_complete"]
    event = {"baseline": ("baseline_arm_1", "Baseline (Arm 1: Main)"),
             "treatment": ("treatment_arm_1", "Treatment (Arm 1: Main)"),
             "follow_up": ("follow_up_arm_1", "Follow-up (Arm 1: Main)")}
    pick = 1 if labels else 0
    rows = [header]

    def gtb_row(record, ev, r):
        _, s, d, answers, comment, finished = r
        complete = ("Complete" if labels else "2") if finished else ("Incomplete" if labels else "0")
        return [record, event[ev][pick], "GTB-12" if labels else "gtb", str(s), "", "", "", "", d] + \
            [cell(a, EN if labels else None) for a in answers] + [comment, complete]

    for record in ["C001", "C002", "C003", "C004"]:
        checked = ("Checked", "Unchecked") if labels else ("1", "0")
        rows.append([record, event["baseline"][pick], "", "", "2026-10-28", checked[0], checked[1],
                     "Complete" if labels else "2", ""] + [""] * 12 + ["", ""])
        for r in GTB:
            if r[0] == record:
                rows.append(gtb_row(record, "treatment", r))
        if record == FOLLOW_UP[0]:
            rows.append(gtb_row(record, "follow_up", FOLLOW_UP))
    return rows


def limesurvey(text, vary=False):
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "session"]
    header += [f"GTB[SQ{i:03d}]" for i in range(1, 13)] + ["comment"]
    rows = [header]
    for n, (r, s, d, answers, comment, finished) in enumerate(GTB):
        if text:
            values = []
            for k, a in enumerate(answers):
                v = cell(a, FR)
                if vary and v:  # as typed into a spreadsheet: case, spaces, accents dropped
                    v = [v.upper(), f"  {v.lower()} ", v.replace("é", "e")][k % 3]
                values.append(v)
        else:
            values = ["" if a is None else f"A{a}" for a in answers]
        rows.append([str(n + 1), f"{d} 10:1{n}:41" if finished else "", "2" if finished else "1",
                     "fr" if text else "en", str(1000 + 37 * n), str(s)] + values + [comment])
    return rows


def decimal_comma(x):
    return "" if x is None else f"{x:.1f}".replace(".", ",")


def srs_numeric():
    rows = [["client", "session", "date", "1", "2", "3", "4"]]
    for c, s, d, answers, _ in SRS:
        rows.append([c, str(s), d] + ["" if a is None else f"{a:.1f}" for a in answers])
    return rows


def excel_fr():
    rows = [["client", "séance", "date", "1", "2", "3", "4", "commentaire"]]
    for c, s, d, answers, comment in SRS:
        rows.append([c, str(s), d] + [decimal_comma(a) for a in answers] + [comment])
    return rows


def main():
    data = "tests/data/sources"
    write(f"{data}/gtb-12-numeric.csv", gtb_numeric())
    write(f"{data}/qualtrics-numeric.csv", qualtrics(False))
    write(f"{data}/qualtrics-labels.csv", qualtrics(True))
    write(f"{data}/redcap-raw.csv", redcap(False))
    write(f"{data}/redcap-labels.csv", redcap(True))
    write(f"{data}/limesurvey-codes.csv", limesurvey(False), quoting=csv.QUOTE_ALL)
    write(f"{data}/limesurvey-text.csv", limesurvey(True, vary=True), quoting=csv.QUOTE_ALL)
    write(f"{data}/srs-numeric.csv", srs_numeric())
    write(f"{data}/excel-fr-srs.csv", excel_fr(), delimiter=";", newline="\r\n", encoding="cp1252")
    # One of each, as a user meets them (docs/data-sources.md runs these).
    write("examples/qualtrics-gtb-12-labels.csv", qualtrics(True))
    write("examples/redcap-gtb-12-raw.csv", redcap(False))
    write("examples/redcap-gtb-12-labels.csv", redcap(True))
    write("examples/limesurvey-gtb-12.csv", limesurvey(False), quoting=csv.QUOTE_ALL)
    write("examples/excel-fr-srs.csv", excel_fr(), delimiter=";", newline="\r\n", encoding="cp1252")


if __name__ == "__main__":
    main()
