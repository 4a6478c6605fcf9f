#!/usr/bin/env python3
"""Keeps docs/definition.schema.json and docs/response.schema.json in step with
the readers. Run by CTest (tests/CMakeLists.txt):

    schema_test.py SOURCE_DIR ALLIANCE_BINARY [unittest arguments, e.g. Mutations]

Needs Python's jsonschema (Debian: python3-jsonschema, installed by
scripts/setup.sh); no network. Every document is checked twice: by the schema
and by `alliance validate`, and the two verdicts are compared:
- a document the schema rejects, the reader rejects too (the schema is never
  stricter than the reader, so an editor shows no false errors);
- a structural mistake (unknown key, wrong type, missing required key) is
  rejected by both (the schema misses nothing the reader knows structurally).
"""

import copy
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import unittest

try:
    import jsonschema
except ImportError:
    sys.exit("schema_test: Python's jsonschema is missing: run scripts/setup.sh "
             "(or apt-get install python3-jsonschema)")

SOURCE = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).parents[2]
ALLIANCE = sys.argv[2] if len(sys.argv) > 2 else None

DEFINITION_SCHEMA = json.loads((SOURCE / "docs" / "definition.schema.json").read_text(encoding="utf-8"))
RESPONSE_SCHEMA = json.loads((SOURCE / "docs" / "response.schema.json").read_text(encoding="utf-8"))

# Objects keyed by language or by item/subscale id: open in the reader and the
# schema alike (their keys are data, not format).
OPEN_OBJECTS = {"title", "description", "instructions", "label", "text", "labels", "answers", "expect"}


def validator(schema):
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


DEFINITION = validator(DEFINITION_SCHEMA)
RESPONSE = validator(RESPONSE_SCHEMA)


def load(path):
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))


def pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def schema_errors(schema_validator, doc):
    """The JSON pointers the schema reports; an unknown key is reported at the key
    itself (the schema reports it at its object), as the reader does."""
    out = set()
    for error in schema_validator.iter_errors(doc):
        path = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = error.schema.get("properties", {})
            patterns = error.schema.get("patternProperties", {})
            for key in error.instance:
                if key not in known and not any(re.search(p, key) for p in patterns):
                    out.add(pointer(path + [key]))
        else:
            out.add(pointer(path))
    return out


def bundled_definitions():
    return sorted((SOURCE / "questionnaires").glob("*.json"))


def valid_definitions():
    return sorted((SOURCE / "tests" / "data" / "valid").glob("*.json"))


class SchemasAndValidFiles(unittest.TestCase):
    def test_both_schemas_are_valid_draft_2020_12(self):
        for schema in (DEFINITION_SCHEMA, RESPONSE_SCHEMA):
            self.assertEqual(schema["$schema"], "https://json-schema.org/draft/2020-12/schema")
            jsonschema.Draft202012Validator.check_schema(schema)

    def test_every_bundled_questionnaire_validates(self):
        files = bundled_definitions()
        self.assertGreaterEqual(len(files), 7)
        for path in files:
            with self.subTest(path.name):
                self.assertEqual(schema_errors(DEFINITION, load(path)), set())

    def test_every_valid_test_definition_validates(self):
        files = valid_definitions()
        self.assertGreaterEqual(len(files), 4)
        for path in files:
            with self.subTest(path.name):
                self.assertEqual(schema_errors(DEFINITION, load(path)), set())

    def test_every_example_response_validates(self):
        documents = []
        for path in sorted((SOURCE / "examples").glob("*.json")):
            documents.append((path.name, load(path)))
        for path in sorted((SOURCE / "examples").glob("*.ndjson")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.strip():
                    documents.append((f"{path.name}:{number}", json.loads(line)))
        self.assertGreaterEqual(len(documents), 2)
        for name, doc in documents:
            with self.subTest(name):
                self.assertEqual(schema_errors(RESPONSE, doc), set())


class InvalidFiles(unittest.TestCase):
    # Diagnostics about the shape of the document; the others (duplicate ids,
    # label counts, bands, examples, unknown references) need more than a schema.
    STRUCTURAL = re.compile(r'^(unknown key "|missing required key "|expected (a |an |true or false|"))')

    def test_structural_diagnostics_are_schema_errors_at_the_same_place(self):
        checked = 0
        for expected in sorted((SOURCE / "tests" / "data" / "invalid").glob("*.expected")):
            document = expected.with_suffix(".json")
            doc = load(document)
            got = schema_errors(DEFINITION, doc)
            for line in expected.read_text(encoding="utf-8").splitlines():
                # NAME.json:LINE:COLUMN: /pointer: message
                match = re.match(r"^[^:]+:\d+:\d+: (/[^:]*|): (.*)$", line)
                self.assertIsNotNone(match, line)
                where, message = match.groups()
                if self.STRUCTURAL.match(message):
                    checked += 1
                    with self.subTest(f"{document.name} {where}"):
                        self.assertIn(where, got, f"{line}\nschema reports: {sorted(got)}")
        # unknown_key (1), types (5) and overlay_format (2) at least.
        self.assertGreaterEqual(checked, 8)


def mutations(doc):
    """(description, mutated document, kind) for every object and value in doc:
    kind "structural" must be rejected by both the reader and the schema."""

    def walk(node, path):
        yield node, path
        if isinstance(node, dict):
            for key, value in node.items():
                if not key.startswith("x-"):
                    yield from walk(value, path + [key])
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, path + [index])

    def at(root, path):
        for step in path:
            root = root[step]
        return root

    def replaced(path, change):
        out = copy.deepcopy(doc)
        change(at(out, path[:-1]), path[-1])
        return out

    wrong = {str: True, int: "7", float: "7.5", bool: "yes", type(None): "x", list: {"k": 1}, dict: []}
    for node, path in walk(doc, []):
        here = pointer(path)
        closed = isinstance(node, dict) and (not path or path[-1] not in OPEN_OBJECTS)
        if closed:
            bogus = copy.deepcopy(doc)
            at(bogus, path)["bogus_key"] = 1
            yield f"unknown key at {here}/bogus_key", bogus, "structural"
            mine = copy.deepcopy(doc)
            at(mine, path)["x-mine"] = {"anything": [1]}
            yield f"x- key at {here}/x-mine", mine, "accepted"
            for key in list(node):
                if not key.startswith("x-"):
                    yield (f"without {here}/{key}", replaced(path + [key], lambda p, k: p.pop(k)), "removal")
        if path:
            bad = wrong[type(node)]
            yield (f"{here} = {json.dumps(bad)}", replaced(path, lambda p, k, bad=bad: p.__setitem__(k, bad)),
                   "structural")


