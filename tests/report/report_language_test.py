#!/usr/bin/env python3
"""The French and German reports of the French and German fixture shops, as a reader gets them:
the HTML report looked at in headless Chromium (a screenshot of each is kept in the tests'
output), the PDF printed by Chromium (each page rendered with pdftoppm), and no English of ours in
either. Issue 14.

What "no English" means here, checked two ways on the text outside merchant quotes (the HTML marks
those translate="no"; a PDF has no marks, so only the second check applies to it):
  - no English text of ours: no literal run (20 characters or more) of any message id that the
    catalogue translates differently appears in the report;
  - no English function word ("the", "was", "could"...) outside quotes in the HTML.
Also: the report says it holds no untranslated text (target.untranslated absent), the HTML has
lang="fr"/"de", the PDF has at most 10 pages and every page renders.

usage: report_language_test.py --omnicheck BIN [--out DIR]
exit 0 all good, 1 a check failed; SKIP (exit 0) without Chromium or poppler-utils.
"""
import argparse
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASES = [("fr-maison-lumiere", "fr"), ("fr-cuisine-bleue-sav", "fr"), ("de-mueller-versand", "de"), ("de-brenner-hotline", "de")]
# English words that are no words of French or German ("page", "Link" and "was" are).
ENGLISH_WORDS = {"the", "and", "of", "is", "were", "not", "with", "this", "that", "which", "could", "has", "have",
                 "only", "every", "from", "found", "shown", "given", "its", "their", "been", "should", "would", "there",
                 "what", "when", "where", "number", "rule", "rules", "evidence", "quote", "summary", "report",
                 "checked", "applies", "apply", "none", "read", "fetched", "breach", "warning", "missing", "present"}


class VisibleText(html.parser.HTMLParser):
    """The text of the page outside translate="no" elements, <style>, <script> and <head>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.out = [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "meta", "link", "img", "input", "hr", "wbr"):
            return
        a = dict(attrs)
        skip = a.get("translate") == "no" or tag in ("style", "script", "head", "title")
        self.stack.append(skip or (self.stack[-1] if self.stack else False))

    def handle_endtag(self, tag):
        if tag in ("br", "meta", "link", "img", "input", "hr", "wbr"):
            return
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.out.append(data)


def english_runs(lang):
    """Literal runs of our English texts that the catalogue of `lang` translates differently."""
    ids = json.loads(subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "i18n"), "list", "--json"],
                                    check=True, capture_output=True, text=True).stdout)
    with open(os.path.join(ROOT, "rules", "i18n", lang + ".json"), encoding="utf-8") as f:
        tr = json.load(f)["messages"]
    runs = set()
    for entry in ids:
        msg = entry["id"]
        translation = tr.get(msg, "")
        for piece in re.split(r"\{[a-z_]+\}", msg):
            piece = piece.strip(" .,:;()")
            if len(piece) >= 20 and piece not in translation:
                runs.add(piece)
    return runs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--omnicheck", required=True)
    ap.add_argument("--out", default=os.path.join(os.getcwd(), "test-output", "report-language"))
    a = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium or not shutil.which("pdftoppm") or not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
        print("SKIP: needs chromium and poppler-utils (pdftoppm, pdftotext, pdfinfo)")
        return 0
    os.makedirs(a.out, exist_ok=True)
    failures = []
    runs = {lang: english_runs(lang) for lang in {l for _, l in CASES}}
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(tmp, "config"), OMNICHECK_BROWSER=chromium)
        for site, lang in CASES:
            name = f"{site}-{lang}"
            out_dir = os.path.join(tmp, name)
            p = subprocess.run([a.omnicheck, "audit", os.path.join(ROOT, "fixtures", "sites", site), "--no-probe", "--no-config",
                                "--lang", lang, "--format", "pdf", "--out-dir", out_dir], env=env, capture_output=True, text=True,
                               timeout=600)
            if p.returncode not in (0, 1):
                failures.append(f"{name}: omnicheck exited {p.returncode}: {p.stderr[-500:]}")
                continue
            report = json.load(open(os.path.join(out_dir, "report.json"), encoding="utf-8"))
            if report["target"].get("untranslated"):
                failures.append(f"{name}: the report lists untranslated text: {report['target']['untranslated'][:5]}")
            html_file = os.path.join(out_dir, "report.html")
            profile = os.path.join(tmp, "profile-" + name)
            base = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile]
            shot = os.path.join(a.out, name + ".png")
            subprocess.run(base + ["--window-size=1280,4000", "--screenshot=" + shot, "file://" + html_file],
                           capture_output=True, timeout=120)
            if not os.path.exists(shot) or os.path.getsize(shot) < 10000:
                failures.append(f"{name}: Chromium took no screenshot of the HTML report")
            dom = subprocess.run(base + ["--dump-dom", "file://" + html_file], capture_output=True, text=True,
                                 timeout=120).stdout
            if f'lang="{lang}"' not in dom:
                failures.append(f'{name}: the HTML does not say lang="{lang}"')
            parser = VisibleText()
            parser.feed(dom)
            ours = " ".join(parser.out)
            words = sorted({w for w in re.findall(r"[A-Za-z]+", ours) if w.lower() in ENGLISH_WORDS and w != "omnicheck"})
            if words:
                failures.append(f"{name}: English words outside quotes in the HTML: {words}")
            for run in runs[lang]:
                if run in ours:
                    failures.append(f"{name}: English text of ours in the HTML: {run!r}")
            # The PDF: at most 10 pages, each one renders, and none of our English in its text.
            pdf = os.path.join(out_dir, "report.pdf")
            shutil.copy(pdf, os.path.join(a.out, name + ".pdf"))
            info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
            pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
            if pages > 10:
                failures.append(f"{name}: the PDF has {pages} pages (at most 10 for a typical shop)")
            prefix = os.path.join(a.out, name + "-page")
            for stale in [f for f in os.listdir(a.out) if f.startswith(name + "-page")]:
                os.remove(os.path.join(a.out, stale))
            subprocess.run(["pdftoppm", "-r", "40", "-png", pdf, prefix], check=True, timeout=300)
            rendered = [f for f in os.listdir(a.out) if f.startswith(name + "-page") and f.endswith(".png")]
            if len(rendered) != pages:
                failures.append(f"{name}: pdftoppm rendered {len(rendered)} of {pages} pages")
            text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
            flat = re.sub(r"\s+", " ", text)
            heading = {"fr": "Manquements constatés", "de": "Festgestellte Verstöße"}[lang]
            if heading not in flat:
                failures.append(f"{name}: the PDF lacks the heading {heading!r}")
            for run in runs[lang]:
                if run in flat:
                    failures.append(f"{name}: English text of ours in the PDF: {run!r}")
            print(f"{name}: HTML and PDF ({pages} pages) checked; screenshots in {a.out}")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
