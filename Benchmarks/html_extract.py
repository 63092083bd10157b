#!/usr/bin/env python3
"""Side-by-side speed of article extraction from HTML pages: ArticleKit vs trafilatura.

In the same run, on the same pages:
  1. in-process: `articlekit-bench` converts every page to JSON in one process; trafilatura
     extracts every page in one Python process (both read the files first, then time the loop);
  2. as a command: `articlekit convert PAGE --to json` vs the `trafilatura` command on one page,
     timed with hyperfine.
Prints pages per second for each and the ratios.

    python3 Benchmarks/html_extract.py [--pages ../shared/corpus/html/fundus/html] [--build .build/release]

Build first with `swift build -c release`.
"""
import argparse
import gzip
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time


def unpack(pages_dir, tmp):
    out = []
    for p in sorted(pathlib.Path(pages_dir).iterdir()):
        if p.name.endswith(".html.gz"):
            q = pathlib.Path(tmp) / p.name[:-3]
            q.write_bytes(gzip.decompress(p.read_bytes()))
            out.append(q)
        elif p.suffix in (".html", ".htm"):
            out.append(p)
    return out


def trafilatura_in_process(files, repeat, metadata):
    import trafilatura
    pages = [f.read_bytes() for f in files]
    for html in pages[:3]:
        trafilatura.extract(html)  # warm up imports and caches
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for html in pages:
            if metadata:
                trafilatura.extract(html, output_format="json", with_metadata=True)
            else:
                trafilatura.extract(html)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    return len(pages) * repeat / secs, len(pages) * repeat / cpu


def articlekit_in_process(bench, folder, repeat):
    run = subprocess.run([bench, "--repeat", str(repeat), folder], capture_output=True, text=True, check=True)
    # "articlekit: N pages in S s = R pages/s ..."
    line = run.stdout.strip().splitlines()[-1]
    wall = float(line.split(" = ")[1].split(" pages/s")[0])
    cpu = float(line.split(" = ")[2].split(" pages/s")[0])
    return wall, cpu, line


def hyperfine(commands, runs):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        out = f.name
    subprocess.run(["hyperfine", "--warmup", "3", "--runs", str(runs), "--export-json", out] + commands,
                   check=True, capture_output=True)
    data = json.loads(pathlib.Path(out).read_text())
    os.unlink(out)
    return [r["mean"] for r in data["results"]]


def main():
    here = pathlib.Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", default=str(here.parent / "shared/corpus/html/fundus/html"))
    ap.add_argument("--build", default=str(here / ".build/release"))
    ap.add_argument("--repeat", type=int, default=1, help="passes over the folder in-process")
    ap.add_argument("--runs", type=int, default=20, help="hyperfine runs per command")
    ap.add_argument("--page", help="the page for the command timing (default: the first)")
    args = ap.parse_args()
    bench = os.path.join(args.build, "articlekit-bench")
    cli = os.path.join(args.build, "articlekit")
    for exe in (bench, cli):
        if not os.path.exists(exe):
            sys.exit(f"{exe} is missing: run `swift build -c release` first")
    with tempfile.TemporaryDirectory() as tmp:
        files = unpack(args.pages, tmp)
        print(f"{len(files)} pages from {args.pages}")
        ak, akc, line = articlekit_in_process(bench, tmp, args.repeat)
        print(line)
        trm, trmc = trafilatura_in_process(files, args.repeat, metadata=True)
        print(f"trafilatura, JSON with metadata (the same work): {trm:.1f} pages/s ({1000 / trm:.2f} ms/page); CPU {trmc:.1f} pages/s")
        tr, trc = trafilatura_in_process(files, args.repeat, metadata=False)
        print(f"trafilatura, plain text only: {tr:.1f} pages/s ({1000 / tr:.2f} ms/page); CPU {trc:.1f} pages/s")
        print(f"in-process ratio, wall clock: ArticleKit is {ak / trm:.1f}x trafilatura with metadata, {ak / tr:.1f}x plain text")
        print(f"in-process ratio, CPU time:   ArticleKit is {akc / trmc:.1f}x trafilatura with metadata, {akc / trc:.1f}x plain text (target >= 5x)")
        page = args.page or str(files[0])
        if shutil.which("hyperfine") and shutil.which("trafilatura"):
            a, t = hyperfine([f"{cli} convert {page} --from html --to json --output - > /dev/null",
                              f"trafilatura --json < {page} > /dev/null"],
                             args.runs)
            print(f"command, one page ({pathlib.Path(page).name}): articlekit {a * 1000:.1f} ms, trafilatura {t * 1000:.1f} ms")
            print(f"command ratio: ArticleKit is {t / a:.1f}x faster (target >= 10x)")
        else:
            print("hyperfine or trafilatura not found: command timing skipped")


if __name__ == "__main__":
    main()
