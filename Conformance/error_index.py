#!/usr/bin/env python3
"""Writes the index `sdplint explain --error` reads: every error text the receivers gave in the
recorded cases (offers in results/ and heldout/, answers in answers/), reduced to a pattern, with how many cases gave it and which
sdplint rules (at error level under the receiver's profile) the mutation of each case brought:
the rules that fired on it and not on its unmodified seed.

    python3 Conformance/error_index.py        # after python3 Conformance/run.py

The pattern is the text with the DOM wrapper removed, quoted values and numbers replaced, and
white space collapsed; Sources/SDPLint/Explain/ReceiverErrors.swift reduces a pasted message the
same way (`ReceiverErrors.pattern`), so both must change together.
"""

import collections
import glob
import gzip
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUTPUT = os.path.join(ROOT, "Sources", "SDPLint", "Explain", "ReceiverErrorIndex.swift")
NAMES = {"chromium": "Chromium", "firefox": "Firefox ESR", "aiortc": "aiortc", "gstreamer": "GStreamer webrtcbin"}


def pattern(message):
    """The message reduced as ReceiverErrors.pattern reduces it."""
    text = message.strip()
    text = re.sub(r"^[A-Za-z]*Error: ", "", text)
    text = re.sub(r"^Failed to execute '[^']*' on '[^']*': ", "", text)
    sipcc = "SIPCC Failed to parse SDP: "
    if text.startswith(sipcc):
        # SIPCC lists every problem it met, warnings first; the first error is why it refused.
        parts = [p.strip() for p in re.split(r"SDP Parse Error on line \d+:", text[len(sipcc):]) if p.strip()]
        errors = [p for p in parts if not p.startswith("Warning")]
        chosen = (errors or parts or [""])[0]
        text = sipcc + "SDP Parse Error on line 0: " + chosen
    text = re.sub(r"'[^']*'", "'{}'", text)
    text = re.sub(r'"[^"]*"', '"{}"', text)
    text = re.sub(r"[0-9]+", "{n}", text)
    return re.sub(r"\s+", " ", text).strip()


def explaining(entry, overall, refused):
    """The rules that explain a message: those on at least half of its cases that are also
    particular to it, their lift (how much more often they fire on its cases than on all refused
    cases) at least three quarters of the highest; a rule that fires on most refusals, as a
    missing a=rtcp-mux does on old SIP offers, explains none in particular. None when no rule is
    that frequent."""
    n = entry["cases"]
    lift = {code: (count / n) / (overall[code] / refused) for code, count in entry["codes"].items()}
    frequent = [code for code, count in entry["codes"].items() if count * 2 >= n]
    if not frequent:
        return []  # no rule fires on most of its cases: sdplint does not explain it
    best = max(lift[code] for code in frequent)
    chosen = [code for code in frequent if lift[code] * 4 >= best * 3]
    return sorted(((code, entry["codes"][code]) for code in chosen), key=lambda item: (-item[1], item[0]))


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def table(out, name, rows, doc):
    """A static string of `rows`, one per line, in a raw Swift multi-line literal, so that the
    fields' own backslash escapes reach the Swift reader as they are."""
    for line in doc:
        out.write(f"    /// {line}\n")
    out.write(f'    static let {name} = #"""\n')
    for row in rows:
        out.write("        " + row + "\n")
    out.write('        """#\n')


def main():
    rows = []
    sources = []
    measured = []
    for path in sorted(glob.glob(os.path.join(HERE, "results", "*.jsonl.gz"))):
        receiver, major = os.path.basename(path)[: -len(".jsonl.gz")].rsplit("-", 1)
        recorded = [json.loads(line) for line in gzip.open(path, "rt")]
        cases = len(recorded)
        outcomes = collections.Counter(case["outcome"] for case in recorded)
        # The same version's answers and held-out offers bring their messages too.
        for folder in ("heldout", "answers"):
            more = os.path.join(HERE, folder, os.path.basename(path))
            if os.path.exists(more):
                recorded += [json.loads(line) for line in gzip.open(more, "rt")]
        # A mutated case's rules, less those its unmodified seed already had: the rules the
        # mutation brought, which are what the receiver's message is about.
        # A case its seed's own refusal carries over to (the same message) keeps all its rules.
        seeded = {case["seed"]: set(case["sdplint"]) for case in recorded if case["kind"] == "original"}
        refusals = {case["seed"]: pattern(case["error"]) for case in recorded
                    if case["kind"] == "original" and case["remote"] != "accepted" and case.get("error")}
        found = collections.OrderedDict()
        for case in recorded:
            message = case.get("error")
            if case["remote"] == "accepted" or not message:
                continue
            key = pattern(message)
            entry = found.setdefault(key, {"example": message, "cases": 0, "codes": collections.Counter()})
            entry["cases"] += 1
            inherited = case["kind"] == "original" or refusals.get(case["seed"]) == key
            before = set() if inherited else seeded.get(case["seed"], set())
            entry["codes"].update(sorted(set(case["sdplint"]) - before))
        sources.append(f"{os.path.basename(path)} ({cases} offers, {len(recorded)} cases in all)")
        measured.append("\t".join([NAMES.get(receiver, receiver), major, str(cases), str(outcomes["agree"]),
                                   str(outcomes["missed"]), str(outcomes["false"])]))
        refused = sum(entry["cases"] for entry in found.values())
        overall = collections.Counter()
        for entry in found.values():
            overall.update(entry["codes"])
        for key, entry in sorted(found.items(), key=lambda item: (-item[1]["cases"], item[0])):
            codes = ",".join(f"{code}:{count}" for code, count in explaining(entry, overall, refused))
            rows.append("\t".join([NAMES.get(receiver, receiver), major, str(entry["cases"]), escape(key),
                                   escape(entry["example"]), codes]))
    with open(OUTPUT, "w") as out:
        out.write("// Generated by Conformance/error_index.py from " + ", ".join(sources) + ".\n")
        out.write("// Do not edit: run the harness, then the script.\n\n")
        out.write("extension ReceiverErrors {\n")
        table(out, "recorded", rows, [
            "One error per line: receiver, major version, cases, pattern, an example as the receiver",
            "wrote it, and the rules that explain it with the cases each fired on (code:cases),",
            "tab-separated."])
        out.write("\n")
        table(out, "measuredVersions", measured, [
            "One recorded receiver version per line: receiver, version, cases, and how many of them",
            "sdplint agreed on, missed (refused, sdplint silent) and erred on (accepted, sdplint",
            "reported an error), tab-separated."])
        out.write("}\n")
    print(f"{len(rows)} patterns from {', '.join(sources)} -> {os.path.relpath(OUTPUT, ROOT)}")


if __name__ == "__main__":
    main()
