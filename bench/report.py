#!/usr/bin/env python3
"""Builds bench/run's table (Markdown) from its results folder.

    report.py RESULTS_DIR --runs N --omnicheck VERSION --elapsed SECONDS

RESULTS_DIR/<row>/<tool>/meta.json describes a tool (label, command, note, baseline, ...);
RESULTS_DIR/<row>/<tool>/<run>.json is one measurement from measure.py, plus numbers bench/run
added (pages, done_sites, ...). Ratios are taken between medians of the same run of bench/run.
"""
import argparse
import glob
import json
import os
import platform
import statistics


def load(res, row):
    tools = {}
    for d in sorted(glob.glob(os.path.join(res, row, "*"))):
        if not os.path.isdir(d):
            continue
        meta = json.load(open(os.path.join(d, "meta.json")))
        runs = []
        for f in sorted(glob.glob(os.path.join(d, "*.json"))):
            if os.path.basename(f) != "meta.json":
                runs.append(json.load(open(f)))
        tools[os.path.basename(d)] = (meta, runs)
    return tools


def ok_runs(runs):
    return [r for r in runs if not r.get("timed_out") and r.get("exit", 0) in (0, 1)]


def med(runs, key):
    vals = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(vals) if vals else None


def span(runs, key):
    vals = [r[key] for r in runs if r.get(key) is not None]
    return (min(vals), max(vals)) if vals else (None, None)


def fmt_s(x):
    if x is None:
        return "n/a"
    return "%.2f" % x if x < 10 else "%.1f" % x if x < 100 else "%.0f" % x


def wall_cell(runs):
    good = ok_runs(runs)
    if not good:
        bad = runs[0] if runs else {}
        return "failed (%s)" % ("timeout" if bad.get("timed_out") else "exit %s" % bad.get("exit", "?"))
    lo, hi = span(good, "wall_s")
    if len(good) == 1:
        return "%s (1 run)" % fmt_s(lo)
    return "%s (%s–%s, %d runs)" % (fmt_s(med(good, "wall_s")), fmt_s(lo), fmt_s(hi), len(good))


def cpu_cell(runs):
    good = ok_runs(runs)
    return fmt_s(med(good, "cpu_s")) if good else "n/a"


def rss_cell(runs):
    good = ok_runs(runs)
    return "%.0f" % (max(r["rss_kb"] for r in good) / 1024.0) if good else "n/a"


