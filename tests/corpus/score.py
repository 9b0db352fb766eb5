#!/usr/bin/env python3
"""Scores omnicheck on the real-markup corpus (fixtures/corpus, issue 11).

Audits every entry with the built binary, compares the trader's facts and the verdicts with
the entry's expected.json, prints every mismatch, and exits 1 when a figure falls below the
committed thresholds (tests/corpus/thresholds.json).

    score.py --omnicheck build/src/cli/omnicheck [--rules rules] [--corpus fixtures/corpus]
             [--only SUBSTRING] [--json OUT] [--no-thresholds]

Written in Python rather than as a GoogleTest because it drives the CLI exactly as a user
does (folder target, JSON report) and its output is a table for people, not assertions.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import tempfile
import sys
import unicodedata
from pathlib import Path

FACT_TYPES = ["names", "addresses", "register_ids", "phones", "emails"]


def fold(s):
    s = unicodedata.normalize("NFKC", s or "").replace("\u00ad", "")
    s = re.sub(r"\s+", " ", s).strip().strip(" ,.;:").casefold()
    return s.replace("\u2019", "'")


def alnum(s):
    return re.sub(r"[^0-9A-Za-z]", "", unicodedata.normalize("NFKC", s or "")).upper()


def digits(s):
    return re.sub(r"\D", "", s or "")


def name_key(s):
    s = fold(s)
    s = re.sub(r"^[\"'«»„“”]+|[\"'«»„“”]+$", "", s)
    # A leading article is ambiguous on the page (the sentence's or the name's: "La Droguerie
    # Lyonnaise SARL", "Die Laden GmbH"); the tool may keep or drop it, the name is the same.
    s = re.sub(r"^(?:la|le|les|l'|l’|il|lo|el|los|las|die|der|das|the|het|de) (?=\S)", "", s)
    return s


LEGAL_FORMS = []  # folded, longest first; filled from the lexicons in main()


def name_base(s):
    """A legal name without its legal form, for comparing "Maison Lumière, société par actions
    simplifiée" with "Maison Lumière SAS": letters and digits only, folded."""
    k = name_key(s)
    changed = True
    while changed:
        changed = False
        for f in LEGAL_FORMS:
            for cand in (k,):
                t = re.sub(r"[\s,()]+$", "", cand)
                if t.endswith(f) and (len(t) == len(f) or not t[-len(f) - 1].isalnum()):
                    k = t[: -len(f)]
                    changed = True
                    break
                if t.startswith(f) and len(t) > len(f) and not t[len(f)].isalnum():
                    k = t[len(f):]
                    changed = True
                    break
            if changed:
                break
    return re.sub(r"[^0-9a-z\u00c0-\u024f]", "", k)


def addr_key(postcode, town):
    # "L-2449", "D-10115", "CZ-110 00", "SE-111 22": the country prefix is no part of the code.
    postcode = re.sub(r"^\s*[A-Za-z]{1,2}\s*-\s*(?=\d)", "", postcode or "")
    town = fold(town)
    town = re.sub(r"\s*\(.*$", "", town)  # "Paris (75)" / "Berlin (Mitte)"
    town = re.sub(r"\s+cedex.*$", "", town)
    return (alnum(postcode), town)


def addr_match(tool, exp):
    (tp, tt), (ep, et) = tool, exp
    if not tp and not ep:  # an address without a postcode (Irish towns without their Eircode)
        return bool(tt) and tt == et
    if not tp or tp != ep:
        return False
    return tt == et or tt.startswith(et) or et.startswith(tt)


def id_match(tool, exp):
    # Compared on digits, then on letters and digits: "HRB 12345 B" (expected, label included)
    # matches the tool's "12345"; "FN 123456a" matches "123456a".
    td, ed = digits(tool), digits(exp)
    if td and td == ed:
        return True
    ta, ea = alnum(tool), alnum(exp)
    return bool(ta) and (ta == ea or (len(ta) >= 6 and ea.endswith(ta)))


def is_trader(f):
    return bool(f.get("visible", False)) and not f.get("third_party", False)


