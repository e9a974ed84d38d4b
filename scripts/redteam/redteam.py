#!/usr/bin/env python3
"""Red-team the conformance CLI: hostile inputs at every verb, checking the error contract.

Every invocation must: finish within its time limit, exit with an allowed code (never by a signal),
print each stderr line as one `error:`/`warning:`/`note:` line without raw control characters or
stack traces, and leave no process behind (children are found by a tag in their environment).

    python3 scripts/redteam/redteam.py [--bin PATH] [--only VERB] [--keep] [--verbose]

Exit 0 when every case held, 1 otherwise (each problem is listed). Java cases run when `javac` is
found (the hostile user classes are compiled into a temporary folder).
"""
import argparse, json, os, random, shutil, signal, subprocess, sys, tempfile, time, uuid, copy

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TAG = "CONFORMANCE_REDTEAM_TAG"
BAD_WORDS = ("Fatal error", "Backtrac", "Stack dump", "crashed", "Thread 0", "Swift runtime failure",
             "Exception in thread", "\tat ", "Segmentation fault", "Illegal instruction", "Current stack trace")


class Case:
    def __init__(self, name, argv, codes=(2,), stdin=None, env=None, timeout=60, cwd=None, signal_after=None,
                 expect_signal_code=None, check=None, verdict_exit=False, max_rss_mib=None):
        self.name, self.argv, self.codes, self.stdin = name, argv, set(codes), stdin
        self.env, self.timeout, self.cwd = env or {}, timeout, cwd
        self.signal_after, self.expect_signal_code, self.check = signal_after, expect_signal_code, check
        # Exit 1 is a verdict (signature invalid, case failed), printed on stdout, not an error.
        self.verdict_exit = verdict_exit
        # Run under /usr/bin/time and fail when the peak memory exceeds this many MiB.
        self.max_rss_mib = max_rss_mib


def tagged_processes(tag):
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                if f"{TAG}={tag}".encode() in f.read():
                    with open(f"/proc/{pid}/cmdline", "rb") as c:
                        found.append((int(pid), c.read().replace(b"\0", b" ")[:120].decode(errors="replace")))
        except OSError:
            pass
    return found


def run_case(binary, case, verbose):
    tag = uuid.uuid4().hex
    env = dict(os.environ)
    env.update(case.env)
    env[TAG] = tag
    env.setdefault("CONFORMANCE_ROOT", ROOT)
    problems = []
    start = time.time()
    wrapper, rss_file = [], None
    if case.max_rss_mib is not None:
        rss_file = os.path.join(tempfile.gettempdir(), f"redteam-rss-{tag}")
        wrapper = ["/usr/bin/time", "-o", rss_file, "-f", "%M"]
    proc = subprocess.Popen(wrapper + [binary] + case.argv, stdin=subprocess.PIPE if case.stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=case.cwd or ROOT,
                            start_new_session=True)
    try:
        if case.signal_after is not None:
            sig, delay = case.signal_after
            if case.stdin is not None:
                proc.stdin.write(case.stdin); proc.stdin.close()
            time.sleep(delay)
            proc.send_signal(sig)
            out, err = proc.communicate(timeout=case.timeout)
        else:
            out, err = proc.communicate(input=case.stdin, timeout=case.timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        problems.append(f"hang: no exit within {case.timeout} s")
    elapsed = time.time() - start
    rc = proc.returncode
    if rc is not None and rc < 0:
        problems.append(f"killed by signal {-rc}")
    elif case.expect_signal_code is not None:
        if rc != case.expect_signal_code:
            problems.append(f"exit {rc}, expected {case.expect_signal_code} after the signal")
    elif rc not in case.codes:
        problems.append(f"exit {rc}, expected {sorted(case.codes)}")
    text = err.decode("utf-8", errors="replace")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    errors = [l for l in lines if l.startswith("error:")]
    if rc not in (0, None) and errors and not lines[-1].startswith("error: "):
        problems.append(f"last stderr line is not the error line: {lines[-1][:160]!r}")
    for line in lines:
        if any(ord(ch) < 0x20 and ch != "\t" or 0x7f <= ord(ch) <= 0x9f for ch in line):
            problems.append(f"raw control character in stderr: {line[:160]!r}")
            break
    if rc not in (0, None) and case.expect_signal_code is None and not errors and not case.verdict_exit:
        problems.append("non-zero exit without an error line")
    for word in BAD_WORDS:
        if word in text or word in out.decode("utf-8", errors="replace"):
            problems.append(f"stack trace / crash text in output ({word!r})")
            break
    time.sleep(0.05)
    left = tagged_processes(tag)
    if left:
        deadline = time.time() + 2
        while left and time.time() < deadline:
            time.sleep(0.2)
            left = tagged_processes(tag)
        if left:
            problems.append(f"leftover processes: {left}")
            for pid, _ in left:
                try: os.kill(pid, signal.SIGKILL)
                except OSError: pass
    if rss_file is not None:
        try:
            with open(rss_file) as f:
                rss_mib = int(f.read().split()[-1]) / 1024
            os.unlink(rss_file)
            if rss_mib > case.max_rss_mib:
                problems.append(f"max RSS {rss_mib:.0f} MiB, limit {case.max_rss_mib} MiB")
            elif verbose:
                print(f"      max RSS {rss_mib:.0f} MiB (limit {case.max_rss_mib})")
        except (OSError, ValueError, IndexError) as e:
            problems.append(f"no max RSS from /usr/bin/time ({e})")
    if case.check and not problems:
        extra = case.check(rc, out, err)
        if extra:
            problems.append(extra)
    if verbose or problems:
        status = "FAIL" if problems else "ok"
        first = lines[0][:150] if lines else ""
        print(f"[{status}] {case.name}: exit {rc} in {elapsed:.1f}s {first!r}")
        for p in problems:
            print(f"      {p}")
    return problems


# ---------------------------------------------------------------- inputs

CONTROL = ["evil\nsecond line", "esc\x1b[31mred", "bell\x07", "del\x7f", "c1\u0085next", "tab\tx", "soh\x01", "ls\u2028x"]
HUGE_INT = ["-1", "0", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "1e9",
            "99999999999999999999999", "", " ", "abc", "0x10", "NaN", "inf", "-0", "1.5"]


def key_material(work, binary):
    out = subprocess.run([binary, "keygen", "--bits", "1024"], capture_output=True, env={**os.environ, "CONFORMANCE_ROOT": ROOT})
    pub, priv = out.stdout.decode().split("\n")[:2]
    with open(os.path.join(work, "pub.txt"), "w") as f: f.write(pub)
    with open(os.path.join(work, "priv.txt"), "w") as f: f.write(priv)
    return pub, priv


def write(path, data):
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)
    return path


