#!/usr/bin/env python3
"""Scores `omnicheck email` on the mailbox corpus (fixtures/corpus/mail/<id>/): each entry holds
its messages under mail/ (.eml files, one mbox file, or a Maildir) and an expected.json with the
verdicts a careful reader gives for the e-mail and thread rules the messages decide:

    {"id": "...", "language": "fr", "audit_date": "2026-12-07",
     "options": {"customers": ["client@example.org"], "trader_domains": []},
     "verdicts": {"email.no_reply_sender": "fail", ...}, "notes": "..."}

Prints every mismatch (false passes marked loudly), the verdict accuracy, and exits 1 when it is
below --min-accuracy or when any false pass remains above --max-false-pass."""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

RANK = {"pass": 0, "not_applicable": 0, "inconclusive": 1, "warn": 2, "fail": 3}


def mail_path(entry: Path) -> Path:
    mail = entry / "mail"
    files = [p for p in mail.iterdir() if p.is_file()]
    if (mail / "cur").is_dir() or (mail / "new").is_dir():
        return mail  # a Maildir
    if len(files) == 1 and files[0].suffix in (".mbox", ".mbx", "") and not files[0].name.endswith(".eml"):
        return files[0]
    return mail


def audit(binary: str, entry: Path, expected: dict, rules: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="omnicheck-mailcorpus-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = [binary, "email", str(mail_path(entry)), "--format", "json", "-o", str(out),
               "--audit-date", expected.get("audit_date", "2026-12-07"), "--rules", rules]
        opts = expected.get("options", {})
        for c in opts.get("customers", []):
            cmd += ["--customer", c]
        for d in opts.get("trader_domains", []):
            cmd += ["--trader-domain", d]
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        if not out.exists():
            raise RuntimeError(f"{entry.name}: omnicheck exited {p.returncode}: {p.stderr.strip()[:400]}")
        return json.loads(out.read_text(encoding="utf-8"))


def main() -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser()
    ap.add_argument("--omnicheck", required=True)
    ap.add_argument("--corpus", default=str(here.parent.parent / "fixtures" / "corpus" / "mail"))
    ap.add_argument("--rules", default=str(here.parent.parent / "rules"))
    ap.add_argument("--only", default="")
    ap.add_argument("--min-accuracy", type=float, default=0.0)
    ap.add_argument("--max-false-pass", type=int, default=1 << 30)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    entries = sorted(p for p in Path(a.corpus).iterdir() if (p / "expected.json").exists() and a.only in p.name)
    right = total = false_pass = false_fail = 0
    for entry in entries:
        expected = json.loads((entry / "expected.json").read_text(encoding="utf-8"))
        report = audit(a.omnicheck, entry, expected, a.rules)
        got = {f["rule"]: f for f in report.get("findings", [])}
        lines = []
        for rule, want in expected.get("verdicts", {}).items():
            total += 1
            have = got.get(rule, {}).get("status", "(missing)")
            if have == want:
                right += 1
                continue
            mark = ""
            if have == "pass" and RANK.get(want, 0) >= 2:
                false_pass += 1
                mark = "  <-- FALSE PASS"
            elif have == "fail" and RANK.get(want, 3) <= 1:
                false_fail += 1
                mark = "  <-- false fail"
            lines.append(f"   verdict {rule}: {have}, expected {want}{mark} — {got.get(rule, {}).get('message', '')[:220]}")
        if lines or not a.quiet:
            print(f"== {entry.name}: " + (f"{len(lines)} mismatch(es)" if lines else "ok"))
            for line in lines:
                print(line)
    accuracy = 100.0 * right / total if total else 100.0
    print(f"mail verdicts: {right} right of {total} = {accuracy:.1f}%; false pass {false_pass}, false fail {false_fail}")
    print(f"mail corpus: {len(entries)} entries")
    if accuracy < a.min_accuracy or false_pass > a.max_false_pass:
        print("below the committed figures", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