def tool_values(report):
    """The trader's facts as the report gives them: {type: [(key, shown, fact)]}."""
    facts = report.get("facts", {})
    out = {t: [] for t in FACT_TYPES}
    for f in facts.get("legal_names", []):
        if is_trader(f):
            out["names"].append(((name_key(f.get("value", "")), name_base(f.get("value", ""))), f.get("value", ""), f))
    for f in facts.get("addresses", []):
        if is_trader(f):
            out["addresses"].append((addr_key(f.get("postcode", ""), f.get("town", "")), f.get("value", ""), f))
    for f in facts.get("register_ids", []):
        if is_trader(f):
            out["register_ids"].append((f.get("number") or f.get("value", ""), f.get("value", ""), f))
    for f in facts.get("phones", []):
        if is_trader(f) and not f.get("fax", False):
            out["phones"].append((f.get("e164", ""), f.get("value", ""), f))
    for f in facts.get("emails", []):
        # A no-reply address is the trader's but no way to reach it: the tool reports it with
        # noreply=true and the rules never count it; expected.json lists only the reachable ones.
        if is_trader(f) and not f.get("noreply", False):
            out["emails"].append((fold(f.get("value", "")), f.get("value", ""), f))
    # One fact per distinct value: the same name on five pages is one fact.
    for t in FACT_TYPES:
        seen, uniq = set(), []
        for item in out[t]:
            k = json.dumps(item[0], ensure_ascii=False)
            if k in seen:
                continue
            seen.add(k)
            uniq.append(item)
        out[t] = uniq
    return out


def expected_values(block):
    """Expected facts of a party: {type: [list of accepted keys per item]}."""
    out = {t: [] for t in FACT_TYPES}
    names = block.get("names", [])
    if names:
        out["names"].append([(name_key(n), name_base(n)) for n in names])
    for a in block.get("addresses", []):
        out["addresses"].append([addr_key(a.get("postcode", ""), a.get("town", ""))])
    for r in block.get("register_ids", []):
        out["register_ids"].append([r])
    for p in block.get("phones", []):
        out["phones"].append(["+" + digits(p)])
    for e in block.get("emails", []):
        out["emails"].append([fold(e)])
    return out


def matches(kind, tool_key, exp_key):
    if kind == "names":
        return tool_key[0] == exp_key[0] or (bool(tool_key[1]) and tool_key[1] == exp_key[1])
    if kind == "addresses":
        return addr_match(tool_key, exp_key)
    if kind == "register_ids":
        return id_match(tool_key, exp_key)
    return tool_key == exp_key


def run_audit(binary, rules, site, audit_date):
    cmd = [binary, "audit", str(site), "--no-probe", "--format", "json", "--audit-date", audit_date]
    if rules:
        cmd += ["--rules", rules]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"{site}: omnicheck exited {p.returncode}: {p.stderr.strip()[:400]}")
    return json.loads(p.stdout)


def served_site(entry_dir, exp, tmp):
    """The folder to audit. A notice entry's page lives at `page_path` on the merchant's site (its
    menu links to itself there, as "Impressum" on /impressum/ does); it is stored once as
    site/index.html and served at both places, so its self-link resolves as it does online."""
    site = entry_dir / "site"
    path = exp.get("page_path", "").strip("/")
    if not path:
        return site
    served = Path(tmp) / "site"
    shutil.copytree(site, served)
    target = served / path if path.endswith((".html", ".htm")) else served / path / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(site / "index.html", target)
    return served


