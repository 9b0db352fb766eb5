#!/usr/bin/env python3
"""Hostile pages and mails of issues 16 and 17: time and peak RSS of one `omnicheck audit` (or
`email`) on each, run on this machine with nothing served over the network (folder targets).

    bench/hostile.py --omnicheck build/src/cli/omnicheck [--runs 3] [--only NAME] [--timeout 300]

Prints one row per input: median wall seconds, median peak RSS, exit status, and whether the
report was written. It reports, it does not gate; CI does not run it (some rows take minutes).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PAGE = "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>t</title></head><body>{}</body></html>"


def nested(n, tags=("div",)):
    return "".join(f"<{tags[i % len(tags)]}>" for i in range(n)) + "Tel. 030 1234567"


INPUTS = {
    "nested-div-10k": ("page", lambda: PAGE.format(nested(10000))),
    "nested-div-20k": ("page", lambda: PAGE.format(nested(20000))),
    "nested-div-200k": ("page", lambda: PAGE.format(nested(200000))),
    "nested-mixed-200k": ("page", lambda: PAGE.format(nested(200000, ("div", "span", "section", "b", "article")))),
    "nested-tables-4k": ("page", lambda: PAGE.format("<table><tr><td>" * 4000 + "x")),
    "misnested-b-i-a-20k": ("page", lambda: PAGE.format("<b><i><a href=/x>" * 20000)),
    "links-1m": ("page", lambda: PAGE.format("".join(f"<a href=/p{i}>{i}</a>" for i in range(1000000)))),
    "links-250k": ("page", lambda: PAGE.format("".join(f"<a href=/p{i}>{i}</a>" for i in range(250000)))),
    "links-200k": ("page", lambda: PAGE.format("".join(f"<a href=/p{i}>{i}</a>" for i in range(200000)))),
    "attributes-250k": ("page", lambda: PAGE.format("<div " + " ".join(f"data-a{i}=x" for i in range(250000)) + ">x</div>")),
    "price-text-4mb": ("page", lambda: PAGE.format("<p>" + " ".join(f"statt {i % 997},99 € jetzt {i % 991},49 € -{i % 90}%" for i in range(110000)) + "</p>")),
    "jsonld-1k": ("page", lambda: PAGE.format("".join(
        '<script type="application/ld+json">{"@type":"Product","name":"P%d","offers":{"price":"%d.99"}}</script>' % (i, i)
        for i in range(1000)))),
    "jsonld-nested-1m": ("page", lambda: PAGE.format(
        '<script type="application/ld+json">' + "[" * 1000000 + "]" * 1000000 + "</script>"
        '<script type="application/ld+json">' + '{"a":' * 200000 + "1" + "}" * 200000 + "</script>"
        "<p>Tel. 030 1234567</p>")),
    "mail-notices-80k": ("mail", lambda: (
        "From: Boutique <noreply@boutique-exemple.fr>\nTo: c@example.org\nSubject: Commande\n"
        "Date: Mon, 02 Sep 2024 10:00:00 +0200\nMessage-ID: <x@boutique-exemple.fr>\nMIME-Version: 1.0\n"
        "Content-Type: text/html; charset=utf-8\n\n<html><body>"
        + "<p>Merci de ne pas r&eacute;pondre &agrave; ce message.</p>\n" * 80000 + "</body></html>\n")),
    "mbox-100k-tiny": ("mbox", lambda: "".join(
        f"From shop@shop-example.de Mon Sep  2 10:00:00 2024\nFrom: Shop <noreply@shop-example.de>\n"
        f"To: c{i}@example.org\nSubject: Bestellung {i}\nDate: Mon, 02 Sep 2024 10:{i % 60:02d}:00 +0200\n"
        f"Message-ID: <m{i}@shop-example.de>\n\nDanke.\n\n" for i in range(100000))),
    "mime-deep-3k": ("mail", lambda: (
        "From: Versandhaus Brandt <noreply@versandhaus-brandt.de>\nTo: c@example.org\nSubject: Bestellung\n"
        "Date: Mon, 02 Sep 2024 10:00:00 +0200\nMessage-ID: <d@versandhaus-brandt.de>\nMIME-Version: 1.0\n"
        + "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(3000))
        + "Content-Type: text/plain; charset=utf-8\n\nBitte antworten Sie nicht auf diese E-Mail.\n"
        + "".join(f"--b{i}--\n" for i in reversed(range(3000))))),
    "mime-parts-100k": ("mail", lambda: (
        "From: Versandhaus Brandt <info@versandhaus-brandt.de>\nTo: c@example.org\nSubject: Bestellung\n"
        "Date: Mon, 02 Sep 2024 10:00:00 +0200\nMessage-ID: <w@versandhaus-brandt.de>\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="x"\n\n'
        + "".join(f"--x\nContent-Type: text/plain\n\nTeil {i}\n" for i in range(100000)) + "--x--\n")),
    "mail-date-9999": ("mail", lambda: (
        "From: Shop <info@shop-example.de>\nTo: c@example.org\nSubject: Ihre Bestellung\n"
        "Date: Fri, 31 Dec 9999 23:59:59 +0000\nMessage-ID: <y@shop-example.de>\n\nDanke.\n")),
}


def measure(binary, kind, path, timeout):
    cmd = ["/usr/bin/time", "-f", "%e %M", binary]
    cmd += (["audit", str(path), "--no-probe"] if kind == "page" else ["email", str(path)])
    out = Path(path).parent / "report.json"
    cmd += ["--format", "json", "-o", str(out), "--audit-date", "2026-12-07"]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, "timeout", False
    last = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else ""
    parts = last.split()
    secs, kb = (float(parts[0]), int(parts[1])) if len(parts) == 2 else (None, None)
    return secs, kb, p.returncode, out.exists()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--omnicheck", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", default="")
    ap.add_argument("--timeout", type=int, default=300)
    a = ap.parse_args()
    if not Path("/usr/bin/time").exists():
        sys.exit("bench/hostile.py needs /usr/bin/time (apt-get install time)")
    print(f"{'input':24} {'median s':>9} {'peak RSS MB':>12} {'exit':>5} report")
    for name, (kind, make) in INPUTS.items():
        if a.only and a.only not in name:
            continue
        with tempfile.TemporaryDirectory(prefix="omnicheck-hostile-") as tmp:
            if kind == "page":
                target = Path(tmp) / "site"
                target.mkdir()
                (target / "index.html").write_text(make(), encoding="utf-8")
            elif kind == "mbox":
                target = Path(tmp) / "box.mbox"
                target.write_text(make(), encoding="utf-8")
            else:
                target = Path(tmp) / "message.eml"
                target.write_text(make(), encoding="utf-8")
            runs = [measure(a.omnicheck, kind, target, a.timeout) for _ in range(a.runs)]
        secs = [r[0] for r in runs if r[0] is not None]
        kbs = [r[1] for r in runs if r[1] is not None]
        med = f"{statistics.median(secs):9.2f}" if secs else f"{'>' + str(a.timeout):>9}"
        rss = f"{statistics.median(kbs) / 1024:12.0f}" if kbs else f"{'-':>12}"
        print(f"{name:24} {med} {rss} {str(runs[-1][2]):>5} {'yes' if runs[-1][3] else 'no'}", flush=True)


if __name__ == "__main__":
    main()
