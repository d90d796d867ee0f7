#!/usr/bin/env python3
"""claimlint against quantulum3 on the same text: throughput and recall.

    python3 benches/quantulum3_compare.py

Creates a virtual environment in target/quantulum3-venv on first use (pip
install of pinned quantulum3 and PyYAML; quantulum3 runs without its optional
classifier), builds claimlint and the corpus example in release mode, and
measures on one thread:

- throughput (MB/s) of quantulum3's `parser.parse` and of
  `claimlint claims --format json` on the seeds and on a 1 MB slice of the
  generated corpus (claimlint's figure is the median of five runs of the
  process, start included, its JSON read by no one);
- recall on the hand-made gold of tests/gold/, restricted to money, percent,
  count and measure: a gold quantity is found by a tool when the tool
  reports a quantity whose span overlaps it and whose value is equal (to
  one part in a million).
"""

import glob
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "target", "quantulum3-venv")
PACKAGES = ["quantulum3==0.9.2", "PyYAML==6.0.2"]
CLAIMLINT = os.path.join(ROOT, "target", "release", "claimlint")
CORPUS = os.path.join(ROOT, "target", "quantulum3-corpus")
KINDS = ("money", "percent", "count", "measure")
SLICE = 1_000_000


def ensure_venv():
    """Re-runs this script inside the virtual environment, making it if needed."""
    python = os.path.join(VENV, "bin", "python")
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", *PACKAGES], check=True)
    os.execv(python, [python, *sys.argv])


def build():
    cargo = ["cargo", "build", "--release", "--quiet"]
    subprocess.run(cargo, cwd=ROOT, check=True)
    subprocess.run(cargo + ["--example", "corpus"], cwd=ROOT, check=True)
    if not os.path.isdir(CORPUS):
        example = os.path.join(ROOT, "target", "release", "examples", "corpus")
        subprocess.run([example, "--articles", "600", "--out", CORPUS, "--seed", "1"], check=True)


def corpus_slice():
    """The first generated articles, about SLICE bytes in all."""
    files, size = [], 0
    for path in sorted(glob.glob(os.path.join(CORPUS, "*", "*.md"))):
        if size >= SLICE:
            break
        files.append(path)
        size += os.path.getsize(path)
    return files


def claimlint_json(files):
    return subprocess.run(
        [CLAIMLINT, "--threads", "1", "claims", "--format", "json", *files],
        capture_output=True,
        check=True,
    ).stdout


def claimlint_claims(files):
    return json.loads(claimlint_json(files))["claims"]


def seconds_of_claimlint(files, runs=5):
    """The median wall time of `runs` runs of the process."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        claimlint_json(files)
        times.append(time.perf_counter() - started)
    return sorted(times)[runs // 2]


def throughput(files, parser):
    size = sum(os.path.getsize(f) for f in files)
    texts = [open(f, encoding="utf-8").read() for f in files]
    parser.parse("a warm-up of 1 metre")  # loads quantulum3's unit tables
    started = time.perf_counter()
    for text in texts:
        parser.parse(text)
    quantulum = size / (time.perf_counter() - started) / 1e6
    claimlint = size / seconds_of_claimlint(files) / 1e6
    return size, quantulum, claimlint


def same_value(a, b):
    return isinstance(a, (int, float)) and abs(a - b) <= 1e-6 * max(abs(b), 1.0)


def gold_quantities(path, yaml):
    """(kind, start, end, value) in characters of the article's text."""
    gold = yaml.safe_load(open(path, encoding="utf-8"))
    text = open(os.path.join(ROOT, gold["file"]), encoding="utf-8").read()
    out = []
    for claim in gold["claims"]:
        if claim["kind"] not in KINDS or not isinstance(claim.get("value"), (int, float)):
            continue
        at = -1
        for _ in range(claim.get("occurrence", 1)):
            at = text.index(claim["text"], at + 1)
        out.append((claim["kind"], at, at + len(claim["text"]), float(claim["value"])))
    return gold["file"], text, out


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def recall(parser, yaml):
    found = {tool: {k: 0 for k in KINDS} for tool in ("quantulum3", "claimlint")}
    total = {k: 0 for k in KINDS}
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "gold", "*.yaml"))):
        file, text, golds = gold_quantities(path, yaml)
        raw = text.encode("utf-8")
        chars = lambda byte: len(raw[:byte].decode("utf-8"))
        ours = [
            ((chars(c["start"]), chars(c["end"])), c["value"])
            for c in claimlint_claims([os.path.join(ROOT, file)])
            if c["kind"] in KINDS
        ]
        theirs = [(q.span, q.value) for q in parser.parse(text)]
        for kind, start, end, value in golds:
            total[kind] += 1
            for tool, quantities in (("claimlint", ours), ("quantulum3", theirs)):
                if any(overlaps(span, (start, end)) and same_value(v, value) for span, v in quantities):
                    found[tool][kind] += 1
    return found, total


def main():
    ensure_venv()
    import warnings

    warnings.filterwarnings("ignore")
    import yaml
    from quantulum3 import parser

    build()
    seeds = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    rows = [("seeds", *throughput(seeds, parser)), ("corpus slice", *throughput(corpus_slice(), parser))]
    print("| text | size | quantulum3 MB/s | claimlint MB/s |")
    print("|---|---|---|---|")
    for name, size, q, c in rows:
        print(f"| {name} | {size / 1000:.0f} KB | {q:.3f} | {c:.2f} |")
    found, total = recall(parser, yaml)
    print()
    print("| recall on tests/gold | " + " | ".join(KINDS) + " | all |")
    print("|---|" + "---|" * (len(KINDS) + 1))
    for tool in ("quantulum3", "claimlint"):
        cells = [f"{found[tool][k]}/{total[k]} ({found[tool][k] / max(total[k], 1):.2f})" for k in KINDS]
        all_found, all_total = sum(found[tool].values()), sum(total.values())
        print(f"| {tool} | " + " | ".join(cells) + f" | {all_found}/{all_total} ({all_found / all_total:.2f}) |")


if __name__ == "__main__":
    main()