def cli_cases(work, pub, priv):
    cases = []
    files = {
        "missing": os.path.join(work, "does-not-exist"),
        "dir": work,
        "devzero": "/dev/zero",
        "empty": write(os.path.join(work, "empty"), b""),
        "binary": write(os.path.join(work, "binary"), bytes(random.Random(1).randrange(256) for _ in range(4096))),
        "nul": write(os.path.join(work, "nul"), b"MIIB\x00\x00AAAA"),
        "big": os.path.join(work, "big.bin"),
    }
    with open(files["big"], "wb") as f:
        f.truncate(1 << 30)  # 1 GiB sparse file
    keyargs = [pub[:40], pub[:-7], "!!!!", "", "-", "--", "====", "A" * 100001, "@" + files["missing"], "@" + files["dir"],
               "@" + files["devzero"], "@" + files["empty"], "@" + files["binary"], "@" + files["nul"], "@" + files["big"],
               "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
               "-----BEGIN EVIL\x1b[2J KEY-----\nAAAA\n-----END EVIL\x1b[2J KEY-----",
               "-----BEGIN PUBLIC KEY-----\n" + pub[:64] + "\n", "@" + "x\ny", "@"] + ["@" + c for c in CONTROL]
    for i, k in enumerate(keyargs):
        cases.append(Case(f"verify bad public key #{i}", ["verify", "--alg", "MD5withRSA", "--public-key", k, "--data", "x", "--signature", "AAAA"], codes=(2,)))
        cases.append(Case(f"sign bad private key #{i}", ["sign", "--alg", "MD5withRSA", "--private-key", k, "--data", "x"]))
        cases.append(Case(f"encrypt bad public key #{i}", ["encrypt", "--public-key", k, "--data", "x"]))
        cases.append(Case(f"decrypt bad private key #{i}", ["decrypt", "--private-key", k, "--ciphertext", "AAAA"]))
    for i, alg in enumerate(CONTROL + ["", "MD5", "SHA3withRSA", "md5withrsa ", "A" * 10000]):
        cases.append(Case(f"sign bad --alg #{i}", ["sign", "--alg", alg, "--private-key", priv, "--data", "x"], codes=(2,)))
    for i, v in enumerate(HUGE_INT):
        cases.append(Case(f"keygen --bits {v!r}", ["keygen", "--bits", v]))
        cases.append(Case(f"encrypt --block {v!r}", ["encrypt", "--public-key", pub, "--data", "hello", "--block", v],
                          codes=(0, 1, 2) if v == "9223372036854775807" else (1, 2)))
        cases.append(Case(f"decrypt --block {v!r}", ["decrypt", "--private-key", priv, "--ciphertext", "AAAA", "--block", v], codes=(1, 2)))
        if v not in ("0", "9223372036854775807", "9223372036854775808"):
            cases.append(Case(f"run --seed {v!r}", ["run", "--seed", v, "--java", "off", "--no-cross-checks", "--report-dir", os.path.join(work, "r-seed")]))
        cases.append(Case(f"java-check --timeout {v!r}", ["java-check", "--classpath", work, "--class", "a.B", "--timeout", v]))
        if v in ("-1", "0", "", "abc", "NaN", "inf", "99999999999999999999999", "1e9"):
            cases.append(Case(f"bench --seconds {v!r}", ["bench", "--seconds", v, "--java", "off"], codes=(2,)))
    for bits in ["511", "16385", "100000", "4097"]:
        cases.append(Case(f"keygen --bits {bits}", ["keygen", "--bits", bits], codes=(2,) if bits != "4097" else (0,), timeout=300))
    for i, sig in enumerate(["", "!!!", "A", "AAAA" * 1000, "=" * 10] + CONTROL):
        cases.append(Case(f"verify bad signature #{i}", ["verify", "--alg", "MD5withRSA", "--public-key", pub, "--data", "x", "--signature", sig],
                          codes=(1, 2), verdict_exit=True))
    for i, ct in enumerate(["", "!!!", "A", "AAAA", "AAAA" * 1000] + CONTROL):
        # A ciphertext whose lenient (commons-codec) Base64 holds no byte decrypts to nothing in Java's
        # RsaUtils too (no block to decrypt).
        cases.append(Case(f"decrypt bad ciphertext #{i}", ["decrypt", "--private-key", priv, "--ciphertext", ct],
                          codes=(0,) if ct in ("", "!!!", "A") else (1, 2)))
    for i, hx in enumerate(["zz", "abc", "", " ", "0x00", "ab\ncd"] + CONTROL):
        cases.append(Case(f"md5 bad --data-hex #{i}", ["md5", "--data-hex", hx], codes=(0, 2) if hx in ("",) else (2,)))
        cases.append(Case(f"sign bad --data-hex #{i}", ["sign", "--alg", "MD5withRSA", "--private-key", priv, "--data-hex", hx], codes=(0, 2) if hx in ("",) else (2,)))
    for name, path in files.items():
        codes = (0,) if name in ("empty", "binary", "nul", "big") else (2,)
        cases.append(Case(f"md5 --file {name}", ["md5", "--file", path], codes=codes, timeout=120))
    cases.append(Case("md5 --file with control chars", ["md5", "--file", os.path.join(work, "no\x1bsuch\nfile")]))
    cases.append(Case("md5 both inputs", ["md5", "--data", "a", "--data-hex", "00"]))
    cases.append(Case("unknown verb", ["frobnicate\x1b[2J\nx"]))
    cases.append(Case("unknown option", ["run", "--bogus\n"]))
    cases.append(Case("keygen bad format", ["keygen", "--format", "x\x1b"]))
    for i, v in enumerate(["", "1", "abc\x1b", "2026133112000000x", "99999999999999999", "-1"]):
        cases.append(Case(f"token-sign bad timestamp #{i}", ["token-sign", "--app-id", "a", "--business-type", "b", "--msg-id", "m",
                                                           "--trace-id", "m", "--version", "1.0", "--app-key", "k", "--timestamp", v], codes=(1, 2)))
    for i, c in enumerate(CONTROL + ["", "-", "A" * 100000]):
        cases.append(Case(f"token-sign control chars #{i}", ["token-sign", "--app-id", c, "--business-type", c, "--msg-id", c,
                                                           "--trace-id", c, "--version", c, "--app-key", c, "--timestamp", "20260101120000000"], codes=(0, 1, 2)))
        cases.append(Case(f"token-sign --explain #{i}", ["token-sign", "--explain", c], codes=(0, 2)))
    return cases


