#!/usr/bin/env python3
"""Differential testing: what real receivers do with an offer, beside what sdplint predicts.

Cases are the offers in Fixtures/ (real captures and the standards' examples) and systematic
mutations of them (mutate.py). Each receiver, a headless browser on loopback, gets every case
in a fresh RTCPeerConnection: setRemoteDescription(offer), then createAnswer and
setLocalDescription. sdplint checks the same cases with the receiver's profile. A case agrees
when sdplint reports an error-level finding exactly when the receiver refuses the offer.

    python3 Conformance/run.py                      # Chromium and Firefox, every case
    python3 Conformance/run.py --receivers chromium,firefox,aiortc --limit 6000   # aiortc too
    python3 Conformance/run.py --receivers chromium --limit 300    # a sample (CI)

Writes Conformance/results/<receiver>-<major>.jsonl.gz (one line per case) and CONFORMANCE.md.
"""
import argparse
import glob
import gzip
import hashlib
import http.server
import importlib
import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import mutate  # noqa: E402

# What each receiver is, how to start it headless on a page, and its sdplint profile.
# aiortc (PyPI) runs in a Python process of its own (aiortc_receiver.py).
RECEIVERS = {
    "chromium": {"binary": "chromium", "profile": "chrome", "name": "Chromium", "batch": 200},
    "firefox": {"binary": "firefox-esr", "profile": "firefox", "name": "Firefox ESR", "batch": 0},
    "aiortc": {"module": "aiortc", "profile": "aiortc", "name": "aiortc", "batch": 500},
}

PAGE = """<!doctype html><meta charset=utf-8><title>conformance</title><script>
// A step that does not settle in 5 s is recorded as such: one case must not stall the run.
const within = (promise) => Promise.race([promise,
  new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 5 s')), 5000))]);
// Chromium refuses new connections after some hundreds in one renderer, closed or not: the
// page asks for a new browser every `batch` cases (0: never).
const batch = Number(new URLSearchParams(location.search).get('batch') || 0);
(async () => {
  for (let n = 0; ; n++) {
    if (batch && n === batch) { await fetch('/restart', {method: 'POST', body: '{}'}); return; }
    const c = await (await fetch('/case')).json();
    if (c === null) break;
    const r = {id: c.id};
    let pc;
    try {
      pc = new RTCPeerConnection();
      await within(pc.setRemoteDescription({type: 'offer', sdp: c.sdp}));
      r.remote = 'accepted';
      try { await within(pc.createAnswer().then((a) => pc.setLocalDescription(a))); r.local = 'accepted'; }
      catch (e) { r.local = 'refused'; r.localError = String(e.message || e); }
    } catch (e) { r.remote = 'refused'; r.error = String(e.message || e); }
    try { pc && pc.close(); } catch (e) {}
    await fetch('/result', {method: 'POST', body: JSON.stringify(r)});
  }
})();
</script>"""


def seeds():
    """The offers that the cases start from: real captures and the standards' examples."""
    patterns = [
        "Fixtures/corpus/**/*.offer.sdp", "Fixtures/corpus/**/*.offer-initial.sdp",
        "Fixtures/corpus/**/*request-invite.body.sdp", "Fixtures/standards/**/*.offer.sdp",
    ]
    found = []
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True)):
            with open(path, encoding="utf-8", errors="replace") as f:
                found.append((os.path.relpath(path, ROOT), f.read()))
    return found


def build_cases(limit, seed=1):
    """Every seed as it is, then its mutations; distinct texts only; a seeded sample of the
    mutations when there are more than `limit` cases (the seeds themselves are always kept)."""
    cases, seen = [], set()

    def add(origin, kind, detail, text):
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        if digest in seen:
            return
        seen.add(digest)
        cases.append({"id": digest, "seed": origin, "kind": kind, "detail": detail, "sdp": text})

    originals = seeds()
    for origin, text in originals:
        add(origin, "original", "", text)
    first = len(cases)
    for origin, text in originals:
        for kind, detail, new in mutate.mutations(text):
            add(origin, kind, detail, new)
    if limit and len(cases) > limit:
        rest = cases[first:]
        random.Random(seed).shuffle(rest)
        cases = cases[:first] + sorted(rest[: max(0, limit - first)], key=lambda c: c["id"])
    return cases