def verdict(ok):
    return "n/a" if ok is None else ("**met**" if ok else "**missed**")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("res")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--omnicheck", default="?")
    ap.add_argument("--elapsed", type=int, default=0)
    ap.add_argument("--planned-runs", type=int, default=5)
    ap.add_argument("--budget", type=int, default=0)
    a = ap.parse_args()

    lines = []
    notes = []
    head = ("| row | tool | wall s: median (min–max) | CPU s | peak RSS MB | result | target | |\n"
            "|---|---|---|---|---|---|---|---|")
    lines.append(head)

    def fmt_n(x):
        return "?" if x is None else "%.0f" % x

    def row_line(row, tool_meta, runs, result="", target="", ok=None):
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (row, tool_meta["label"], wall_cell(runs), cpu_cell(runs),
                                                                rss_cell(runs), result, target, verdict(ok) if target else ""))
        if tool_meta.get("note"):
            notes.append("%s / %s: %s. Command: `%s`" % (row, tool_meta["label"], tool_meta["note"], tool_meta["command"]))

    def pair(row, base_key_prefix="a_", tool_key_prefix="b_"):
        t = load(a.res, row)
        base = next(((k, v) for k, v in t.items() if k.startswith(base_key_prefix)), None)
        tool = next(((k, v) for k, v in t.items() if k.startswith(tool_key_prefix)), None)
        return base, tool

    # crawl
    base, tool = pair("crawl")
    if base and tool:
        bm, br = base[1]
        tm, tr = tool[1]
        bpages = med(ok_runs(br), "pages")
        row_line("crawl", bm, br, "%s pages" % ("%.0f" % bpages if bpages is not None else "?"))
        bw, bc = med(ok_runs(br), "wall_s"), med(ok_runs(br), "cpu_s")
        tw, tc = med(ok_runs(tr), "wall_s"), med(ok_runs(tr), "cpu_s")
        tpages = med(ok_runs(tr), "pages")
        result, ok = "failed", None
        if None not in (bw, tw) and bw > 0:
            if tm.get("project_pages"):
                scale = tm["project_pages"] / max(1.0, tpages or tm["sample_pages"])
                pw, pc = tw * scale, tc * scale
                result = ("%s pages; projected to %d pages: %s s wall, %s s CPU = **%.1f×** wget wall (CPU %.1f×)"
                          % ("%.0f" % tpages if tpages is not None else "?", tm["project_pages"], fmt_s(pw), fmt_s(pc), pw / bw, pc / max(bc, 1e-3)))
                ok = pw / bw <= 3
            else:
                result = "%s pages; **%.1f×** wget wall (CPU %.1f×)" % ("%.0f" % tpages if tpages is not None else "?", tw / bw, tc / max(bc, 1e-3))
                ok = tw / bw <= 3
        row_line("crawl", tm, tr, result, "≤ 3× wget2 wall", ok)
        eng = load(a.res, "crawl").get("c_engine")
        if eng:
            em, er = eng
            ew, ec = med(ok_runs(er), "wall_s"), med(ok_runs(er), "cpu_s")
            epages = med(ok_runs(er), "pages")
            result, ok = "failed", None
            if None not in (bw, ew) and bw > 0:
                result = "%s pages; **%.1f×** wget wall (CPU %.1f×)" % ("%.0f" % epages if epages is not None else "?", ew / bw, ec / max(bc, 1e-3))
                ok = ew / bw <= 3
            row_line("crawl", em, er, result, "≤ 3× wget2 wall", ok)

    # parse limit
    base, tool = pair("parse")
    if base and tool:
        bm, br = base[1]
        tm, tr = tool[1]
        row_line("parse", bm, br, "")
        bw, bc = med(ok_runs(br), "wall_s"), med(ok_runs(br), "cpu_s")
        tw, tc = med(ok_runs(tr), "wall_s"), med(ok_runs(tr), "cpu_s")
        result, ok = "failed", None
        if None not in (bw, tw) and bw > 0:
            pages = med(ok_runs(tr), "pages")
            result = "%s pages; overhead **%+.0f %%** wall (CPU %+.0f %%)" % (
                "%.0f" % pages if pages is not None else "?", (tw / bw - 1) * 100, (tc / max(bc, 1e-3) - 1) * 100)
            ok = tw / bw - 1 <= 0.25
        row_line("parse", tm, tr, result, "overhead ≤ 25 %", ok)

    # focused
    t = load(a.res, "focused")
    for k, (m, r) in t.items():
        good = ok_runs(r)
        pages = med(good, "pages")
        und = med(good, "undecided")
        result = "n/a" if pages is None else "**%.0f pages**%s" % (pages, "" if und is None else ", %.0f rules inconclusive" % und)
        row_line("focused", m, r, result, "≤ 15 pages", None if pages is None else pages <= 15)

    # render: the client-side shop through Chromium beside its server-rendered twin
    base, tool = pair("render")
    if base and tool:
        bm, br = base[1]
        tm, tr = tool[1]
        bw = med(ok_runs(br), "wall_s")
        row_line("render", bm, br, "%s pages, %s rendered" % (fmt_n(med(ok_runs(br), "pages")), fmt_n(med(ok_runs(br), "rendered"))))
        tw = med(ok_runs(tr), "wall_s")
        result = "%s pages, %s rendered" % (fmt_n(med(ok_runs(tr), "pages")), fmt_n(med(ok_runs(tr), "rendered")))
        if None not in (bw, tw) and bw > 0:
            result += "; **%.1f×** the twin's wall" % (tw / bw)
        row_line("render", tm, tr, result)

    # batch
    if os.path.exists(os.path.join(a.res, "batch", "unavailable")):
        lines.append("| batch | omnicheck batch | n/a (batch mode not available) | | | | ≥ 50 sites/s, < 300 MB, flat | n/a |")
    else:
        t = load(a.res, "batch")
        rates, rss = [], []
        for k, (m, r) in sorted(t.items()):
            good = ok_runs(r)
            w = med(good, "wall_s")
            n = m["sites"]
            done = med(good, "done_sites")
            rate = n / w if w else None
            peak = max(x["rss_kb"] for x in good) / 1024.0 if good else None
            rates.append(rate)
            rss.append(peak)
            pss = max((x.get("tree_pss_kb", 0) for x in good), default=0) / 1024.0
            result = "n/a" if rate is None else "**%.1f sites/s**; %s reports" % (rate, "%.0f" % done if done is not None else "?")
            if rate is not None and pss > 0:
                # Summed RSS (the verdict) counts each shared library once per worker; PSS does not.
                result += "; tree PSS %.0f MB" % pss
            ok = None if rate is None else (rate >= 50 and peak < 300)
            row_line("batch", m, r, result, "≥ 50 sites/s, < 300 MB", ok)
        if len(rates) == 2 and None not in rates and None not in rss:
            flat_rss, flat_rate = rss[1] / rss[0], rates[1] / rates[0]
            lines.append("| batch | 500 → 1,000 sites | | | ×%.2f | rate ×%.2f | RSS growth ≤ ×1.25, rate ≥ ×0.8 | %s |"
                         % (flat_rss, flat_rate, verdict(flat_rss <= 1.25 and flat_rate >= 0.8)))

    # e-mail
    base, tool = pair("email")
    if base and tool:
        bm, br = base[1]
        tm, tr = tool[1]
        row_line("e-mail", bm, br, "")
        bw, bc = med(ok_runs(br), "wall_s"), med(ok_runs(br), "cpu_s")
        tw, tc = med(ok_runs(tr), "wall_s"), med(ok_runs(tr), "cpu_s")
        result, ok = "failed", None
        if None not in (bw, tw) and tw > 0:
            result = "**%.1f× faster** wall (CPU %.1f×)" % (bw / tw, bc / max(tc, 1e-3))
            ok = bw / tw >= 10
        row_line("e-mail", tm, tr, result, "≥ 10× faster", ok)

    try:
        load1 = open("/proc/loadavg").read().split()[:3]
    except OSError:
        load1 = ["?"]
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    out = ["# omnicheck benchmark", "",
           "%s; %d round(s) of runs of the %d planned%s, tools interleaved; %s, %d cores (%s), load average at the end %s; bench took %d s."
           % (a.omnicheck, a.runs, a.planned_runs,
              " (stopped by the %d s time budget)" % a.budget if a.runs < a.planned_runs and a.budget else "",
              platform.platform(), os.cpu_count() or 0, cpu, " ".join(load1), a.elapsed), "",
           "Ratios compare medians measured in this run on this machine; absolute times depend on the machine and on",
           "what else runs on it (CPU s = user + system time of the process tree, less sensitive to other load than wall s).",
           "Peak RSS: the largest process (GNU time %M) or, if larger, the summed RSS of the process tree sampled every 50 ms.", ""]
    out += lines
    out += ["", "Notes:", ""] + ["- " + n for n in notes]
    print("\n".join(out))


if __name__ == "__main__":
    main()