def newer_verb_cases(work, pub, priv):
    """key show/convert, number-check, timing, port-check, adapter: the contract only."""
    cases = []
    if not os.path.exists(os.path.join(work, "big.bin")):
        with open(os.path.join(work, "big.bin"), "wb") as f:
            f.truncate(1 << 30)
    bad_keys = ["", "!!!", pub[:30], "@/dev/zero", "@" + os.path.join(work, "big.bin"), "@" + work, "-----BEGIN X\x1b KEY-----\nAA\n-----END X\x1b KEY-----",
                "00" * 5000, "30" + "ff" * 10] + CONTROL
    for i, k in enumerate(bad_keys):
        cases.append(Case(f"key show bad #{i}", ["key", "show", k]))
        cases.append(Case(f"key convert bad #{i}", ["key", "convert", k, "--to", "pem"]))
    cases.append(Case("key convert bad --to", ["key", "convert", pub, "--to", "x\x1b\n"]))
    cases.append(Case("key show stdin garbage", ["key", "show", "@-"], stdin=bytes(range(256)) * 10))
    cases.append(Case("key show stdin huge", ["key", "show", "@-"], stdin=b"A" * (3 << 20)))
    base = ["number-check", "build", "--app-id", "a", "--app-key", "k", "--token", "t", "--phone", "13800138000",
            "--customer-private-key", priv, "--platform-public-key", pub, "--user-information", "u"]
    for i, v in enumerate(["", "abc", "1" * 100000] + CONTROL):
        cases.append(Case(f"number-check build --phone #{i}", base[:8] + [v] + base[9:], codes=(0, 2)))
        cases.append(Case(f"number-check build --timestamp #{i}", base + ["--timestamp", v], codes=(2,)))
    for i, k in enumerate(bad_keys[:6]):
        cases.append(Case(f"number-check build bad key #{i}", base[:10] + [k] + base[11:]))
    for i, req in enumerate(["", "{", "[]", "null", '{"header":{}}', "x\x1b\n", "@/dev/zero", "@" + work, '{"a":' * 10000 + "1" + "}" * 10000]):
        cases.append(Case(f"number-check verify bad request #{i}", ["number-check", "verify", "--request", req, "--customer-public-key", pub,
                                                                  "--platform-private-key", priv, "--app-key", "k"], codes=(1, 2), verdict_exit=True))
        cases.append(Case(f"number-check parse bad #{i}", ["number-check", "parse"], stdin=req.encode(), codes=(1, 2), verdict_exit=True))
    for v in HUGE_INT[:8]:
        cases.append(Case(f"number-check verify --max-age {v!r}", ["number-check", "verify", "--request", "{}", "--customer-public-key", pub,
                                                              "--platform-private-key", priv, "--app-key", "k", "--max-age", v], codes=(1, 2), verdict_exit=True))
        cases.append(Case(f"timing --measurements {v!r}", ["timing", "--measurements", v], codes=(2,)))
        cases.append(Case(f"timing --bits {v!r}", ["timing", "--bits", v, "--measurements", "100"], codes=(2,)))
        cases.append(Case(f"port-check --timeout {v!r}", ["port-check", "--exec", "true", "--timeout", v], codes=(2,)))
    for i, cmd in enumerate(["", "true", "false", "cat", "echo hello", "exit 3", "yes", "head -c 100000000 /dev/urandom",
                             "printf '{\"id\":1}\\n'", "sleep 1000", "trap '' TERM; sleep 1000", "x\x1b\n"]):
        cases.append(Case(f"port-check --exec #{i} {cmd[:20]!r}", ["port-check", "--exec", cmd, "--timeout", "3", "--report-dir",
                                                                  os.path.join(work, "pc")], codes=(2,), timeout=120))
    cases.append(Case("adapter garbage", ["adapter"], stdin=bytes(range(256)) * 100 + b"\n{}\n[1]\n", codes=(0, 1, 2)))
    return cases


