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
import functools
import glob
import gzip
import hashlib
import http.server
import json
import os
import queue
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

# What each receiver is, how to start it headless on a page, and its sdplint profile (None:
# the base rules alone). aiortc (PyPI) and GStreamer's webrtcbin (Debian, through python3-gi)
# run in a Python process of their own (<receiver>_receiver.py); `version` prints their version.
RECEIVERS = {
    "chromium": {"binary": "chromium", "profile": "chrome", "name": "Chromium", "batch": 200},
    "firefox": {"binary": "firefox-esr", "profile": "firefox", "name": "Firefox ESR", "batch": 0},
    "aiortc": {"python": sys.executable, "version": "import aiortc; print(aiortc.__version__)",
               "profile": "aiortc", "name": "aiortc", "batch": 500},
    "gstreamer": {"python": "/usr/bin/python3",
                  "version": "import gi; gi.require_version('Gst', '1.0'); gi.require_version('GstWebRTC', '1.0'); "
                             "from gi.repository import Gst; Gst.init(None); print(Gst.version_string().split()[-1])",
                  "profile": "gstreamer", "name": "GStreamer webrtcbin", "batch": 500},
}

PAGE = """<!doctype html><meta charset=utf-8><title>conformance</title><script>
// A step that does not settle in 5 s is recorded as such: one case must not stall the run.
const within = (promise) => Promise.race([promise,
  new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 5 s')), 5000))]);
// Chromium refuses new connections after some hundreds in one renderer, closed or not: the
// page asks for a new browser every `batch` cases (0: never).
const batch = Number(new URLSearchParams(location.search).get('batch') || 0);
// What flows: two peers on this page, connected on loopback, each sending a tone and a drawn
// picture; the offerer prefers the case's codecs (setCodecPreferences) and uses its directions.
// Records the offer, the answer, and the codec each side's outbound-rtp reports with bytes sent.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function sources() {
  const audio = new AudioContext(); const tone = audio.createOscillator(); const out = audio.createMediaStreamDestination();
  tone.connect(out); tone.start(); audio.resume();
  const canvas = Object.assign(document.createElement('canvas'), {width: 320, height: 240});
  const g = canvas.getContext('2d'); let n = 0;
  const timer = setInterval(() => { g.fillStyle = `hsl(${(n++ * 7) % 360},80%,50%)`; g.fillRect(0, 0, 320, 240); }, 40);
  return {audio: out.stream.getAudioTracks()[0], video: canvas.captureStream(25).getVideoTracks()[0],
          stop: () => { clearInterval(timer); audio.close(); }};
}
async function sent(pc) {
  const stats = await pc.getStats(); const codecs = {}; const out = {};
  stats.forEach((s) => { if (s.type === 'codec') codecs[s.id] = s.mimeType; });
  stats.forEach((s) => { if (s.type === 'outbound-rtp' && s.bytesSent > 0 && s.codecId) out[s.kind] = codecs[s.codecId] || null; });
  return out;
}
async function received(pc) {
  const stats = await pc.getStats(); const codecs = {}; const out = {};
  stats.forEach((s) => { if (s.type === 'codec') codecs[s.id] = s.mimeType; });
  stats.forEach((s) => { if (s.type === 'inbound-rtp' && s.bytesReceived > 0 && s.codecId) out[s.kind] = codecs[s.codecId] || null; });
  return out;
}
// The offerer's side: a transceiver per kind in the case's direction, its codec first.
function offering(pc, media, c) {
  for (const kind of ['audio', 'video']) {
    const t = pc.addTransceiver(media[kind], {direction: c.directions[kind]});
    const all = RTCRtpReceiver.getCapabilities(kind).codecs;
    const first = all.filter((x) => x.mimeType.toLowerCase() === `${kind}/${c.codecs[kind]}`.toLowerCase());
    if (first.length) t.setCodecPreferences(first.concat(all.filter((x) => !first.includes(x))));
  }
}
async function answering(pc, media, c) {
  for (const t of pc.getTransceivers()) {
    const kind = t.receiver.track.kind;
    await t.sender.replaceTrack(media[kind]);
    t.direction = c.answerer[kind];
  }
}
async function flow(c, r) {
  const a = new RTCPeerConnection(), b = new RTCPeerConnection();
  const mine = sources(), theirs = sources();
  a.onicecandidate = (e) => e.candidate && b.addIceCandidate(e.candidate).catch(() => {});
  b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate).catch(() => {});
  try {
    offering(a, mine, c);
    await within(a.setLocalDescription(await a.createOffer()));
    await within(b.setRemoteDescription(a.localDescription));
    await answering(b, theirs, c);
    await within(b.setLocalDescription(await b.createAnswer()));
    await within(a.setRemoteDescription(b.localDescription));
    r.offer = a.localDescription.sdp; r.answer = b.localDescription.sdp;
    for (let i = 0; i < 80 && a.connectionState !== 'connected'; i++) await sleep(100);
    r.connected = a.connectionState === 'connected';
    await sleep(2500);
    r.offererSends = await sent(a); r.answererSends = await sent(b);
    r.remote = 'accepted';
  } catch (e) { r.remote = 'refused'; r.error = String(e.message || e); }
  finally { mine.stop(); theirs.stop(); a.close(); b.close(); }
}
// A flow across engines: this page holds one peer, another engine the other, and run.py carries
// the offer and the answer between them, each with the candidates gathered into it.
const held = {};
const gathered = (pc) => new Promise((resolve) => {
  if (pc.iceGatheringState === 'complete') return resolve();
  pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
  setTimeout(resolve, 3000);
});
async function step(c, r) {
  if (c.type === 'flow-close') {
    const h = held[c.id]; delete held[c.id];
    if (h) { h.media.stop(); h.pc.close(); }
  } else if (c.type === 'flow-finish') {
    const pc = held[c.id].pc;
    await within(pc.setRemoteDescription({type: 'answer', sdp: c.sdp}));
    for (let i = 0; i < 80 && pc.connectionState !== 'connected'; i++) await sleep(100);
    r.connected = pc.connectionState === 'connected';
    await sleep(2500);
    r.sends = await sent(pc); r.receives = await received(pc);
  } else {
    const pc = new RTCPeerConnection(), media = sources();
    held[c.id] = {pc, media};
    if (c.type === 'flow-offer') offering(pc, media, c);
    else { await within(pc.setRemoteDescription({type: 'offer', sdp: c.sdp})); await answering(pc, media, c); }
    await within(pc.setLocalDescription(await (c.type === 'flow-offer' ? pc.createOffer() : pc.createAnswer())));
    await gathered(pc);
    r.sdp = pc.localDescription.sdp;
  }
  r.remote = 'accepted';
}
(async () => {
  for (let n = 0; ; n++) {
    if (batch && n === batch) { await fetch('/restart', {method: 'POST', body: '{}'}); return; }
    const c = await (await fetch('/case')).json();
    if (c === null) break;
    const r = {id: c.id};
    let pc;
    try {
      if (c.type === 'flow') { await flow(c, r); await fetch('/result', {method: 'POST', body: JSON.stringify(r)}); continue; }
      if (c.type.startsWith('flow-')) {
        try { await step(c, r); } catch (e) { r.remote = 'refused'; r.error = String(e.message || e); }
        await fetch('/result', {method: 'POST', body: JSON.stringify(r)}); continue;
      }
      pc = new RTCPeerConnection();
      if (c.type === 'make-offer' || c.type === 'answer') {
        // The offerer's side: audio, video and a data channel, as in Conformance/README.md.
        pc.addTransceiver('audio'); pc.addTransceiver('video'); pc.createDataChannel('conformance');
        await within(pc.createOffer().then((o) => pc.setLocalDescription(o)));
        if (c.type === 'make-offer') r.sdp = pc.localDescription.sdp;
        else await within(pc.setRemoteDescription({type: 'answer', sdp: c.sdp}));
        r.remote = 'accepted';
      } else {
        await within(pc.setRemoteDescription({type: 'offer', sdp: c.sdp}));
        r.remote = 'accepted';
        try {
          await within(pc.createAnswer().then((a) => pc.setLocalDescription(a)));
          r.local = 'accepted';
          if (c.type === 'make-answer') r.sdp = pc.localDescription.sdp;
        } catch (e) { r.local = 'refused'; r.localError = String(e.message || e); }
      }
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


def build_cases(limit, seed=1, originals=None):
    """Every seed (the offers of Fixtures/ unless `originals` names others) as it is, then its
    mutations; distinct texts only; a seeded sample of the mutations when there are more than
    `limit` cases (the seeds themselves are always kept)."""
    cases, seen = [], set()

    def add(origin, kind, detail, text):
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        if digest in seen:
            return
        seen.add(digest)
        cases.append({"id": digest, "seed": origin, "kind": kind, "detail": detail, "sdp": text})

    originals = seeds() if originals is None else originals
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


def python_version(spec):
    """The version a Python receiver's interpreter prints for it, or None when it cannot."""
    if not os.path.exists(spec["python"]):
        return None
    out = subprocess.run([spec["python"], "-c", spec["version"]], capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 else None


def installed(receiver):
    spec = RECEIVERS[receiver]
    if "python" in spec:
        return python_version(spec) is not None
    return shutil.which(spec["binary"]) is not None


@functools.lru_cache(maxsize=None)
def version(receiver):
    """The receiver's full version and its major (a Python package's major.minor), asked once."""
    spec = RECEIVERS[receiver]
    if "python" in spec:
        full = python_version(spec)
        return f"{spec['name']} {full}", ".".join(full.split(".")[:2])
    binary = spec["binary"]
    out = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    words = [w for w in out.split() if w[:1].isdigit()]
    return out, (words[0].split(".")[0] if words else "unknown")


def launch(receiver, url, profile, addresses=False):
    """Starts the browser headless on `url`; with `addresses`, its host candidates name IP
    addresses rather than mDNS names, which a peer in another engine cannot resolve."""
    binary = RECEIVERS[receiver]["binary"]
    if receiver == "chromium":
        # The flows' tone comes from an AudioContext, which needs no user gesture only so.
        command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required",
                   f"--user-data-dir={profile}", url]
        if addresses:
            command.insert(-1, "--disable-features=WebRtcHideLocalIpsWithMdns")
    else:
        with open(os.path.join(profile, "user.js"), "w") as f:
            for pref, value in (("browser.shell.checkDefaultBrowser", "false"),
                                ("datareporting.policy.dataSubmissionEnabled", "false"),
                                ("toolkit.telemetry.enabled", "false"), ("app.update.enabled", "false"),
                                ("network.manage-offline-status", "false"),
                                ("media.peerconnection.ice.loopback", "true"),
                                ("media.autoplay.default", "0"), ("media.autoplay.block-webaudio", "false"),
                                ("media.peerconnection.ice.obfuscate_host_addresses", str(not addresses).lower())):
                f.write(f'user_pref("{pref}", {value});\n')
        command = [binary, "--headless", "--no-remote", "--profile", profile, url]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run_module(receiver, cases):
    """Gives the cases to a receiver that runs as a Python process (<receiver>_receiver.py), a batch
    at a time. When the process dies, the case it was on is given again alone to a new process:
    GStreamer 1.22's webrtcbin crashes now and then after many connections in one process, and
    every such case ran alone; only a case that ends its own process is recorded as `no answer`."""
    script = os.path.join(HERE, f"{receiver}_receiver.py")

    def attempt(batch):
        process = subprocess.Popen([RECEIVERS[receiver]["python"], script], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)

        def feed():
            try:
                for case in batch:
                    process.stdin.write(json.dumps({"id": case["id"], "sdp": case["sdp"],
                                                    "type": case.get("type", "offer")}) + "\n")
                process.stdin.close()
            except BrokenPipeError:
                pass

        threading.Thread(target=feed, daemon=True).start()
        done = [json.loads(line) for line in process.stdout]
        process.wait()
        return done, process.returncode

    results, pending = {}, list(cases)
    while pending:
        batch = pending[: RECEIVERS[receiver]["batch"]]
        done, _ = attempt(batch)
        for result in done:
            results[result["id"]] = result
        if len(done) < len(batch):
            lost = batch[len(done)]
            alone, status = attempt([lost])
            results[lost["id"]] = alone[0] if alone else {
                "id": lost["id"], "remote": "no answer",
                "error": f"the receiver's process ended (status {status})"}
        pending = pending[len(done) + 1:] if len(done) < len(batch) else pending[len(done):]
    return results


