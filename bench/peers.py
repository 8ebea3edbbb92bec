#!/usr/bin/env python3
"""Time `redline diff --format json` against word-diff peers on the same files, in one run.

Usage: bench/peers.py [--redline build-release/cli/redline] [--runs 11] [OLD NEW]
Defaults to QUIC transport drafts 29 → 30 from ../shared/corpus. Peers: wdiff and
`git diff --no-index --word-diff` (scripts/setup.sh wdiff installs wdiff). Runs the commands
in turn (redline, wdiff, git, redline, …) and prints the median time of each and the median
of the per-run ratios, plus redline's peak memory (ru_maxrss of the child).
"""
import argparse, os, resource, shutil, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, '..', 'shared', 'corpus', 'ietf-quic-transport')


def timed(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - t0
    del before
    return elapsed, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--redline', default=os.path.join(ROOT, 'build-release', 'cli', 'redline'))
    ap.add_argument('--runs', type=int, default=11)
    ap.add_argument('files', nargs='*')
    a = ap.parse_args()
    old, new = a.files if len(a.files) == 2 else (os.path.join(CORPUS, 'draft-ietf-quic-transport-29.md'),
                                                  os.path.join(CORPUS, 'draft-ietf-quic-transport-30.md'))
    commands = {'redline': [a.redline, 'diff', old, new, '--format', 'json']}
    if shutil.which('wdiff'):
        commands['wdiff'] = ['wdiff', old, new]
    if shutil.which('git'):
        commands['git --word-diff'] = ['git', 'diff', '--no-index', '--word-diff', old, new]
    times = {k: [] for k in commands}
    mem = []
    for name, cmd in commands.items():  # warm-up
        timed(cmd)
    for _ in range(a.runs):
        for name, cmd in commands.items():
            t, m, code = timed(cmd)
            if name == 'redline':
                if code not in (0, 1):
                    sys.exit(f'redline exited {code}')
                mem.append(m)
            times[name].append(t)
    print(f'{os.path.basename(old)} -> {os.path.basename(new)}, {a.runs} runs each, interleaved')
    for name, ts in times.items():
        print(f'  {name:18} median {statistics.median(ts) * 1000:8.1f} ms   (min {min(ts) * 1000:.1f}, max {max(ts) * 1000:.1f})')
    for name in times:
        if name == 'redline':
            continue
        ratios = [r / p for r, p in zip(times['redline'], times[name])]
        print(f'  redline / {name:18} median ratio {statistics.median(ratios):.2f}')
    print(f'  redline peak memory {max(mem):.1f} MB')


if __name__ == '__main__':
    main()