def vector_cases(work):
    cases = []
    vecdir = os.path.join(ROOT, "Vectors")
    rd = os.path.join(work, "reports")
    def run(name, path, codes=(1, 2), timeout=120):
        # Exit 1 (a case failed) is a verdict on stdout; a malformed file is exit 2 with an error line.
        cases.append(Case(name, ["run", "--java", "off", "--no-stored", "--no-cross-checks", "--vectors", path, "--report-dir", rd],
                          codes=codes, timeout=timeout, verdict_exit=True))
    for name, content in [("empty", b""), ("spaces", b"   \n"), ("nul", b"\x00" * 10), ("array", b"[]"), ("number", b"1"),
                          ("string", b'"x"'), ("truncated", b'{"schema": "md5'), ("binary", bytes(range(256)) * 4),
                          ("deep", b"[" * 100000 + b"]" * 100000), ("deepobj", b'{"a":' * 50000 + b"1" + b"}" * 50000),
                          ("bad utf8", b'{"schema": "\xff\xfe"}'), ("bom", b"\xef\xbb\xbf{}"),
                          ("schema control", json.dumps({"schema": "x\n\x1b[31mevil", "testGroups": []}).encode()),
                          ("schema number", b'{"schema": 5, "testGroups": []}'), ("huge number", b'{"schema": 1e999999}'),
                          ("dup keys", b'{"schema":"a","schema":"b"}')]:
        run(f"vector file {name}", write(os.path.join(work, f"v-{name.replace(' ', '_')}.json"), content), codes=(2,))
    if not os.path.exists(os.path.join(work, "big.bin")):
        with open(os.path.join(work, "big.bin"), "wb") as f:
            f.truncate(1 << 30)
    run("vectors /dev/zero", "/dev/zero", codes=(2,))
    run("vectors 1 GiB file", os.path.join(work, "big.bin"), codes=(2,), timeout=30)
    run("vectors missing", os.path.join(work, "missing\x1b.json"), codes=(2,))
    cases.append(Case("run --report-dir is a file", ["run", "--java", "off", "--no-cross-checks", "--report-dir",
                                                     write(os.path.join(work, "empty"), b"")]))
    cases.append(Case("run --report-dir /proc", ["run", "--java", "off", "--no-cross-checks", "--report-dir", "/proc/1/x"]))
    # Every field of every stored file, mutated.
    rng = random.Random(8)
    mutations = [None, True, -1, 0, 2 ** 40, 2 ** 63 - 1, 2 ** 64, -(2 ** 63), 1.5, "", "zz", "00" * 3000, "x\n\x1b", [], {}, [[[]]]]
    for fname in sorted(os.listdir(vecdir)):
        if not fname.endswith(".json"):
            continue
        with open(os.path.join(vecdir, fname)) as f:
            doc = json.load(f)
        paths = []
        def walk(node, path):
            if isinstance(node, dict):
                for k, v in node.items():
                    walk(v, path + [k])
            elif isinstance(node, list):
                for i, v in enumerate(node[:2]):
                    walk(v, path + [i])
            paths.append(path)
        walk(doc, [])
        chosen = paths if len(paths) < 60 else rng.sample(paths, 60)
        for n, path in enumerate(chosen):
            if not path:
                continue
            mutated = copy.deepcopy(doc)
            node = mutated
            for k in path[:-1]:
                node = node[k]
            value = rng.choice(mutations + ["delete"])
            if value == "delete":
                if isinstance(node, dict): del node[path[-1]]
                else: node.pop(path[-1])
            else:
                node[path[-1]] = value
            out = os.path.join(work, f"m-{fname[:-5]}-{n}.json")
            write(out, json.dumps(mutated))
            # Many mutations are harmless (a note's text, a tcId): only the contract is checked here.
            run(f"mutated {fname} {'.'.join(map(str, path))}={str(value)[:20]!r}", out, codes=(0, 1, 2))
    # keygen parameter checks with hostile sizes
    with open(os.path.join(vecdir, "rsa_keygen_test.json")) as f:
        doc = json.load(f)
    group = next(g for g in doc["testGroups"] if g["type"] == "RsaKeyParameterCheck")
    for ks in [0, -1, 1, 150, 199, 2 ** 40, 2 ** 63 - 1, 16384, 16385]:
        d = copy.deepcopy(doc); g = copy.deepcopy(group); g["tests"] = g["tests"][:1]; g["tests"][0]["keySize"] = ks
        d["testGroups"] = [g]; d["numberOfTests"] = 1
        run(f"keygen keySize {ks}", write(os.path.join(work, f"ks-{ks}.json"), json.dumps(d)))
    def hexint(v):
        s = "%x" % v
        s = ("0" + s) if len(s) % 2 else s
        return ("00" + s) if int(s[0], 16) >= 8 else s
    for label, p in [("2^19937-1", 2 ** 19937 - 1), ("2^86243-1", 2 ** 86243 - 1), ("2^11213-1", 2 ** 11213 - 1)]:
        d = copy.deepcopy(doc); g = copy.deepcopy(group); g["tests"] = g["tests"][:1]
        g["tests"][0]["p"] = g["tests"][0]["q"] = hexint(p); d["testGroups"] = [g]; d["numberOfTests"] = 1
        run(f"keygen p=q={label}", write(os.path.join(work, f"pq-{label}.json"), json.dumps(d)), timeout=20)
    # many cases: past the per-file limit
    md5 = {"algorithm": "MD5", "schema": "md5_schema_v1.json", "numberOfTests": 200001, "header": [], "notes": {},
           "testGroups": [{"type": "Md5Hash", "source": {"name": "x", "version": "1"},
                           "tests": [{"tcId": i, "comment": "", "flags": [], "msg": "", "digest": "d41d8cd98f00b204e9800998ecf8427e", "result": "valid"} for i in range(200001)]}]}
    cases.append(Case("200001 cases", ["run", "--java", "off", "--no-stored", "--no-cross-checks", "--vectors",
                                       write(os.path.join(work, "many.json"), json.dumps(md5)), "--report-dir", rd],
                      timeout=120, check=says("cases is too many")))
    cases += strict_cases(work)
    return cases