def serve(next_case, posted):
    """A loopback server for a receiver's page: GET /case gives the JSON of `next_case()`, any
    other GET the page, and a POST hands its path and JSON body to `posted`."""

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
            self.reply(json.dumps(next_case()))

        def do_POST(self):
            posted(self.path, json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}"))
            self.reply("{}")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Session:
    """One receiver kept running for steps that each wait for another engine's output: a
    browser on a loopback page, or a Python receiver's process. `ask` gives it one step and
    returns its result (a step that takes longer than `wait` seconds is recorded as such)."""

    def __init__(self, receiver, wait=30):
        self.receiver, self.wait = receiver, wait
        if "python" in RECEIVERS[receiver]:
            self.process = subprocess.Popen([RECEIVERS[receiver]["python"], os.path.join(HERE, f"{receiver}_receiver.py")],
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                            text=True)
            self.results = queue.Queue()
            threading.Thread(target=lambda: [self.results.put(json.loads(line)) for line in self.process.stdout],
                             daemon=True).start()
            return
        self.steps, self.results = queue.Queue(), queue.Queue()
        self.server = serve(self.steps.get, lambda path, body: self.results.put(body))
        self.profile = tempfile.mkdtemp(prefix=f"conformance-{receiver}-")
        self.process = launch(receiver, f"http://127.0.0.1:{self.server.server_address[1]}/?batch=0", self.profile,
                              addresses=True)

    def ask(self, step):
        if hasattr(self, "steps"):
            self.steps.put(step)
        else:
            self.process.stdin.write(json.dumps(step) + "\n")
            self.process.stdin.flush()
        try:
            return self.results.get(timeout=self.wait)
        except queue.Empty:
            return {"id": step["id"], "remote": "no answer", "error": f"no result within {self.wait} s"}

    def close(self):
        if hasattr(self, "steps"):
            self.steps.put(None)
            self.process.kill()
            self.process.wait()
            self.server.shutdown()
            shutil.rmtree(self.profile, ignore_errors=True)
        else:
            self.process.stdin.close()
            self.process.wait(timeout=10)


