#!/usr/bin/env python3
"""Peak memory of redline against the size of its input (issue 15: within 20x the input).

Generates drafts of many short paragraphs (the input class that costs the most memory per
byte: every paragraph is a block, a unit and a line of its own), plain text and Markdown, and
a mutation of each; runs `redline parse` (outline and JSON), `redline diff --format json` and
`redline brief` (Markdown and DOCX) on them, each in a process of its own, and reports the peak resident memory (ru_maxrss of that
process) divided by the bytes read (both drafts for diff). Optional real pairs are measured the
same way. A process needs some 20 MB whatever it reads (the executable, ICU's data, the
allocator's reserve): that base, measured as the peak of parsing a one-line draft, is taken
off before dividing ("ratio"); "gross" divides the whole peak.

Usage: bench/memory_ratio.py [--redline build/cli/redline] [--mb 10] [--kinds short,word]
                             [--formats txt,md] [--pair OLD NEW]... [--limit 20]
Exits 1 when a ratio is over --limit (inputs of a megabyte or more) or redline fails. Run from the checkout, in a Release build.
"""
import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile

WORDS = ("the device shall not store data in clear text and must verify each key before use "
         "a server may send frames when its peer should accept them").split()


def paragraphs(kind, size, seed):
    """Paragraphs of `kind` until `size` bytes: 'short' has 3-8 words, 'word' one word."""
    rng = random.Random(seed)
    out, n = [], 0
    while n < size:
        if kind == "word":
            p = rng.choice(WORDS)
        else:
            p = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8))).capitalize() + "."
        out.append(p)
        n += len(p) + 2
    return out


def mutated(paras, seed):
    """Every 20th paragraph: 30% get a word more, 10% are deleted."""
    rng = random.Random(seed)
    out = list(paras)
    for i in range(0, len(out), 20):
        r = rng.random()
        if r < 0.3:
            out[i] += " extra"
        elif r < 0.4:
            out[i] = ""
    return [p for p in out if p]


def peak_rss(cmd):
    """Peak resident memory in bytes of one run of cmd (output discarded) and its exit status."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.stderr.close()
    return usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--redline", default="build/cli/redline")
    ap.add_argument("--mb", type=float, default=10.0, help="size of each generated draft in MB")
    ap.add_argument("--kinds", default="short,word")
    ap.add_argument("--formats", default="txt,md")
    ap.add_argument("--pair", nargs=2, action="append", default=[], metavar=("OLD", "NEW"))
    ap.add_argument("--limit", type=float, default=20.0, help="the ratio not to exceed")
    args = ap.parse_args()

    over = False
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as one_line:
        one_line.write("The device shall not store data in clear text.\n")
        one_line.flush()
        base, _ = peak_rss([args.redline, "parse", one_line.name])
    print(f"base (parse of a one-line draft): {base / 1e6:.1f} MB")
    print(f"{'input':<28} {'command':<12} {'MB in':>8} {'peak MB':>8} {'gross':>6} {'ratio':>6}")

    def report(name, command, cmd, inputs):
        nonlocal over
        rss, code = peak_rss(cmd)
        size = sum(os.path.getsize(f) for f in inputs)
        ratio = max(0, rss - base) / size
        # Below a megabyte the base's own jitter (a few MB) is most of what remains.
        flag = "" if ratio <= args.limit or size < 1e6 else f"  over {args.limit:g}x"
        if code not in (0, 1):
            flag += f"  (exit {code})"
        over = over or bool(flag)
        print(f"{name:<28} {command:<12} {size / 1e6:8.1f} {rss / 1e6:8.1f} {rss / size:6.1f} {ratio:6.1f}{flag}",
              flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kinds.split(","):
            paras = paragraphs(kind, int(args.mb * 1e6), 1)
            new = mutated(paras, 2)
            for ext in args.formats.split(","):
                a, b = os.path.join(tmp, f"{kind}.{ext}"), os.path.join(tmp, f"{kind}-new.{ext}")
                with open(a, "w") as f:
                    f.write("\n\n".join(paras) + "\n")
                with open(b, "w") as f:
                    f.write("\n\n".join(new) + "\n")
                name = f"{kind} paragraphs .{ext}"
                report(name, "parse", [args.redline, "parse", a], [a])
                report(name, "parse json", [args.redline, "parse", a, "--format", "json"], [a])
                report(name, "diff json", [args.redline, "diff", a, b, "--format", "json"], [a, b])
                for fmt in ("md", "docx"):
                    out = os.path.join(tmp, f"brief.{fmt}")
                    report(name, f"brief {fmt}", [args.redline, "brief", a, b, "-o", out], [a, b])
        for old, new in args.pair:
            report(os.path.basename(new)[-28:], "parse json", [args.redline, "parse", new, "--format", "json"], [new])
            report(os.path.basename(old)[-28:], "diff json", [args.redline, "diff", old, new, "--format", "json"], [old, new])
            for fmt in ("md", "docx"):
                out = os.path.join(tmp, f"brief.{fmt}")
                report(os.path.basename(old)[-28:], f"brief {fmt}", [args.redline, "brief", old, new, "-o", out], [old, new])
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