def says(text):
    """A check that the error line names the problem (not just any exit 2)."""
    def check(rc, out, err):
        return None if text in err.decode("utf-8", errors="replace") else f"the error does not say {text!r}"
    return check


def strict_cases(work):
    """Vector files that must not be silently accepted: each is the file's one-line error (exit 2)."""
    cases = []
    rd = os.path.join(work, "strict-reports")
    def run(name, text, expect):
        path = write(os.path.join(work, f"s-{len(cases)}.json"), text.encode() if isinstance(text, str) else text)
        cases.append(Case(f"strict: {name}", ["run", "--java", "off", "--no-stored", "--no-cross-checks", "--vectors", path,
                                              "--report-dir", rd], codes=(2,), check=says(expect)))
    for fname in ["md5_test.json", "rsautils_verify_md5_1024_test.json", "rsa_keygen_test.json", "number_check_test.json"]:
        with open(os.path.join(ROOT, "Vectors", fname)) as f:
            doc = json.load(f)
        tests = [t for g in doc["testGroups"] for t in g["tests"]]
        def edited(edit):
            d = copy.deepcopy(doc)
            edit(d, [t for g in d["testGroups"] for t in g["tests"]])
            return json.dumps(d)
        def set_(i, key, value):
            def edit(d, ts): ts[i][key] = value
            return edit
        run(f"{fname} duplicate tcId", edited(set_(1, "tcId", tests[0]["tcId"])), "duplicate tcId")
        run(f"{fname} duplicate tcId in the last group", edited(set_(-1, "tcId", tests[0]["tcId"])), "duplicate tcId")
        for bad in [0, -1, -(2 ** 63), 2 ** 31, 2 ** 63 - 1]:
            run(f"{fname} tcId {bad}", edited(set_(0, "tcId", bad)), "out of range")
        run(f"{fname} tcId 1.5", edited(set_(0, "tcId", 1.5)), "tcId")
        run(f"{fname} tcId 2^64", edited(set_(0, "tcId", 2 ** 64)), "tcId")
        run(f"{fname} undefined flag", edited(lambda d, ts: ts[0]["flags"].append("NoSuchFlag")), "not defined in the file's notes")
        run(f"{fname} flag control chars", edited(lambda d, ts: ts[0]["flags"].append("x\n\x1b[2J")), "not defined in the file's notes")
        run(f"{fname} notes emptied", edited(lambda d, ts: (d.__setitem__("notes", {}), ts[0]["flags"].append("Gone"))),
            "not defined in the file's notes")
        def twice(d, ts):
            t = next(t for t in ts if t["flags"])
            t["flags"].append(t["flags"][0])
        if any(t["flags"] for t in tests):
            run(f"{fname} flag listed twice", edited(twice), "listed twice")
        run(f"{fname} numberOfTests + 1", edited(lambda d, ts: d.__setitem__("numberOfTests", d["numberOfTests"] + 1)), "numberOfTests")
        run(f"{fname} numberOfTests - 1", edited(lambda d, ts: d.__setitem__("numberOfTests", d["numberOfTests"] - 1)), "numberOfTests")
        run(f"{fname} result out of the enum", edited(set_(0, "result", "maybe")), "result")
        run(f"{fname} result upper case", edited(set_(0, "result", "VALID")), "result")
        if not doc["schema"].startswith(("rsassa_", "rsaes_")):  # our schemas fix `algorithm`; upstream's leave it free
            run(f"{fname} algorithm of another file", edited(lambda d, ts: d.__setitem__("algorithm", "RSASSA-PKCS1-v1_5")), "algorithm")
        run(f"{fname} unknown top-level field", edited(lambda d, ts: d.__setitem__("extra", 1)), "unknown field 'extra'")
        run(f"{fname} unknown group field", edited(lambda d, ts: d["testGroups"][0].__setitem__("extra", 1)), "unknown field 'extra'")
        run(f"{fname} unknown case field", edited(set_(0, "extra", 1)), "unknown field 'extra'")
        text = json.dumps(doc)
        first_result = '"result": "%s"' % tests[0]["result"]
        run(f"{fname} result named twice", text.replace(first_result, first_result + ', "result": "invalid"', 1), "appears twice")
        run(f"{fname} schema named twice", text.replace('"schema": ', '"schema": "x", "schema": ', 1), "appears twice")
    return cases