def run_receiver(receiver, cases, stall=20):
    """Serves the cases one by one to a headless browser on a loopback page; returns id ->
    result. A case after which the page goes silent for `stall` seconds (the tab crashed or
    hung) is recorded as `no answer`, and a new browser goes on with the next case."""
    pending = list(reversed(cases))
    results, lock = {}, threading.Lock()
    state = {"in_flight": None, "progress": time.time(), "restart": False}

    def next_case():
        with lock:
            case = pending.pop() if pending else None
            state["in_flight"] = case
            state["progress"] = time.time()
        fields = ("id", "sdp", "type", "codecs", "directions", "answerer")
        return None if case is None else {"type": "offer", **{k: case[k] for k in fields if k in case}}

    def posted(path, body):
        with lock:
            if path == "/restart":
                state["restart"] = True
                return
            results[body["id"]] = body
            state["in_flight"] = None
            state["progress"] = time.time()

    server = serve(next_case, posted)
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


def run_sdplint(sdplint, profile, cases, offer=None):
    """sdplint's error-level codes for each case, checked for `profile`: as an offer, or with
    `offer`, as the answer to it (the two as RTCSessionDescriptionInit records of one NDJSON
    file, so that the offer/answer rules see both); only the answer's findings count."""
    folder = tempfile.mkdtemp(prefix="conformance-cases-")
    ending = ".sdp" if offer is None else ".ndjson"
    try:
        for c in cases:
            with open(os.path.join(folder, c["id"] + ending), "w", newline="") as f:
                if offer is None:
                    f.write(c["sdp"])
                else:
                    f.write(json.dumps({"type": "offer", "sdp": offer}) + "\n"
                            + json.dumps({"type": "answer", "sdp": c["sdp"]}) + "\n")
        chosen = ["--profile", profile] if profile else []
        kind = ["--type", "offer", "--input", "sdp"] if offer is None else []
        out = subprocess.run([sdplint, "check", *kind, *chosen, "--format", "json", folder],
                             capture_output=True, text=True).stdout
        report = json.loads(out)
        # A file can hold several entries (a second v= line starts a second description): its
        # verdict takes the findings of all of them, less those about the offer.
        found = {}
        for entry in report.get("files", []):
            case = os.path.basename(entry["path"])[: -len(ending)]
            context = entry.get("context") or ""
            about_offer = offer is not None and context.startswith("message 1 ")
            found.setdefault(case, []).extend(
                d for d in entry.get("diagnostics", [])
                if not about_offer and not (offer is not None and not context and d.get("line") == 1))
        return {case: {"errors": sorted({d["code"] for d in ds if d["severity"] == "error"}),
                       "others": sorted({d["code"] for d in ds if d["severity"] != "error"})}
                for case, ds in found.items()}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def summarize(receiver, full_version, cases, results, verdicts, folder="results"):
    """Agreement figures and the disagreements, grouped by what was mutated; `folder` names the
    set (results/ for offers, answers/, heldout/, compound/)."""
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
    return {"receiver": receiver, "version": full_version, "counts": counts, "rows": rows, "folder": folder}