def installed(receiver):
    spec = RECEIVERS[receiver]
    if "module" in spec:
        return importlib.util.find_spec(spec["module"]) is not None
    return shutil.which(spec["binary"]) is not None


def version(receiver):
    spec = RECEIVERS[receiver]
    if "module" in spec:
        full = importlib.import_module(spec["module"]).__version__
        return f"{spec['name']} {full}", ".".join(full.split(".")[:2])
    binary = spec["binary"]
    out = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    words = [w for w in out.split() if w[:1].isdigit()]
    return out, (words[0].split(".")[0] if words else "unknown")


def launch(receiver, url, profile):
    binary = RECEIVERS[receiver]["binary"]
    if receiver == "chromium":
        command = [binary, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}", url]
    else:
        with open(os.path.join(profile, "user.js"), "w") as f:
            for pref, value in (("browser.shell.checkDefaultBrowser", "false"),
                                ("datareporting.policy.dataSubmissionEnabled", "false"),
                                ("toolkit.telemetry.enabled", "false"), ("app.update.enabled", "false"),
                                ("network.manage-offline-status", "false"),
                                ("media.peerconnection.ice.loopback", "true")):
                f.write(f'user_pref("{pref}", {value});\n')
        command = [binary, "--headless", "--no-remote", "--profile", profile, url]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run_module(receiver, cases):
    """Gives the cases to a receiver that runs as a Python process (aiortc_receiver.py), a batch
    at a time; a case after which the process died is recorded as `no answer`, and a new process
    goes on with the next case."""
    script = os.path.join(HERE, f"{receiver}_receiver.py")
    results, pending = {}, list(cases)
    while pending:
        batch = pending[: RECEIVERS[receiver]["batch"]]
        process = subprocess.Popen([sys.executable, script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True)

        def feed(process=process, batch=batch):
            try:
                for case in batch:
                    process.stdin.write(json.dumps({"id": case["id"], "sdp": case["sdp"]}) + "\n")
                process.stdin.close()
            except BrokenPipeError:
                pass

        threading.Thread(target=feed, daemon=True).start()
        done = 0
        for line in process.stdout:
            result = json.loads(line)
            results[result["id"]] = result
            done += 1
        process.wait()
        if done < len(batch):
            lost = batch[done]
            results[lost["id"]] = {"id": lost["id"], "remote": "no answer",
                                   "error": f"the receiver's process ended (status {process.returncode})"}
            done += 1
        pending = pending[done:]
    return results


def run_receiver(receiver, cases, stall=20):
    """Serves the cases one by one to a headless browser on a loopback page; returns id ->
    result. A case after which the page goes silent for `stall` seconds (the tab crashed or
    hung) is recorded as `no answer`, and a new browser goes on with the next case."""
    pending = list(reversed(cases))
    results, lock = {}, threading.Lock()
    state = {"in_flight": None, "progress": time.time(), "restart": False}

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, body, kind="application/json"):
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            if self.path != "/case":
                return self.reply(PAGE, "text/html; charset=utf-8")
            with lock:
                case = pending.pop() if pending else None
                state["in_flight"] = case
                state["progress"] = time.time()
            self.reply(json.dumps(None if case is None else {"id": case["id"], "sdp": case["sdp"]}))

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.path == "/restart":
                with lock:
                    state["restart"] = True
                return self.reply("{}")
            result = json.loads(body)
            with lock:
                results[result["id"]] = result
                state["in_flight"] = None
                state["progress"] = time.time()
            self.reply("{}")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/?batch={RECEIVERS[receiver]['batch']}"
    try:
        while True:
            with lock:
                if not pending and state["in_flight"] is None:
                    break
                state["progress"] = time.time()
                state["restart"] = False
            profile = tempfile.mkdtemp(prefix=f"conformance-{receiver}-")
            process = launch(receiver, url, profile)
            while process.poll() is None:
                time.sleep(0.2)
                with lock:
                    finished = not pending and state["in_flight"] is None
                    silent = time.time() - state["progress"] > stall
                    restart = state["restart"]
                if finished or silent or restart:
                    break
            process.kill()
            process.wait()
            shutil.rmtree(profile, ignore_errors=True)
            with lock:
                if state["in_flight"] is not None:
                    case = state["in_flight"]
                    results[case["id"]] = {"id": case["id"], "remote": "no answer",
                                           "error": f"the page went silent for {stall} s (tab crashed or hung)"}
                    state["in_flight"] = None
    finally:
        server.shutdown()
    return results


