#!/usr/bin/env python3
"""alliance report in a real browser: headless Chromium (Debian's chromium).

Usage: chromium_test.py ALLIANCE_BIN SOURCE_DIR [--update-screenshot]

Makes two reports from examples/ (an English caseload of SRS sessions, and a French GTB-12 report
with the therapist's form), opens each in headless Chromium and checks:
  - no console message (a script error, a blocked fetch: Chromium logs both as CONSOLE);
  - no network request from the page (Chromium's NetLog: requests whose isolation key is the page's
    file:// origin) — and a control page that does fetch is caught by both checks, so they can fail;
  - the DOM as Chromium parsed it: as many charts, points, rupture and repair marks and gaps as
    `alliance trend --format json` gives flags and scores (computed there, not read off the report),
    every chart named (role=img, aria-labelledby a <title> and a <desc>), every figure captioned;
  - a screenshot at desktop (1280x900) and phone (390x844) width, and a PDF print on A4, one client
    a page at least.
--update-screenshot rewrites docs/report-screenshot.png, the README's picture, from the README's own
command. Exit 77 (SKIPPED, with the reason) when Chromium is missing or cannot start.
"""
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

SKIP = 77
EPOCH = "1767622953"  # 2026-01-05T14:22:33Z: the same bytes every run


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def chromium_command():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    def __init__(self, binary, work):
        self.binary = binary
        self.work = work
        self.runs = 0

    def run(self, url, *extra, netlog=None):
        self.runs += 1
        profile = tempfile.mkdtemp(dir=self.work)
        args = [self.binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                # Nothing can leave the machine, whatever the page asks.
                "--host-resolver-rules=MAP * ~NOTFOUND"]
        if netlog:
            args.append("--log-net-log=" + netlog)
        done = subprocess.run(args + list(extra) + [url], capture_output=True, text=True, timeout=120)
        return done


def console_messages(stderr):
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def page_requests(netlog_path):
    """URLs the page (a file:// origin) asked the network for."""
    with open(netlog_path, encoding="utf-8") as f:
        log = json.load(f)
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    urls = []
    for event in log["events"]:
        params = event.get("params") or {}
        if names.get(event["type"]) == "URL_REQUEST_START_JOB" and \
                str(params.get("network_isolation_key", "")).startswith("file://"):
            urls.append(params.get("url"))
    return urls


class Dom(html.parser.HTMLParser):
    """Counts elements by tag and class, and keeps what the accessibility checks need."""

    def __init__(self):
        super().__init__()
        self.elements = []  # (tag, classes, attrs)
        self.ids = {}       # id -> tag
        self.stack = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, set((a.get("class") or "").split()), a, [t for t, _ in self.stack]))
        if "id" in a:
            self.ids[a["id"]] = tag
        if tag not in ("meta", "br", "img", "input", "link", "hr", "col", "source", "wbr", "area", "base"):
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        while self.stack:
            top, _ = self.stack.pop()
            if top == tag:
                break

    def count(self, tag, *classes):
        return sum(1 for t, c, _, _ in self.elements if t == tag and set(classes) <= c)

    def count_in_figures(self, tag, *classes):  # the charts', not the legend's
        return sum(1 for t, c, _, up in self.elements if t == tag and set(classes) <= c and "figure" in up)


