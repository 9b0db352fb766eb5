#!/usr/bin/env python3
"""The hostile pages and mails of issues 16 and 17 (bench/hostile.py), as a test: each audit must
end by itself, write its report, stay under a memory ceiling, and never give a verdict the
input does not support. Run by ctest on the plain build (sanitizers multiply memory and time):

    tests/hostile/hostile_test.py --omnicheck build/src/cli/omnicheck

The time and memory bounds are ceilings against runaway behaviour (minutes, gigabytes), set
several times above what bench/hostile.py measures; the numbers themselves are the bench's.
"""
import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("hostile", ROOT / "bench" / "hostile.py")
hostile = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hostile)

CEILING_SECONDS = 120
CEILING_MB = 600

# Per input: rule -> the statuses the input allows. A page cut by a budget may leave a rule
# inconclusive, never failed or passed on what was not read.
EXPECT = {
    "nested-div-10k": {"contact.phone": {"pass", "inconclusive"}},
    "nested-div-200k": {"contact.phone": {"pass", "inconclusive"}},
    "nested-mixed-200k": {"contact.phone": {"pass", "inconclusive"}},
    "nested-tables-4k": {},
    "misnested-b-i-a-20k": {},
    "links-200k": {},
    "attributes-250k": {},
    "jsonld-1k": {},
    "jsonld-nested-1m": {"contact.phone": {"pass", "inconclusive"}},
    # Struck-through reductions with no prior price: fail on what was read, never pass.
    "price-text-4mb": {"price.prior_price": {"fail", "inconclusive"}},
    # 80,000 notices: past the fact budget, the message is read in part.
    "mail-notices-80k": {"email.no_reply_notice": {"inconclusive"}},
    "mail-date-9999": {"response_time.kept": {"inconclusive", "not_applicable"}},
    # The notice 3,000 multiparts deep (GMime stops at 1,024): read in part, never a pass.
    "mime-deep-3k": {"email.no_reply_notice": {"inconclusive"}},
    "mime-parts-100k": {"email.no_reply_notice": {"inconclusive"}},
}


def run(binary, kind, target, out):
    cmd = [binary] + (["audit", str(target), "--no-probe"] if kind == "page" else ["email", str(target)])
    cmd += ["--format", "json", "-o", str(out), "--audit-date", "2026-12-07"]
    start = time.monotonic()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        # wait4 gives this child's own peak RSS (getrusage would give the largest child so far).
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > CEILING_SECONDS:
                proc.kill()
                os.wait4(proc.pid, 0)
                return None, None, "did not end within %d s" % CEILING_SECONDS
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    return proc.returncode, (time.monotonic() - start, usage.ru_maxrss / 1024), text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--omnicheck", required=True)
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    problems = []
    for name, expect in EXPECT.items():
        if a.only and a.only not in name:
            continue
        kind, make = hostile.INPUTS[name]
        with tempfile.TemporaryDirectory(prefix="omnicheck-hostile-") as tmp:
            if kind == "page":
                target = Path(tmp) / "site"
                target.mkdir()
                (target / "index.html").write_text(make(), encoding="utf-8")
            else:
                target = Path(tmp) / "message.eml"
                target.write_text(make(), encoding="utf-8")
            out = Path(tmp) / "report.json"
            code, measured, err = run(a.omnicheck, kind, target, out)
            if code is None:
                problems.append(f"{name}: {err}")
                continue
            secs, peak = measured
            line = f"{name:22} exit {code}  {secs:6.2f} s  peak RSS {peak:6.0f} MB"
            print(line, flush=True)
            if code not in (0, 1, 2):
                problems.append(f"{name}: exit {code} (a crash?): {err[-400:]}")
                continue
            if peak > CEILING_MB:
                problems.append(f"{name}: peak RSS {peak:.0f} MB over the ceiling of {CEILING_MB} MB")
            if not out.exists():
                problems.append(f"{name}: no report written")
                continue
            report = json.loads(out.read_text(encoding="utf-8"))
            status = {f["rule"]: f["status"] for f in report["findings"]}
            for rule, allowed in expect.items():
                if status.get(rule) not in allowed:
                    problems.append(f"{name}: {rule} is {status.get(rule)}, expected one of {sorted(allowed)}")
    for p in problems:
        print("FAIL " + p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