def agreement(counts):
    """The share of the cases with a verdict on which sdplint agrees, in percent."""
    return 100.0 * counts["agree"] / max(1, counts["agree"] + counts["missed"] + counts["false"])


def explanation_key(summary):
    """How explanations.json names a summary's receiver: answers apart from offers."""
    return summary["receiver"] + (" answers" if summary["folder"] == "answers" else "")


def score(receiver, cases, folder, sdplint, rescore, offer=None):
    """One receiver's verdicts on `cases`, from the receiver or, with `rescore`, as recorded in
    `folder`; checked by sdplint (beside `offer` for answers), summarized and written to `folder`."""
    full_version, major = version(receiver)
    started = time.time()
    results = recorded(receiver, major, folder) if rescore else receive(receiver, cases)
    verdicts = run_sdplint(sdplint, RECEIVERS[receiver]["profile"], cases, offer=offer)
    summary = summarize(receiver, full_version, cases, results, verdicts, folder)
    named = "" if folder == "results" else f", {folder}"
    # A rescore rewrites the record only when it scored every case in it: a sample drawn from
    # today's pool of cases may miss some, and their verdicts must not be lost.
    missing = set(results) - {case["id"] for case in cases} if rescore else set()
    if missing:
        print(f"{receiver}{named}: {len(missing)} recorded cases are not among these; the record is kept as it is",
              file=sys.stderr)
    else:
        write_results(summary, major, folder)
    print(f"{receiver} {full_version}{named}: {summary['counts']} in {time.time() - started:.0f} s", file=sys.stderr)
    return summary


def recorded(receiver, major, folder="results"):
    """The receiver's verdicts recorded for this version, by case id."""
    keys = ("id", "remote", "error", "local", "localError")
    with gzip.open(os.path.join(HERE, folder, f"{receiver}-{major}.jsonl.gz"), "rt") as f:
        return {r["id"]: {k: r.get(k) for k in keys} for r in map(json.loads, f)}


def write_results(summary, major, folder="results"):
    os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    path = os.path.join(HERE, folder, f"{summary['receiver']}-{major}.jsonl.gz")
    # No time stamp in the gzip header: the same verdicts give the same file.
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        for row in summary["rows"]:
            f.write((json.dumps(row, sort_keys=True) + "\n").encode())
    return path


def drift(receiver, major, rows):
    """What changed against every other recorded version of this receiver: the cases both
    versions were given whose verdict differs, grouped by what was mutated. A browser update
    that starts refusing what it took shows up here before users find it."""
    changes = []
    for path in sorted(glob.glob(os.path.join(HERE, "results", f"{receiver}-*.jsonl.gz"))):
        other = os.path.basename(path)[len(receiver) + 1: -len(".jsonl.gz")]
        if other == major:
            continue
        with gzip.open(path, "rt") as f:
            before = {r["id"]: r for r in map(json.loads, f)}
        both = [r for r in rows if r["id"] in before]
        groups = {}
        for r in both:
            was, now = before[r["id"]]["remote"] == "accepted", r["remote"] == "accepted"
            if was != now:
                key = ("now accepted" if now else "now refused", r["kind"], r["detail"])
                groups.setdefault(key, []).append((before[r["id"]], r))
        changes.append({"version": other, "cases": len(both), "groups": groups})
    return changes


def drift_markdown(summary):
    lines = []
    for change in summary.get("drift", []):
        changed = sum(len(v) for v in change["groups"].values())
        lines += ["", f"### Verdicts changed against version {change['version']}", "",
                  f"Of the {change['cases']} cases both versions were given, {changed} changed verdict."]
        if not changed:
            continue
        lines += ["", "| change | mutation | line | cases | then | now | example |", "|---|---|---|---:|---|---|---|"]
        for (what, kind, detail), pairs in sorted(change["groups"].items(), key=lambda kv: (-len(kv[1]), kv[0])):
            then, now = pairs[0]
            said = [" ".join((r.get("error") or "accepted").split()).replace("|", "\\|")[:100] for r in (then, now)]
            lines.append(f"| {what} | {kind} | `{detail}` | {len(pairs)} | {said[0]} | {said[1]} | `{now['id']}` |")
    return lines


def explanations():
    """Why each remaining disagreement is what it is, by receiver, outcome, mutation and line:
    the receiver's behaviour and the text of the standard (explanations.json)."""
    with open(os.path.join(HERE, "explanations.json")) as f:
        return {(e["receiver"], e["outcome"], e["mutation"], e["line"]): e["why"] for e in json.load(f)}


def profile_flag(receiver):
    profile = RECEIVERS[receiver]["profile"]
    return f"`--profile {profile}`" if profile else "the base rules"