def memory_cases(work):
    """Many tiny passing cases (MD5 digests from hashlib): exit 0 within a memory bound (issue 8: a few
    hundred bytes per passing case; a run of this size took ~390 MiB before)."""
    import hashlib
    cases = []
    def md5_file(path, count, first):
        tests = []
        for i in range(first, first + count):
            m = i.to_bytes(4, "big")
            tests.append({"tcId": i, "comment": "", "flags": [], "msg": m.hex(), "digest": hashlib.md5(m).hexdigest(), "result": "valid"})
        doc = {"algorithm": "MD5", "schema": "md5_schema_v1.json", "numberOfTests": count, "header": [], "notes": {},
               "testGroups": [{"type": "Md5Hash", "source": {"name": "hashlib", "version": "1"}, "tests": tests}]}
        write(path, json.dumps(doc).encode())
    one = os.path.join(work, "mem-one.json")
    md5_file(one, 100000, 1)
    folder = os.path.join(work, "mem-many")
    os.makedirs(folder, exist_ok=True)
    for f in range(20):
        md5_file(os.path.join(folder, f"m{f:02}_test.json"), 10000, 1)
    rd = os.path.join(work, "mem-reports")
    cases.append(Case("memory: one file of 100,000 passing cases", ["run", "--java", "off", "--no-stored", "--no-cross-checks",
                      "--vectors", one, "--report-dir", rd], codes=(0,), timeout=300, max_rss_mib=120))
    cases.append(Case("memory: 20 files of 10,000 passing cases", ["run", "--java", "off", "--no-stored", "--no-cross-checks",
                      "--vectors", folder, "--report-dir", rd], codes=(0,), timeout=600, max_rss_mib=120))
    return cases