def run_sdplint(sdplint, profile, cases):
    """sdplint's error-level codes for each case, checked as an offer for `profile`."""
    folder = tempfile.mkdtemp(prefix="conformance-cases-")
    try:
        for c in cases:
            with open(os.path.join(folder, c["id"] + ".sdp"), "w", newline="") as f:
                f.write(c["sdp"])
        chosen = ["--profile", profile] if profile else []
        out = subprocess.run(
            [sdplint, "check", "--type", "offer", "--input", "sdp", *chosen, "--format", "json", folder],
            capture_output=True, text=True).stdout
        report = json.loads(out)
        # A file can hold several entries (a second v= line starts a second description): its
        # verdict takes the findings of all of them.
        found = {}
        for entry in report.get("files", []):
            case = os.path.basename(entry["path"])[: -len(".sdp")]
            found.setdefault(case, []).extend(entry.get("diagnostics", []))
        return {case: {"errors": sorted({d["code"] for d in ds if d["severity"] == "error"}),
                       "others": sorted({d["code"] for d in ds if d["severity"] != "error"})}
                for case, ds in found.items()}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def summarize(receiver, full_version, cases, results, verdicts):
    """Agreement figures and the disagreements, grouped by what was mutated."""
    rows, counts = [], {"agree": 0, "missed": 0, "false": 0, "lost": 0}
    for c in cases:
        r = results.get(c["id"])
        if r is None:
            counts["lost"] += 1
            continue
        refused = r["remote"] != "accepted"
        verdict = verdicts.get(c["id"], {"errors": [], "others": []})
        codes = verdict["errors"]
        predicted = bool(codes)
        outcome = "agree" if refused == predicted else ("missed" if refused else "false")
        counts[outcome] += 1
        rows.append({"id": c["id"], "seed": c["seed"], "kind": c["kind"], "detail": c["detail"],
                     "remote": r["remote"], "error": r.get("error"), "local": r.get("local"),
                     "localError": r.get("localError"), "sdplint": codes, "sdplintOther": verdict["others"],
                     "outcome": outcome})
    return {"receiver": receiver, "version": full_version, "counts": counts, "rows": rows}


def write_results(summary, major):
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    path = os.path.join(HERE, "results", f"{summary['receiver']}-{major}.jsonl.gz")
    with gzip.open(path, "wt") as f:
        for row in summary["rows"]:
            f.write(json.dumps(row, sort_keys=True) + "\n")
    return path