def reader_verdicts(documents):
    """alliance validate --format json on every document, in one run:
    [(valid, problems)] in order."""
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for index, doc in enumerate(documents):
            path = os.path.join(tmp, f"m{index}.json")
            with open(path, "w", encoding="utf-8") as out:
                json.dump(doc, out, ensure_ascii=False)
            files.append(path)
        env = {k: v for k, v in os.environ.items() if k != "ALLIANCE_PATH"}
        run = subprocess.run([ALLIANCE, "validate", "--format", "json", *files], capture_output=True,
                             text=True, env=env, check=False)
        if run.returncode not in (0, 3) and not run.stdout.startswith("["):
            raise AssertionError(f"alliance validate failed ({run.returncode}): {run.stderr}")
        reports = json.loads(run.stdout)
        assert len(reports) == len(files), run.stderr
        return [(r["valid"], r["problems"]) for r in reports]


@unittest.skipIf(ALLIANCE is None, "needs the alliance binary")
class Mutations(unittest.TestCase):
    """Every object of every valid test definition gets an unknown key, an
    x- key, each member removed in turn; every value gets a value of the wrong
    JSON type. The reader and the schema must agree."""

    def check_file(self, path):
        doc = load(path)
        cases = list(mutations(doc))
        verdicts = reader_verdicts([d for _, d, _ in cases])
        for (what, mutated, kind), (reader_ok, problems) in zip(cases, verdicts):
            schema = schema_errors(DEFINITION, mutated)
            with self.subTest(f"{path.name}: {what}"):
                said = "; ".join(f'{p["pointer"]}: {p["message"]}' for p in problems)
                if schema:
                    self.assertFalse(reader_ok, f"the schema rejects what the reader accepts: {sorted(schema)}")
                if kind == "structural":
                    self.assertFalse(reader_ok)
                    self.assertTrue(schema, f"the reader rejects ({said}) but the schema accepts")
                elif kind == "accepted":
                    self.assertTrue(reader_ok, said)
                    self.assertFalse(schema, sorted(schema))
                elif kind == "removal":
                    if re.search(r'missing required key "', said):
                        self.assertTrue(schema, f"the reader requires it ({said}) but the schema does not")
        return len(cases)

    def test_every_valid_test_definition(self):
        total = sum(self.check_file(path) for path in valid_definitions())
        self.assertGreater(total, 300)

    def test_bundled_continuous_scale(self):
        self.check_file(SOURCE / "questionnaires" / "srs.json")