def signal_cases(work):
    cases = []
    rd = os.path.join(work, "sig-reports")
    for sig, code in [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)]:
        cases.append(Case(f"run stopped by {sig.name}", ["run", "--java", "off", "--report-dir", rd], signal_after=(sig, 1.5),
                          expect_signal_code=code, check=lambda rc, out, err: check_incomplete(rd)))
    return cases


def check_incomplete(rd):
    left = [f for f in os.listdir(rd) if ".tmp" in f]
    if left:
        return f"temporary files left: {left}"
    with open(os.path.join(rd, "summary.md")) as f:
        head = f.readline()
    if "PASS" in head:
        return "summary.md says PASS after an interrupted run"
    with open(os.path.join(rd, "conformance.json")) as f:
        if json.load(f).get("status") == "pass":
            return "conformance.json says pass after an interrupted run"
    return None


JAVA_CLASSES = {
    "Printer": 'System.out.println("{\\"ok\\":true,\\"result\\":\\"forged\\"}"); System.out.flush();',
    "Exiter": "if (System.nanoTime() > 0) System.exit(3);",
    "Hanger": "while (System.nanoTime() > 0) { }",
    "HookHanger": 'Runtime.getRuntime().addShutdownHook(new Thread(() -> { while (System.nanoTime() > 0) { try { Thread.sleep(1000); } catch (Exception e) { } } })); while (System.nanoTime() > 0) { }',
    "Surrogate": 'if (true) return "\\uD800x";',
    "Thrower": 'if (true) throw new RuntimeException("bad\\n\\u001b[31mred");',
    "FdWriter": 'try { java.io.FileOutputStream o = new java.io.FileOutputStream(java.io.FileDescriptor.out); o.write("{\\"ok\\":true}\\n".getBytes()); o.flush(); } catch (Exception e) { }',
}