def score_entry(entry_dir, binary, rules):
    exp = json.loads((entry_dir / "expected.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="omnicheck-corpus-") as tmp:
        report = run_audit(binary, rules, served_site(entry_dir, exp, tmp), exp.get("audit_date", "2026-12-07"))
    res = {"id": exp.get("id", entry_dir.name), "kind": entry_dir.parent.name, "mismatches": [],
           "counts": {t: {"tp": 0, "fp": 0, "expected": 0, "found": 0} for t in FACT_TYPES},
           "verdicts": {"right": 0, "wrong": 0, "false_pass": 0, "false_fail": 0}, "country_ok": None}
    tool = tool_values(report)
    trader = expected_values(exp.get("trader", {}))
    thirds = [(tp.get("party", "unknown"), expected_values(tp)) for tp in exp.get("third_parties", [])]
    not_facts = [s for s in exp.get("not_facts", [])]
    mism = res["mismatches"]

    for t in FACT_TYPES:
        c = res["counts"][t]
        for key, shown, fact in tool[t]:
            ok = any(matches(t, key, k) for item in trader[t] for k in item)
            if ok:
                c["tp"] += 1
                continue
            c["fp"] += 1
            why = "not the trader's"
            for party, vals in thirds:
                if any(matches(t, key, k) for item in vals[t] for k in item):
                    why = f"wrong party: the {party}'s"
                    break
            else:
                raw = fact.get("raw", shown) or shown
                for nf in not_facts:
                    if nf and (nf in raw or nf in shown):
                        why = f"not a {t[:-1]}: '{nf}'"
                        break
                if t == "phones" and any(("+" + digits(x)) == key for x in exp.get("trader", {}).get("faxes", [])):
                    why = "a fax taken for a phone"
            page = fact.get("page_url", "")
            mism.append(f"{t}: extra {shown!r} ({why}) on {page}")
        for item in trader[t]:
            c["expected"] += 1
            if any(matches(t, key, k) for key, _, _ in tool[t] for k in item):
                c["found"] += 1
            else:
                shown = item[0][0] if t == "names" else item[0]
                mism.append(f"{t}: missed {shown!r}")

    audit = report.get("facts", {}).get("audit", {})
    want_cc = exp.get("country", "")
    if want_cc:
        got_cc = audit.get("country", "")
        res["country_ok"] = got_cc == want_cc
        if got_cc != want_cc:
            mism.append(f"country: {got_cc or '(none)'} ({audit.get('country_source', '')}), expected {want_cc}")

    status = {f["rule"]: f["status"] for f in report.get("findings", [])}
    for rule, want in exp.get("verdicts", {}).items():
        got = status.get(rule, "(missing)")
        v = res["verdicts"]
        if got == want:
            v["right"] += 1
            continue
        v["wrong"] += 1
        tag = ""
        if got == "pass":
            v["false_pass"] += 1
            tag = "  <-- FALSE PASS"
        elif got == "fail":
            v["false_fail"] += 1
            tag = "  <-- false fail"
        msg = next((f.get("message", "") for f in report.get("findings", []) if f["rule"] == rule), "")
        mism.append(f"verdict {rule}: {got}, expected {want}{tag} — {msg[:160]}")
    return res


def pct(a, b):
    return 100.0 * a / b if b else 100.0


def main():
    ap = argparse.ArgumentParser()
    here = Path(__file__).resolve().parent
    ap.add_argument("--omnicheck", required=True)
    ap.add_argument("--rules", default=str(here.parent.parent / "rules"))
    ap.add_argument("--corpus", default=str(here.parent.parent / "fixtures" / "corpus"))
    ap.add_argument("--thresholds", default=str(here / "thresholds.json"))
    ap.add_argument("--only", default="")
    ap.add_argument("--json", default="")
    ap.add_argument("--no-thresholds", action="store_true")
    ap.add_argument("--forms-from", default="", help="rules folder whose lexicons' legal forms the name comparison strips "
                    "(default: --rules); set it to compare two versions with one yardstick")
    ap.add_argument("--quiet", action="store_true", help="mismatches only, no per-entry lines")
    args = ap.parse_args()

    forms = set()
    for lex in Path(args.forms_from or args.rules, "lexicon").glob("*.json"):
        try:
            forms.update(fold(f) for f in json.loads(lex.read_text(encoding="utf-8")).get("legal_forms", []))
        except (ValueError, AttributeError):
            pass
    LEGAL_FORMS.extend(sorted((f for f in forms if f), key=len, reverse=True))
    corpus = Path(args.corpus)
    entries = sorted(p for kind in ("shops", "notices") for p in (corpus / kind).glob("*/") if (p / "expected.json").exists())
    entries = [e for e in entries if args.only in e.name]
    if not entries:
        print(f"no corpus entries under {corpus}", file=sys.stderr)
        return 2
    jobs = max(1, min(4, os.cpu_count() or 1))
    results, errors = [], []
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        futs = {pool.submit(score_entry, e, args.omnicheck, args.rules): e for e in entries}
        for fut in concurrent.futures.as_completed(futs):
            try:
                results.append(fut.result())
            except Exception as ex:  # an entry that cannot be audited is reported, not skipped silently
                errors.append(f"{futs[fut].name}: {ex}")
    results.sort(key=lambda r: (r["kind"], r["id"]))

    for r in results:
        if r["mismatches"]:
            print(f"== {r['kind']}/{r['id']}: {len(r['mismatches'])} mismatch(es)")
            for m in r["mismatches"]:
                print("   " + m)
        elif not args.quiet:
            print(f"== {r['kind']}/{r['id']}: ok")
    for e in errors:
        print("ERROR " + e)

    total = {t: {"tp": 0, "fp": 0, "expected": 0, "found": 0} for t in FACT_TYPES}
    v = {"right": 0, "wrong": 0, "false_pass": 0, "false_fail": 0}
    cc_ok = cc_n = 0
    for r in results:
        for t in FACT_TYPES:
            for k in total[t]:
                total[t][k] += r["counts"][t][k]
        for k in v:
            v[k] += r["verdicts"][k]
        if r["country_ok"] is not None:
            cc_n += 1
            cc_ok += 1 if r["country_ok"] else 0
    summary = {"entries": len(results), "errors": len(errors), "facts": {}, "verdicts": dict(v),
               "verdict_accuracy": round(pct(v["right"], v["right"] + v["wrong"]), 2),
               "country": {"right": cc_ok, "of": cc_n}}
    print()
    print(f"{'fact type':<14} {'precision':>10} {'recall':>10}   (tool facts / right; expected / found)")
    for t in FACT_TYPES:
        c = total[t]
        p, rc = pct(c["tp"], c["tp"] + c["fp"]), pct(c["found"], c["expected"])
        summary["facts"][t] = {"precision": round(p, 2), "recall": round(rc, 2), **c}
        print(f"{t:<14} {p:>9.1f}% {rc:>9.1f}%   ({c['tp'] + c['fp']} / {c['tp']}; {c['expected']} / {c['found']})")
    print(f"verdicts: {v['right']} right of {v['right'] + v['wrong']} = {summary['verdict_accuracy']:.1f}%;"
          f" false pass {v['false_pass']}, false fail {v['false_fail']}")
    print(f"trader country right on {cc_ok} of {cc_n} entries")
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2) + "\n")

    failed = bool(errors)
    if not args.no_thresholds and not args.only:
        th = json.loads(Path(args.thresholds).read_text())
        below = []
        if summary["entries"] < th.get("min_entries", 0):
            below.append(f"entries {summary['entries']} < {th['min_entries']}")
        if summary["verdict_accuracy"] < th["verdict_accuracy"]:
            below.append(f"verdict accuracy {summary['verdict_accuracy']} < {th['verdict_accuracy']}")
        if v["false_pass"] > th["max_false_pass"]:
            below.append(f"false passes {v['false_pass']} > {th['max_false_pass']}")
        if cc_n - cc_ok > th["max_country_wrong"]:
            below.append(f"wrong country on {cc_n - cc_ok} > {th['max_country_wrong']}")
        for t in FACT_TYPES:
            for m in ("precision", "recall"):
                if summary["facts"][t][m] < th[m][t]:
                    below.append(f"{t} {m} {summary['facts'][t][m]} < {th[m][t]}")
        for b in below:
            print("BELOW THRESHOLD: " + b)
        failed = failed or bool(below)
    n = len(results)
    bad = sum(1 for r in results if r["mismatches"])
    print(f"corpus: {n} entries, {n - bad} in full agreement, {bad} with a mismatch")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