def check_dom(dom_text, expected, name):
    dom = Dom()
    dom.feed(dom_text)
    charts = [(c, a) for t, c, a, _ in dom.elements if t == "svg" and a.get("role") == "img"]
    checks = {
        "charts": (len(charts), expected["charts"]),
        "client points": (sum(1 for t, c, a, up in dom.elements
                              if t == "circle" and "pt" in c and "svg" in up and a.get("data-session") is not None),
                          expected["points"]),
        "rupture marks": (sum(1 for t, c, a, _ in dom.elements
                              if t == "path" and {"mark", "rupture"} <= c and "data-session" in a),
                          expected["ruptures"]),
        "repair marks": (sum(1 for t, c, a, _ in dom.elements
                             if t == "path" and {"mark", "repair"} <= c and "data-session" in a),
                         expected["repairs"]),
        "gaps": (dom.count_in_figures("g", "gap"), expected["gaps"]),
        "score tables": (dom.count("table", "scores"), expected["clients"]),
    }
    if "therapist_lines" in expected:
        checks["therapist series"] = (dom.count_in_figures("g", "therapist"), expected["therapist_lines"])
    for what, (got, want) in checks.items():
        if got != want:
            fail(f"{name}: {got} {what} in Chromium's DOM, expected {want}")
    for _, a in charts:
        for ref in a.get("aria-labelledby", "").split():
            if dom.ids.get(ref) not in ("title", "desc"):
                fail(f"{name}: a chart's aria-labelledby names {ref!r}, which is no <title> or <desc>")
        if len(a.get("aria-labelledby", "").split()) != 2:
            fail(f"{name}: a chart without a title and a description")
    if dom.count("figure") != dom.count("figcaption"):
        fail(f"{name}: a figure without a caption")
    if any(t == "th" and "scope" not in a for t, _, a, _ in dom.elements):
        fail(f"{name}: a table header without scope")
    # No URL anywhere: links go to the page's own anchors; nothing has a src.
    for t, _, a, _ in dom.elements:
        for attr in ("src", "href", "xlink:href", "action", "data", "poster"):
            value = a.get(attr)
            if value is not None and not (attr == "href" and value.startswith("#")):
                fail(f"{name}: <{t} {attr}={value!r}> refers to something outside the page")
    if re.search(r"url\(|@import|https?:", dom_text.replace('xmlns="http://www.w3.org/2000/svg"', "")):
        fail(f"{name}: the page names a URL")
    return len(charts)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path}: not a PNG")
    return struct.unpack(">II", head[16:24])


def trend_records(alliance, args, cwd):
    run = subprocess.run([alliance, "trend"] + args + ["--format", "json"], capture_output=True, text=True,
                         cwd=cwd)
    clients = {}
    for r in json.loads(run.stdout)["sessions"]:
        clients.setdefault(r["respondent"], []).append(r)
    return clients


