#!/usr/bin/env python3
"""Measures how a run's peak memory grows with the number of passing cases (issue 8).

Writes MD5 vector files of tiny passing cases (digests from Python's hashlib, not from our code),
runs `conformance run --java off --no-stored --no-cross-checks --vectors DIR --report-dir DIR`
under `/usr/bin/time -v` for several sizes, and prints max RSS and the slope in bytes per passing
case, for two shapes:
  files: F files of 10,000 cases each (what a run keeps per case across files);
  cases: one file of N cases (adds what reading and decoding one big file costs per case).
Usage: python3 scripts/memory-per-case.py [path/to/conformance]   (default: the release build)
"""
import hashlib, json, os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOL = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/conformance")


def vector_file(path, cases, first_id=1):
    tests = []
    for i in range(cases):
        msg = (first_id + i).to_bytes(4, "big")
        tests.append({"tcId": first_id + i, "comment": "", "flags": [], "msg": msg.hex(),
                      "digest": hashlib.md5(msg).hexdigest(), "result": "valid"})
    doc = {"algorithm": "MD5", "schema": "md5_schema_v1.json", "numberOfTests": cases,
           "header": ["memory-per-case.py: tiny passing MD5 cases, digests from Python hashlib"],
           "notes": {}, "testGroups": [{"type": "Md5Hash", "source": {"name": "hashlib", "version": "1"},
                                        "tests": tests}]}
    with open(path, "w") as f:
        json.dump(doc, f)


def max_rss(vectors, reports):
    cmd = ["/usr/bin/time", "-v", TOOL, "run", "--java", "off", "--no-stored", "--no-cross-checks",
           "--vectors", vectors, "--report-dir", reports]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"run failed ({p.returncode}): {p.stderr.strip()[-500:]}")
    kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    return kb * 1024


def slope(points):
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    return sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)


def measure(label, layouts, tmp):
    points = []
    for files, per_file in layouts:
        folder = os.path.join(tmp, f"{label}-{files}x{per_file}")
        os.makedirs(folder)
        for f in range(files):
            vector_file(os.path.join(folder, f"md5_{f:03}_test.json"), per_file)
        reports = os.path.join(tmp, f"reports-{label}-{files}x{per_file}")
        rss = min(max_rss(folder, reports) for _ in range(2))
        cases = files * per_file
        points.append((cases, rss))
        print(f"  {files:3} file(s) x {per_file:6} cases = {cases:7} passing cases: max RSS {rss / 2**20:7.1f} MiB", flush=True)
    print(f"  {label}: {slope(points):.0f} bytes per passing case (least-squares slope of max RSS)", flush=True)


def main():
    if not os.access(TOOL, os.X_OK):
        sys.exit(f"no {TOOL}: build it with `swift build -c release --product conformance`")
    with tempfile.TemporaryDirectory() as tmp:
        print("files of 10,000 cases:")
        measure("files", [(1, 10_000), (5, 10_000), (10, 10_000), (20, 10_000)], tmp)
        print("one file:")
        measure("cases", [(1, 10_000), (1, 40_000), (1, 70_000), (1, 100_000)], tmp)


main()