def java_cases(work):
    if shutil.which("javac") is None:
        print("note: no javac: java-check cases skipped")
        return []
    src = os.path.join(work, "java-src")
    classes = os.path.join(work, "java-classes")
    os.makedirs(os.path.join(src, "evil"), exist_ok=True)
    os.makedirs(classes, exist_ok=True)
    canonical = open(os.path.join(ROOT, "Oracles/java/samples/canonical/com/example/RsaUtils.java")).read()
    cases = []
    for name, body in JAVA_CLASSES.items():
        text = canonical.replace("package com.example;", "package evil;").replace("class RsaUtils", f"class {name}")
        # Inject the hostile body at the start of every public static method that returns a String.
        marker = "public static String sign(byte[] data, String privateKey) throws Exception {"
        text = text.replace(marker, marker + "\n        " + body)
        marker2 = "public static Map<String, Object> genKeyPair() throws Exception {"
        if name in ("Hanger", "HookHanger", "Exiter", "Printer", "FdWriter"):
            text = text.replace(marker2, marker2 + "\n        " + body)
        write(os.path.join(src, "evil", f"{name}.java"), text)
    jar = "/usr/share/java/commons-codec.jar"
    r = subprocess.run(["javac", "-nowarn", "-cp", jar, "-d", classes] + [os.path.join(src, "evil", f"{n}.java") for n in JAVA_CLASSES],
                       capture_output=True)
    if r.returncode != 0:
        print("note: hostile classes did not compile: " + r.stderr.decode()[:300])
        return []
    def diagnosis(name):
        def check(rc, out, err):
            text = err.decode(errors="replace")
            if name != "Exiter" and "System.exit" in text:
                return f"misdiagnosed as a JVM exit: {text.strip()[:200]}"
            if name == "Exiter" and "System.exit" not in text:
                return "System.exit not diagnosed"
            if name in ("Hanger", "HookHanger") and "did not return within" not in text:
                return "time-out not diagnosed"
            if name == "Surrogate" and "surrogate" not in (text + out.decode(errors="replace")):
                return "lone surrogate not diagnosed"
            return None
        return check
    for name in JAVA_CLASSES:
        # A class that only prints (System.out, FileDescriptor.out) is otherwise canonical: its answers
        # must be unaffected (exit 0). Exit 1 (incompatible) is a verdict, not an error.
        cases.append(Case(f"java-check evil.{name}", ["java-check", "--classpath", classes, "--class", f"evil.{name}", "--timeout", "5",
                                                     "--no-report"], codes=(0,) if name in ("Printer", "FdWriter") else (1, 2),
                          timeout=120, verdict_exit=True, check=diagnosis(name)))
    for sig, code in [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGHUP, 129)]:
        cases.append(Case(f"java-check Hanger stopped by {sig.name}", ["java-check", "--classpath", classes, "--class", "evil.HookHanger",
                                                                        "--timeout", "60", "--no-report"],
                          signal_after=(sig, 6), expect_signal_code=code, timeout=60))
    corrupt = write(os.path.join(work, "corrupt.jar"), b"PK\x03\x04garbage" + bytes(100))
    notjar = write(os.path.join(work, "notjar.jar"), b"hello")
    cases.append(Case("java-check corrupt jar names the jar", ["java-check", "--classpath", corrupt, "--class", "a.B", "--no-report"],
                      check=lambda rc, out, err: None if b"cannot read jar" in err else "corrupt jar not named"))
    for name, cp, cls in [("corrupt jar", corrupt, "a.B"), ("not a jar", notjar, "a.B"), ("missing class", classes, "evil.Nope"),
                          ("class control chars", classes, "evil.\x1b[2J\nX"), ("empty class", classes, ""),
                          ("classpath missing", os.path.join(work, "nope"), "a.B"), ("classpath /dev/zero", "/dev/zero", "a.B"),
                          ("classpath control", "x\n\x1b", "a.B")]:
        cases.append(Case(f"java-check {name}", ["java-check", "--classpath", cp, "--class", cls, "--no-report"], codes=(2,), timeout=120))
    cases.append(Case("run --java required, COMMONS_CODEC_JAR not a jar",
                      ["run", "--java", "required", "--no-cross-checks", "--report-dir", os.path.join(work, "r-env")],
                      env={"COMMONS_CODEC_JAR": notjar}, codes=(2,), timeout=300))
    cases.append(Case("run --java required, no javac", ["run", "--java", "required", "--report-dir", os.path.join(work, "r-env")],
                      env={"PATH": "/nonexistent", "JAVA_HOME": "/nonexistent"}, codes=(2,), timeout=120))
    return cases


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/debug/conformance"))
    parser.add_argument("--only", default=None, help="substring of case names")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--groups", default="cli,newverbs,vectors,signals,java,memory")
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    work = tempfile.mkdtemp(prefix="redteam-")
    try:
        pub, priv = key_material(work, binary)
        cases = []
        groups = args.groups.split(",")
        if "cli" in groups: cases += cli_cases(work, pub, priv)
        if "vectors" in groups: cases += vector_cases(work)
        if "newverbs" in groups: cases += newer_verb_cases(work, pub, priv)
        if "signals" in groups: cases += signal_cases(work)
        if "java" in groups: cases += java_cases(work)
        if "memory" in groups: cases += memory_cases(work)
        if args.only:
            cases = [c for c in cases if args.only in c.name]
        failed = 0
        for case in cases:
            if run_case(binary, case, args.verbose):
                failed += 1
        print(f"redteam: {len(cases)} cases, {failed} with problems")
        return 1 if failed else 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}")


if __name__ == "__main__":
    sys.exit(main())
