#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets (tests/fuzz/corpus/NAME/seed-*)
from the repository's own examples: questionnaires/, examples/, tests/data.
The response targets read a first byte that picks the questionnaire (0
GTB-12, 1 WAI-SR, 2 SRS) and, for CSV, the delimiter and the column mapping
(see csv.cpp); the options target reads option lines, a blank line, a CSV.
Run from anywhere; libFuzzer's merges (scripts/fuzz.sh) add the rest."""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fuzz" / "corpus"


def seed(target, name, data):
    path = CORPUS / target / ("seed-" + name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode())


def read(relative):
    return (ROOT / relative).read_bytes()


GTB, WAI_SR, SRS = b"\x00", b"\x01", b"\x02"

for path in sorted((ROOT / "questionnaires").glob("*.json")):
    seed("definition", path.name, path.read_bytes())
for kind in ("valid", "invalid"):
    for path in sorted((ROOT / "tests" / "data" / kind).glob("*.json")):
        seed("definition", f"{kind}-{path.name}", path.read_bytes())

response = read("examples/gtb-12-response.json")
sessions = read("examples/gtb-12-sessions.ndjson")
srs = read("examples/srs-sessions.ndjson")
seed("json_response", "gtb-12-response.json", GTB + response)
array = [json.loads(line) for line in sessions.decode().splitlines()[:3]]
seed("json_response", "gtb-12-array.json", GTB + json.dumps(array, indent=2).encode())
seed("json_response", "srs-array.json", SRS + json.dumps([json.loads(l) for l in srs.decode().splitlines()[:2]]).encode())

for target in ("ndjson", "ndjson_differential"):
    seed(target, "gtb-12-sessions.ndjson", GTB + sessions)
    seed(target, "srs-sessions.ndjson", SRS + srs)
    seed(target, "shapes.ndjson", WAI_SR + (
        b'{"id":"R1","responses":{"1":5,"2":4,"12":1}}\n'
        b' { "respondent" : "P 9", "session": 12, "form": "client", "date": "2026-01-02", "language": "fr",'
        b' "questionnaire": "wai-sr", "answers": {"3": null, "4": 2.0} }\r\n'
        b'{"id":42,"responses":{}}\n'
        b'{"id":"a","responses":{"1":1,"1":2}}\n'
        b'{"id":"a","respondent":"b","answers":{"1":1e0}}\n'))
seed("ndjson", "detected.ndjson", b"\x80" + sessions)

seed("csv", "gtb-12-batch.csv", GTB + read("examples/gtb-12-batch.csv"))
seed("csv", "gtb-12-t-sessions.csv", GTB + read("examples/gtb-12-t-sessions.csv"))
seed("csv", "with-invalid.csv", GTB + read("tests/data/trend/with-invalid.csv"))
tsv = read("examples/gtb-12-batch.csv").replace(b",", b"\t")
seed("csv", "gtb-12-batch.tsv", b"\x01" + tsv)
# WAI-SR (bits 1-2 = 1), mapping 5 (WAI_{id}, two rows skipped): Qualtrics.
seed("csv", "qualtrics-wai-sr.csv", bytes([(5 << 3) | (1 << 1)]) + read("examples/qualtrics-wai-sr.csv"))
# GTB-12 with the survey-export options (bit 6), and French Excel's ';' (bit 7): labels, codes,
# events, decimal commas, Windows-1252 (tests/data/sources/make_sources.py).
for name in ("qualtrics-labels.csv", "redcap-labels.csv", "limesurvey-codes.csv", "limesurvey-text.csv"):
    seed("csv", name, bytes([0x40]) + read("tests/data/sources/" + name))
seed("csv", "excel-fr-srs.csv", bytes([0xC0 | (2 << 1)]) + read("tests/data/sources/excel-fr-srs.csv"))

seed("options", "qualtrics.txt", WAI_SR + b"WAI_{id}\n\n\n2\nQ2=1\ntotal=3.5\n\n" + read("examples/qualtrics-wai-sr.csv"))
seed("options", "ids.txt", GTB + b"\nrespondent\nsession\n0\nitem_1=1\nbond=3.5,goals=2\n\n"
     b"respondent,session,item_1,2,3\nP1,1,4,5,NA\nP2,2,1,,3\n")