@unittest.skipIf(ALLIANCE is None, "needs the alliance binary")
class Constraints(unittest.TestCase):
    """Values of the right type that the format forbids: both reject."""

    CASES = [
        ("everything.json", "/id", "Everything"),
        ("everything.json", "/id", "-x"),
        ("everything.json", "/family", "a b"),
        ("everything.json", "/version", ""),
        ("everything.json", "/form", "patient"),
        ("everything.json", "/format", "alliance/2"),
        ("everything.json", "/languages", ["en", "fr", "en"]),
        ("everything.json", "/title", {}),
        ("everything.json", "/title/fr", ""),
        ("everything.json", "/source/citation", ""),
        ("everything.json", "/scale/type", "likert"),
        ("everything.json", "/scale/min", 0.5),
        ("everything.json", "/subscales", []),
        ("everything.json", "/subscales/0/id", "total"),
        ("everything.json", "/subscales/0/id", "a b"),
        ("everything.json", "/subscales/0/method", "median"),
        ("everything.json", "/subscales/0/missing", {}),
        ("everything.json", "/subscales/0/missing", {"max_missing": -1}),
        ("everything.json", "/subscales/0/missing", {"max_missing": 1, "min_answered": 0.5, "rounding": "up"}),
        ("everything.json", "/subscales/0/missing", {"max_missing": 1, "rounding": "up"}),
        ("everything.json", "/subscales/0/missing", {"min_answered": 0.5}),
        ("everything.json", "/subscales/1/missing", {"min_answered": 0, "rounding": "up"}),
        ("everything.json", "/subscales/1/missing", {"min_answered": 1.5, "rounding": "up"}),
        ("everything.json", "/subscales/1/missing", {"min_answered": 0.5, "rounding": "half"}),
        ("everything.json", "/subscales/0/bands/ranges", []),
        ("everything.json", "/subscales/0/bands/ranges/1", {"label": {"en": "High", "fr": "Haut"}}),
        ("everything.json", "/subscales/0/norms/0/sd", 0),
        ("everything.json", "/subscales/0/norms/0/reliability", -1),
        ("everything.json", "/subscales/0/norms/0/reliability", 1.5),
        ("everything.json", "/subscales/0/norms/0/citation", ""),
        ("everything.json", "/items", []),
        ("everything.json", "/items/0/id", "a b"),
        ("everything.json", "/items/0/id", 1),
        ("everything.json", "/items/3/weight", 0),
        ("everything.json", "/items/3/weight", -2),
        ("everything.json", "/total/of", "everything"),
        ("continuous.json", "/scale/precision", 0),
        ("continuous.json", "/scale/scores", [0, 1]),
        ("continuous.json", "/scale/labels/en", ["Not at all", "Somewhat", "Completely"]),
        ("overlay-wai-sr.json", "/extends", "WAI-SR"),
        ("overlay-wai-sr.json", "/format", "alliance/2"),
        ("overlay-wai-sr.json", "/total", None),
    ]

    def test_both_reject(self):
        documents = []
        for name, where, value in self.CASES:
            doc = load(SOURCE / "tests" / "data" / "valid" / name)
            steps = [int(s) if s.isdigit() else s for s in where.split("/")[1:]]
            parent = doc
            for step in steps[:-1]:
                parent = parent[step]
            parent[steps[-1]] = value
            documents.append(doc)
        for (name, where, value), doc, (reader_ok, _) in zip(self.CASES, documents, reader_verdicts(documents)):
            with self.subTest(f"{name}: {where} = {json.dumps(value)}"):
                self.assertFalse(reader_ok, "the reader accepts it")
                self.assertTrue(schema_errors(DEFINITION, doc), "the schema accepts it")


def scored_verdicts(questionnaire, documents):
    """alliance score --format ndjson on the documents as NDJSON, one per line:
    [(valid, problems)] in order."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "responses.ndjson")
        with open(path, "w", encoding="utf-8") as out:
            for doc in documents:
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
        run = subprocess.run([ALLIANCE, "score", questionnaire, "--format", "ndjson", path], capture_output=True,
                             text=True, check=False)
        rows = [json.loads(line) for line in run.stdout.splitlines()]
        assert len(rows) == len(documents), run.stderr
        return [(row["status"] != "invalid", row["problems"]) for row in rows]


@unittest.skipIf(ALLIANCE is None, "needs the alliance binary")
class ResponseMutations(unittest.TestCase):
    """The example response document mutated like the definitions, judged by
    alliance score and by docs/response.schema.json."""

    # What the response reader does not check although docs/response-format.md and the
    # schema say so (the reader, not the schema, should change). Each entry must still be
    # a gap: when the reader learns it, remove the entry. None today.
    KNOWN_READER_GAPS: set[str] = set()

    def test_example_response(self):
        doc = load(SOURCE / "examples" / "gtb-12-response.json")
        cases = list(mutations(doc))
        verdicts = scored_verdicts(doc["questionnaire"]["id"], [d for _, d, _ in cases])
        self.assertGreater(len(cases), 40)
        for (what, mutated, kind), (reader_ok, problems) in zip(cases, verdicts):
            schema = schema_errors(RESPONSE, mutated)
            with self.subTest(what):
                if what in self.KNOWN_READER_GAPS:
                    self.assertTrue(reader_ok and schema, "no longer a gap: remove it from KNOWN_READER_GAPS")
                    continue
                if schema:
                    self.assertFalse(reader_ok, f"the schema rejects what the reader accepts: {sorted(schema)}")
                if kind == "structural":
                    self.assertFalse(reader_ok)
                    self.assertTrue(schema, f"the reader rejects ({problems}) but the schema accepts")
                elif kind == "accepted":
                    self.assertTrue(reader_ok, problems)
                    self.assertFalse(schema, sorted(schema))


class ResponseSchema(unittest.TestCase):
    def test_unknown_key_rejected_x_key_accepted(self):
        doc = load(SOURCE / "examples" / "gtb-12-response.json")
        doc["answer"] = {}
        self.assertTrue(schema_errors(RESPONSE, doc))
        del doc["answer"]
        doc["x-site"] = "Lyon"
        self.assertEqual(schema_errors(RESPONSE, doc), set())


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], *sys.argv[3:]], verbosity=2)