def markdown(summaries, total_cases, command):
    lines = ["# Conformance: sdplint's verdicts beside real receivers", "",
             "Written by `Conformance/run.py` (see `Conformance/README.md`); do not edit by hand.", "",
             f"Command: `{command}`. Cases: {total_cases} distinct offers: the offers in `Fixtures/corpus` "
             "and `Fixtures/standards`, and mutations of them along the SDP grammar. Each receiver gets each "
             "case in a fresh RTCPeerConnection (setRemoteDescription, then createAnswer and "
             "setLocalDescription); `sdplint check --type offer --profile <receiver>` checks the same "
             "text. A case agrees when sdplint reports an error exactly when the receiver refuses the offer "
             "in setRemoteDescription.", "",
             "| receiver | version | cases | agree | refused, sdplint silent | accepted, sdplint errs | agreement |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for s in summaries:
        c = s["counts"]
        n = c["agree"] + c["missed"] + c["false"]
        lines.append(f"| {RECEIVERS[s['receiver']]['name']} | {s['version']} | {n} | {c['agree']} | {c['missed']} | "
                     f"{c['false']} | {100.0 * c['agree'] / max(1, n):.1f}% |")
    for s in summaries:
        originals = [r for r in s["rows"] if r["kind"] == "original"]
        agree = sum(r["outcome"] == "agree" for r in originals)
        lines += ["", f"## {s['version']}", "",
                  f"Unmutated offers (real captures and standards' examples): {agree} of {len(originals)} agree."]
        groups = {}
        for r in s["rows"]:
            if r["outcome"] != "agree":
                groups.setdefault((r["outcome"], r["kind"], r["detail"]), []).append(r)
        if not groups:
            lines += ["", "No disagreement."]
            continue
        lines += ["", "Every disagreement, grouped by what was changed (one example each; all cases are in "
                  f"`Conformance/results/{s['receiver']}-*.jsonl.gz`):", "",
                  "| outcome | mutation | line | cases | receiver says | then answering | sdplint says | example |",
                  "|---|---|---|---:|---|---|---|---|"]
        for (outcome, kind, detail), rows in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            example = rows[0]
            said = (example["error"] or "accepted").replace("|", "\\|")[:160]
            codes = ", ".join(example["sdplint"]) or "no error"
            what = "refused, sdplint silent" if outcome == "missed" else "accepted, sdplint errs"
            # An offer taken but impossible to answer is refused all the same, one step later.
            answering = "—" if example.get("local") is None else (
                "refused: " + (example.get("localError") or "").replace("|", "\\|")[:100]
                if example["local"] == "refused" else "accepted")
            lines.append(f"| {what} | {kind} | `{detail}` | {len(rows)} | {said} | {answering} | {codes} | "
                         f"`{example['id']}` from `{example['seed']}` |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--receivers", default="chromium,firefox")
    parser.add_argument("--limit", type=int, default=0, help="at most this many cases (0: all)")
    parser.add_argument("--sdplint", default=os.path.join(ROOT, ".build", "release", "sdplint"))
    parser.add_argument("--output", default=os.path.join(ROOT, "CONFORMANCE.md"))
    parser.add_argument("--min-agreement", type=float, default=0.0,
                        help="exit 1 when any receiver agrees on fewer cases than this (percent)")
    args = parser.parse_args()
    cases = build_cases(args.limit)
    print(f"{len(cases)} cases", file=sys.stderr)
    summaries, worst = [], 100.0
    for receiver in args.receivers.split(","):
        if not installed(receiver):
            print(f"{receiver} is not installed; skipped", file=sys.stderr)
            continue
        full_version, major = version(receiver)
        started = time.time()
        results = run_module(receiver, cases) if "module" in RECEIVERS[receiver] else run_receiver(receiver, cases)
        verdicts = run_sdplint(args.sdplint, RECEIVERS[receiver]["profile"], cases)
        summary = summarize(receiver, full_version, cases, results, verdicts)
        write_results(summary, major)
        c = summary["counts"]
        n = max(1, c["agree"] + c["missed"] + c["false"])
        worst = min(worst, 100.0 * c["agree"] / n)
        print(f"{receiver} {full_version}: {c} in {time.time() - started:.0f} s", file=sys.stderr)
        summaries.append(summary)
    command = "python3 Conformance/run.py"
    command += f" --receivers {args.receivers}" if args.receivers != "chromium,firefox" else ""
    command += f" --limit {args.limit}" if args.limit else ""
    with open(args.output, "w") as f:
        f.write(markdown(summaries, len(cases), command))
    return 1 if summaries and worst < args.min_agreement else 0


if __name__ == "__main__":
    sys.exit(main())