def expected_from_trend(alliance, args, cwd, scales, therapist_args=None):
    """Charts, points, marks and gaps as trend computes them: a gap for each session without a score,
    and for each session number, between the first and the last of the client's and the therapist's,
    that the client has no response for."""
    clients = trend_records(alliance, args, cwd)
    therapist = trend_records(alliance, therapist_args, cwd) if therapist_args else {}
    e = {"clients": len(clients), "charts": len(clients) * scales, "points": 0, "ruptures": 0, "repairs": 0,
         "gaps": 0}
    for sessions in clients.values():
        numbers = [s["session"] for s in sessions]
        placed = numbers + [s["session"] for s in therapist.get(sessions[0]["respondent"], [])]
        missing = 0
        if all(n is not None for n in placed):
            missing = (max(placed) - min(placed) + 1) - len(set(numbers))
        for scale, _ in sessions[0]["scales"].items():
            scored = [s for s in sessions if s["scales"][scale]["score"] is not None]
            e["points"] += len(scored)
            e["gaps"] += missing + len(sessions) - len(scored)
        for s in sessions:
            e["ruptures"] += sum(1 for f in s["flags"] if f.endswith(":rupture"))
            e["repairs"] += sum(1 for f in s["flags"] if f.endswith(":repair"))
    return e


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    alliance, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    update = "--update-screenshot" in sys.argv[3:]
    binary = chromium_command()
    if not binary:
        print("SKIPPED: chromium is not installed (scripts/setup.sh installs Debian's chromium package)")
        return SKIP
    work = tempfile.mkdtemp(prefix="alliance-report-")
    try:
        browser = Browser(binary, work)
        probe = browser.run("about:blank", "--dump-dom")
        if probe.returncode != 0:
            print("SKIPPED: chromium cannot start here: " + (probe.stderr.strip().splitlines() or ["?"])[-1])
            return SKIP
        env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)

        def make(args, out):
            run = subprocess.run([alliance, "report"] + args + ["-o", out], capture_output=True, text=True,
                                 cwd=source, env=env)
            if run.returncode != 0:
                fail(f"alliance report {' '.join(args)}: exit {run.returncode}: {run.stderr}")
            return "file://" + out

        # The README's command.
        srs_args = ["srs", "examples/srs-sessions.ndjson", "--sd", "total=4", "--retest-r", "total=0.8"]
        caseload = make(srs_args, os.path.join(work, "report.html"))
        if update:
            target = os.path.join(source, "docs", "report-screenshot.png")
            browser.run(caseload, "--screenshot=" + target, "--window-size=1000,1500", "--hide-scrollbars")
            print(f"wrote {target} ({os.path.getsize(target)} bytes)")
            return 0

        # The checks can fail: a control page fetches a style sheet (a network request) and is refused
        # an image by its own Content-Security-Policy (a console message).
        control = os.path.join(work, "control.html")
        with open(control, "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" '
                    'content="img-src \'none\'"><link rel="stylesheet" href="http://198.51.100.7/s.css">'
                    '<title>c</title></head><body><img src="http://198.51.100.7/x.png" alt=""></body></html>')
        netlog = os.path.join(work, "control-net.json")
        run = browser.run("file://" + control, "--dump-dom", netlog=netlog)
        if not page_requests(netlog) or not console_messages(run.stderr):
            fail("the control page's fetch went unseen: the network or console check is blind")

        gtb_args = ["gtb-12", "examples/gtb-12-sessions.ndjson"]
        french = make(gtb_args + ["--therapist", "gtb-12-t", "examples/gtb-12-t-sessions.csv", "--lang", "fr"],
                      os.path.join(work, "fr.html"))
        pages = [
            ("SRS caseload", caseload, expected_from_trend(alliance, srs_args, source, 5)),
            ("GTB-12 with the therapist's form, in French", french,
             dict(expected_from_trend(alliance, gtb_args, source, 4, ["gtb-12-t", "examples/gtb-12-t-sessions.csv"]),
                  therapist_lines=12)),
        ]
        for name, url, expected in pages:
            netlog = os.path.join(work, "net.json")
            run = browser.run(url, "--dump-dom", netlog=netlog)
            if run.returncode != 0:
                fail(f"{name}: chromium exit {run.returncode}: {run.stderr[-500:]}")
            messages = console_messages(run.stderr)
            if messages:
                fail(f"{name}: console messages:\n" + "\n".join(messages))
            requests = page_requests(netlog)
            if requests:
                fail(f"{name}: the page made network requests: {requests}")
            charts = check_dom(run.stdout, expected, name)
            print(f"ok: {name}: {charts} charts, {expected['points']} points, {expected['ruptures']} ruptures, "
                  f"{expected['repairs']} repairs, {expected['gaps']} gaps; no console message, no request")

        for label, size in (("desktop", (1280, 900)), ("phone", (390, 844))):
            shot = os.path.join(work, label + ".png")
            run = browser.run(caseload, f"--screenshot={shot}", f"--window-size={size[0]},{size[1]}",
                              "--hide-scrollbars")
            if run.returncode != 0 or not os.path.exists(shot):
                fail(f"{label} screenshot: chromium exit {run.returncode}: {run.stderr[-500:]}")
            if png_size(shot) != size:
                fail(f"{label} screenshot is {png_size(shot)}, expected {size}")
            print(f"ok: {label} screenshot {size[0]}x{size[1]}, {os.path.getsize(shot)} bytes")

        pdf = os.path.join(work, "report.pdf")
        run = browser.run(caseload, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
        if run.returncode != 0 or not os.path.exists(pdf):
            fail(f"PDF print: chromium exit {run.returncode}: {run.stderr[-500:]}")
        with open(pdf, "rb") as f:
            data = f.read()
        pages_printed = len(re.findall(rb"/Type\s*/Page(?!s)", data))
        a4 = re.search(rb"/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]", data)
        if not data.startswith(b"%PDF-") or not a4:
            fail("the PDF is not an A4 PDF")
        # The caseload, one page per client (3), the parameters: 5 pages at least.
        if pages_printed < 5:
            fail(f"the PDF has {pages_printed} pages: the print stylesheet puts each client on its own page")
        print(f"ok: PDF on A4, {pages_printed} pages, {len(data)} bytes ({browser.runs} Chromium runs)")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