def summary_row(s):
    c = s["counts"]
    n = c["agree"] + c["missed"] + c["false"]
    return (f"| {RECEIVERS[s['receiver']]['name']} | {s['version']} | {n} | {c['agree']} | {c['missed']} | "
            f"{c['false']} | {agreement(c):.1f}% | {profile_flag(s['receiver'])} |")


def disagreements(s):
    """Every disagreement of one receiver's summary, grouped by what was mutated, each with
    why it stands (explanations.json)."""
    groups = {}
    for r in s["rows"]:
        if r["outcome"] != "agree":
            groups.setdefault((r["outcome"], r["kind"], r["detail"]), []).append(r)
    if not groups:
        return ["", "No disagreement."]
    why = explanations()
    key, folder = explanation_key(s), s["folder"]
    def reason(outcome, kind, detail):
        """The explanation of a group; for two mutations without one of their own, that of the
        only one of the two that has one, alone."""
        if (key, outcome, kind, detail) in why:
            return why[(key, outcome, kind, detail)]
        parts = [(k, d) for k, d in zip(kind.split(" + "), detail.split(" + ")) if (key, outcome, k, d) in why]
        if " + " in kind and len(parts) == 1:
            return f"As for {parts[0][0]} `{parts[0][1]}` alone: " + why[(key, outcome, *parts[0])]
        return None

    unexplained = sum(len(rows) for (outcome, kind, detail), rows in groups.items()
                      if reason(outcome, kind, detail) is None)
    lines = ["", "Every disagreement, grouped by what was changed, with why it stands (one example each; all "
             f"cases are in `Conformance/{folder}/{s['receiver']}-*.jsonl.gz`). "
             f"Cases without an explanation: {unexplained}.", "",
             "| outcome | mutation | line | cases | receiver says | then answering | sdplint says | why | example |",
             "|---|---|---|---:|---|---|---|---|---|"]
    for (outcome, kind, detail), rows in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        example = rows[0]
        said = " ".join((example["error"] or "accepted").split()).replace("|", "\\|")[:160]
        codes = ", ".join(example["sdplint"]) or "no error"
        what = "refused, sdplint silent" if outcome == "missed" else "accepted, sdplint errs"
        # An offer taken but impossible to answer is refused all the same, one step later.
        answering = "—" if example.get("local") is None else (
            "refused: " + " ".join((example.get("localError") or "").split()).replace("|", "\\|")[:100]
            if example["local"] == "refused" else "accepted")
        said_why = (reason(outcome, kind, detail) or "not explained yet").replace("|", "\\|")
        lines.append(f"| {what} | {kind} | `{detail}` | {len(rows)} | {said} | {answering} | {codes} | "
                     f"{said_why} | `{example['id']}` from `{example['seed']}` |")
    return lines


def held_out_cases(limit, known):
    """`limit` mutated offers that are not among `known` (the recorded cases the profiles were
    built from), the same for every receiver."""
    pool = [c for c in build_cases(0) if c["kind"] != "original" and c["id"] not in known]
    random.Random(2).shuffle(pool)
    return sorted(pool[:limit], key=lambda c: c["id"])


@functools.lru_cache(maxsize=None)
def compound_cases(limit):
    """`limit` offers with two mutations each, the second made on the first's result: a seeded
    draw, the same for every receiver, of mutations that meet each other."""
    rng, originals, cases, seen = random.Random(3), seeds(), [], set()
    while len(cases) < limit:
        origin, text = rng.choice(originals)
        first = list(mutate.mutations(text))
        if not first:
            continue
        kind, detail, once = rng.choice(first)
        second = list(mutate.mutations(once))
        if not second:
            continue
        other_kind, other_detail, twice = rng.choice(second)
        digest = hashlib.sha256(twice.encode()).hexdigest()[:16]
        if digest not in seen and twice != text:
            seen.add(digest)
            cases.append({"id": digest, "seed": origin, "kind": f"{kind} + {other_kind}",
                          "detail": f"{detail} + {other_detail}", "sdp": twice})
    return sorted(cases, key=lambda c: c["id"])


def markdown(summaries, total_cases, command, answered=(), held=()):
    header = ["| receiver | version | cases | agree | refused, sdplint silent | accepted, sdplint errs | agreement "
              "| checked with |", "|---|---|---:|---:|---:|---:|---:|---|"]
    lines = ["# Conformance: sdplint's verdicts beside real receivers", "",
             "Written by `Conformance/run.py` (see `Conformance/README.md`); do not edit by hand.", "",
             f"Command: `{command}`. Cases: {total_cases} distinct offers: the offers in `Fixtures/corpus` "
             "and `Fixtures/standards`, and mutations of them along the SDP grammar. Each receiver gets each "
             "case in a fresh RTCPeerConnection (setRemoteDescription, then createAnswer and "
             "setLocalDescription); `sdplint check --type offer` checks the same text with the receiver's "
             "profile (the table's last column; the base rules alone where sdplint has none). A case agrees "
             "when sdplint reports an error exactly when the receiver refuses the offer in "
             "setRemoteDescription.", ""] + header
    lines += [summary_row(s) for s in summaries]
    if answered:
        lines += ["", "Answers (see [Answers](#answers)): each receiver made an offer, and answers to it went back to "
                  "a peer that had made the same offer.", ""] + header + [summary_row(s) for s in answered]
    single = [s for s in held if s["folder"] == "heldout"]
    double = [s for s in held if s["folder"] == "compound"]
    if single:
        lines += ["", "Held out (see [Held out](#held-out)): offers that are not among the cases above, which the "
                  "profiles were built from.", ""] + header + [summary_row(s) for s in single]
    if double:
        lines += ["", "Two mutations (see [Held out](#held-out)): offers with a second mutation made on the first's "
                  "result.", ""] + header + [summary_row(s) for s in double]
    for s in summaries:
        originals = [r for r in s["rows"] if r["kind"] == "original"]
        agree = sum(r["outcome"] == "agree" for r in originals)
        lines += ["", f"## {s['version']}", "",
                  f"Unmutated offers (real captures and standards' examples): {agree} of {len(originals)} agree."]
        lines += drift_markdown(s)
        lines += disagreements(s)
    if answered:
        lines += ["", "## Answers", "",
                  "Each receiver made an offer with audio, video and a data channel (createOffer, "
                  "setLocalDescription); every installed engine answered that offer; the answers and mutations "
                  "of them went, each to a fresh peer of the receiver that had made the same offer, to "
                  "setRemoteDescription. `sdplint check` with the receiver's profile checks the answer "
                  "beside that offer (one NDJSON file of the two), so that the offer/answer rules apply; only the "
                  "answer's findings count. The offers and answers are in `Conformance/answers/<receiver>-<version>.seeds.json`."]
        for s in answered:
            originals = [r for r in s["rows"] if r["kind"] == "original"]
            agree = sum(r["outcome"] == "agree" for r in originals)
            sources = ", ".join(sorted({r["seed"] for r in originals}))
            lines += ["", f"### {s['version']}, answers", "",
                      f"Unmutated answers ({sources}): {agree} of {len(originals)} agree."]
            lines += disagreements(s)
    if held:
        lines += ["", "## Held out", "",
                  "Mutated offers drawn from those not among the cases above (`--held-out`), so that the profiles "
                  "meet cases they were not built from, and offers with two mutations each (`--compound`), so that "
                  "mutations meet each other; each receiver's verdicts are in "
                  "`Conformance/heldout/<receiver>-<version>.jsonl.gz` and `Conformance/compound/`."]
        for s in held:
            lines += ["", f"### {s['version']}, {'two mutations' if s['folder'] == 'compound' else 'held out'}"]
            lines += disagreements(s)
    return "\n".join(lines) + "\n"


ANSWER_RECEIVERS = ("chromium", "firefox", "aiortc", "gstreamer")
FLOW_CODECS = [("opus", "VP8"), ("PCMU", "VP9"), ("PCMA", "H264"), ("G722", "AV1")]
FLOW_DIRECTIONS = [("sendrecv", "sendrecv"), ("sendrecv", "recvonly"), ("sendonly", "sendrecv"),
                   ("recvonly", "sendrecv"), ("sendrecv", "inactive"), ("inactive", "sendrecv")]


def flow_cases():
    """Two peers of one browser on one page: the offerer prefers one audio and one video codec
    and takes one direction for both sections, the answerer another (JSEP answers with what
    both allow)."""
    cases = []
    for audio, video in FLOW_CODECS:
        for offerer, answerer in FLOW_DIRECTIONS:
            cases.append({"id": f"{audio}-{video}-{offerer}-{answerer}", "type": "flow", "sdp": "",
                          "codecs": {"audio": audio, "video": video},
                          "directions": {"audio": offerer, "video": offerer},
                          "answerer": {"audio": answerer, "video": answerer}})
    return cases


# Flows across engines: a browser offers, another engine answers; the browser's getStats tells
# what each side sends (its outbound-rtp, and its inbound-rtp for the answerer's).
CROSS_PAIRS = [("chromium", "firefox"), ("firefox", "chromium"), ("chromium", "aiortc"), ("firefox", "aiortc")]
CROSS_DIRECTIONS = [("sendrecv", "sendrecv"), ("sendrecv", "recvonly"), ("recvonly", "sendrecv")]


def cross_flows(offerer, answerer):
    """Each flow case with the offerer's peer in one engine and the answerer's in another."""
    cases = [c for c in flow_cases() if (c["directions"]["audio"], c["answerer"]["audio"]) in CROSS_DIRECTIONS]
    first, second = Session(offerer), Session(answerer)
    results = {}
    try:
        for case in cases:
            record = {"id": case["id"]}
            made = first.ask({**case, "type": "flow-offer"})
            answered = made.get("remote") == "accepted" and second.ask(
                {"id": case["id"], "type": "flow-answer", "sdp": made["sdp"], "answerer": case["answerer"]})
            finished = answered and answered.get("remote") == "accepted" and first.ask(
                {"id": case["id"], "type": "flow-finish", "sdp": answered["sdp"]})
            last = finished or answered or made
            record.update(remote=last.get("remote"), error=last.get("error"))
            if finished and finished.get("remote") == "accepted":
                record.update(offer=made["sdp"], answer=answered["sdp"], connected=finished.get("connected"),
                              offererSends=finished.get("sends"), answererSends=finished.get("receives"))
            for session in (first, second):
                session.ask({"id": case["id"], "type": "flow-close"})
            results[case["id"]] = record
    finally:
        first.close()
        second.close()
    return results


def predicted_flows(sdplint, offer, answer):
    """What `sdplint diff` says each side sends in each section: the codec name, or None."""
    folder = tempfile.mkdtemp(prefix="conformance-flow-")
    try:
        paths = []
        for name, text in (("offer.sdp", offer), ("answer.sdp", answer)):
            paths.append(os.path.join(folder, name))
            with open(paths[-1], "w", newline="") as f:
                f.write(text)
        out = subprocess.run([sdplint, "diff", "--format", "json", *paths], capture_output=True, text=True).stdout
        sides = {"offerer": {}, "answerer": {}}
        for section in json.loads(out)["sections"]:
            codec = (section.get("selectedCodec") or {}).get("name")
            for side in sides:
                sending = not section["rejected"] and section[f"{side}Direction"] in ("sendrecv", "sendonly")
                sides[side][section["media"]] = codec if sending else None
        return sides
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def compare_flows(sdplint, results):
    """Each flow: what sdplint predicted beside what getStats reported, side by side and kind
    by kind; a side and kind agree when both say it sends nothing, or both name the same codec."""
    rows = []
    for case_id, r in sorted(results.items()):
        if r.get("remote") != "accepted" or not r.get("offer"):
            rows.append({"id": case_id, "error": r.get("error") or "not connected", "checks": []})
            continue
        predicted = predicted_flows(sdplint, r["offer"], r["answer"])
        checks = []
        for side in ("offerer", "answerer"):
            seen = r.get(f"{side}Sends") or {}
            for kind in ("audio", "video"):
                observed = seen.get(kind)
                observed = observed.split("/", 1)[1] if observed else None
                expected = predicted[side].get(kind)
                agree = (observed or "").lower() == (expected or "").lower()
                checks.append({"side": side, "kind": kind, "predicted": expected, "observed": observed, "agree": agree})
        rows.append({"id": case_id, "connected": r.get("connected"), "checks": checks})
    return rows


def flows_markdown(flows):
    lines = ["", "## What flows", "",
             "Two peers connected on loopback, each sending a tone and a drawn picture (aiortc: silence and "
             "blank pictures): the offerer prefers one audio and one video codec (setCodecPreferences) and "
             "takes one direction, the answerer another. Two peers of one browser share a page; across engines "
             "(offerer → answerer), run.py carries the offer and the answer, each with its gathered candidates, "
             "between a browser's page and the other engine. After 2.5 s of media, getStats tells which codec "
             "each side sends with (the offerer's outbound-rtp, and across engines its inbound-rtp for the "
             "answerer's; bytes sent or received); `sdplint diff --format json` of the offer and answer predicts "
             "it (`selectedCodec`, and the offerer's and answerer's directions). A check is one side and kind.", "",
             "| peers | versions | flows | connected | checks | agree | agreement |", "|---|---|---:|---:|---:|---:|---:|"]
    for name, version, rows in flows:
        checks = [c for r in rows for c in r["checks"]]
        agree = sum(c["agree"] for c in checks)
        lines.append(f"| {name} | {version} | {len(rows)} | {sum(bool(r.get('connected')) for r in rows)} | "
                     f"{len(checks)} | {agree} | {100.0 * agree / max(1, len(checks)):.1f}% |")
    for name, version, rows in flows:
        wrong = [(r["id"], c) for r in rows for c in r["checks"] if not c["agree"]]
        failed = [r for r in rows if not r["checks"]]
        lines += ["", f"### {version}, what flows", ""]
        if not wrong and not failed:
            lines.append("Every check agrees.")
            continue
        lines += ["| flow | side | kind | sdplint predicts | getStats reports |", "|---|---|---|---|---|"]
        for case_id, c in wrong:
            lines.append(f"| `{case_id}` | {c['side']} | {c['kind']} | {c['predicted'] or 'nothing'} | "
                         f"{c['observed'] or 'nothing'} |")
        for r in failed:
            lines.append(f"| `{r['id']}` | — | — | — | {' '.join(str(r['error']).split())[:120]} |")
    return lines
ANSWERERS = ("chromium", "firefox", "aiortc", "gstreamer")


def receive(receiver, cases):
    """The receiver's result for each case, by id: from a Python process of its own or from
    its browser's page."""
    return run_module(receiver, cases) if "python" in RECEIVERS[receiver] else run_receiver(receiver, cases)


def act(engine, case):
    """One case given to `engine`; its result (make-offer and make-answer bring an `sdp`)."""
    return receive(engine, [case]).get(case["id"], {})


def answer_seeds(receiver):
    """The receiver's own offer (audio, video, a data channel) and every installed engine's
    answer to it."""
    offer = act(receiver, {"id": "make-offer", "type": "make-offer", "sdp": ""}).get("sdp")
    answers = []
    for engine in ANSWERERS if offer else ():
        if installed(engine):
            made = act(engine, {"id": "make-answer", "type": "make-answer", "sdp": offer})
            if made.get("sdp"):
                answers.append((f"{RECEIVERS[engine]['name']}'s answer", made["sdp"]))
    return {"offer": offer, "answers": answers}


def answer_cases(seeds, limit):
    cases = build_cases(limit, originals=[tuple(a) for a in seeds["answers"]])
    for case in cases:
        case["type"] = "answer"
    return cases


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--receivers", default="chromium,firefox")
    parser.add_argument("--limit", type=int, default=0, help="at most this many cases (0: all)")
    parser.add_argument("--sdplint", default=os.path.join(ROOT, ".build", "release", "sdplint"))
    parser.add_argument("--output", default=os.path.join(ROOT, "CONFORMANCE.md"))
    parser.add_argument("--rescore", action="store_true",
                        help="check the recorded verdicts (results/) again with this sdplint, without the receivers")
    parser.add_argument("--answers", type=int, default=0,
                        help="also this many answer cases per receiver (Chromium, Firefox, aiortc, GStreamer; 0: none)")
    parser.add_argument("--no-offers", action="store_true",
                        help="not the offer cases (only those of --answers, --held-out, --flows)")
    parser.add_argument("--compound", type=int, default=0,
                        help="also this many offers with two mutations each (compound/), reported with the held-out ones")
    parser.add_argument("--held-out", type=int, default=0,
                        help="also this many mutated offers that are not among the recorded cases (heldout/)")
    parser.add_argument("--flows", action="store_true",
                        help="also connect two peers of each browser and compare what flows with sdplint diff")
    parser.add_argument("--min-agreement", type=float, default=0.0,
                        help="exit 1 when any receiver agrees on fewer cases than this (percent)")
    args = parser.parse_args()
    cases = [] if args.no_offers else build_cases(args.limit)
    print(f"{len(cases)} offer cases", file=sys.stderr)
    summaries, worst = [], 100.0
    for receiver in [] if args.no_offers else args.receivers.split(","):
        if not installed(receiver):
            print(f"{receiver} is not installed; skipped", file=sys.stderr)
            continue
        summary = score(receiver, cases, "results", args.sdplint, args.rescore)
        major = version(receiver)[1]
        summary["drift"] = drift(receiver, major, summary["rows"])
        for change in summary["drift"]:
            changed = sum(len(v) for v in change["groups"].values())
            print(f"{receiver} {major} against {change['version']}: {changed} of {change['cases']} cases changed "
                  "verdict", file=sys.stderr)
        worst = min(worst, agreement(summary["counts"]))
        summaries.append(summary)
    answered = []
    for receiver in args.receivers.split(",") if args.answers else ():
        if receiver not in ANSWER_RECEIVERS or not installed(receiver):
            continue
        seeds_path = os.path.join(HERE, "answers", f"{receiver}-{version(receiver)[1]}.seeds.json")
        if args.rescore:
            with open(seeds_path) as f:
                seeds = json.load(f)
        else:
            seeds = answer_seeds(receiver)
            os.makedirs(os.path.dirname(seeds_path), exist_ok=True)
            with open(seeds_path, "w") as f:
                json.dump(seeds, f, indent=1)
        summary = score(receiver, answer_cases(seeds, args.answers), "answers", args.sdplint, args.rescore,
                        offer=seeds["offer"])
        worst = min(worst, agreement(summary["counts"]))
        answered.append(summary)
    held = []
    sets = [("heldout", args.held_out), ("compound", args.compound)]
    for receiver in args.receivers.split(",") if args.held_out or args.compound else ():
        if not installed(receiver):
            continue
        major = version(receiver)[1]
        for folder, limit in sets:
            if not limit:
                continue
            pool = build_cases(0) if folder == "heldout" else compound_cases(limit)
            if args.rescore:
                known = recorded(receiver, major, folder)
                held_set = [c for c in pool if c["id"] in known]
            elif folder == "heldout":
                held_set = held_out_cases(limit, set(recorded(receiver, major)))
            else:
                held_set = pool
            held.append(score(receiver, held_set, folder, args.sdplint, args.rescore))
    # An explanation no disagreement uses any more is stale: the verdict it explained changed.
    if args.rescore or not args.limit:
        scored = summaries + answered + held
        used = {(explanation_key(s), r["outcome"], kind, detail)
                for s in scored for r in s["rows"] if r["outcome"] != "agree"
                for kind, detail in [(r["kind"], r["detail"])] + list(zip(r["kind"].split(" + "),
                                                                        r["detail"].split(" + ")))}
        # Held-out and compound sets are samples: only a full set of offers or answers says an
        # explanation has nothing left to explain.
        keys = {explanation_key(s) for s in summaries + answered}
        stale = [key for key in explanations() if key not in used and key[0] in keys]
        for key in stale:
            print(f"explanations.json: no disagreement left for {key}", file=sys.stderr)
    command = "python3 Conformance/run.py"
    command += f" --receivers {args.receivers}" if args.receivers != "chromium,firefox" else ""
    command += f" --limit {args.limit}" if args.limit else ""
    flows = []
    chosen = args.receivers.split(",")
    # Two peers of one browser first, then the pairs across engines.
    for offerer, answerer in [(b, b) for b in ("chromium", "firefox")] + CROSS_PAIRS if args.flows else ():
        if offerer not in chosen or answerer not in chosen or not installed(offerer) or not installed(answerer):
            continue
        (first, first_major), (second, second_major) = version(offerer), version(answerer)
        alone = offerer == answerer
        path = os.path.join(HERE, "flows", f"{offerer}-{first_major}"
                            + ("" if alone else f"--{answerer}-{second_major}") + ".json")
        if args.rescore:
            with open(path) as f:
                results = json.load(f)
        else:
            results = run_receiver(offerer, flow_cases()) if alone else cross_flows(offerer, answerer)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                json.dump(results, f, indent=1, sort_keys=True)
        rows = compare_flows(args.sdplint, results)
        checks = [c for r in rows for c in r["checks"]]
        label = RECEIVERS[offerer]["name"] + ("" if alone else f" → {RECEIVERS[answerer]['name']}")
        print(f"{label}, flows: {sum(c['agree'] for c in checks)} of {len(checks)} checks agree", file=sys.stderr)
        flows.append((label, first if alone else f"{first} → {second}", rows))
    command += f" --answers {args.answers}" if args.answers else ""
    command += " --flows" if args.flows else ""
    command += f" --held-out {args.held_out}" if args.held_out else ""
    command += f" --compound {args.compound}" if args.compound else ""
    with open(args.output, "w") as f:
        f.write(markdown(summaries, len(cases), command, answered, held) + "\n".join(flows_markdown(flows) if flows else []) + ("\n" if flows else ""))
    return 1 if summaries and worst < args.min_agreement else 0


if __name__ == "__main__":
    sys.exit(main())
