"""Throughput of `clean_text` (the whole `clean_document`) on one core, in MB of raw text per second.

Cleans `--repeat` times, in this process (one thread), (a) every page of the shared dev set and
our own pages, real pages heavy in chrome (about 40 bytes per line; our own are small, so the
fixed cost of a page weighs on them), (b) 300 generated articles (`benchmarks.corpus`: real
paragraphs in page chrome, about 90 bytes per line) and (c) the seeds, and prints for each the MB/s
over all passes and of the fastest pass (the least disturbed by other work on the machine).
Usage: python -m benchmarks.cleaning_speed [--repeat N]
"""

from __future__ import annotations

import random
import sys
import time

from benchmarks import corpus
from benchmarks.score_cleaning import ROOT, SETS
from pipeline.cleaning.cleaner import clean_text


def dev_pages() -> list[str]:
    return [p.read_text(encoding="utf-8") for docs, _ in SETS.values() for p in sorted(docs.glob("*.txt")) if not p.name.endswith(".body.txt")]


def generated_pages(n: int = 300) -> list[str]:
    rng, pool = random.Random(0), corpus.real_paragraphs()
    return [corpus.article(rng, pool) for _ in range(n)]


def seed_pages() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def throughput(pages: list[str], repeat: int) -> str:
    size = sum(len(p.encode("utf-8")) for p in pages)
    lines = sum(p.count("\n") + 1 for p in pages)
    passes = []
    for _ in range(repeat):
        start = time.perf_counter()
        for page in pages:
            clean_text(page)
        passes.append(time.perf_counter() - start)
    total = size * repeat / 1e6
    return (
        f"{len(pages)} pages x {repeat}: {total:.2f} MB ({size / lines:.0f} B/line) in {sum(passes):.2f} s"
        f" = {total / sum(passes):.2f} MB/s (fastest pass {size / 1e6 / min(passes):.2f} MB/s)"
    )


def main() -> None:
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 5
    dev, generated, seeds = dev_pages(), generated_pages(), seed_pages()
    clean_text(dev[0])  # compile the vocabulary outside the timing
    print("dev pages:", throughput(dev, repeat))
    print("generated:", throughput(generated, repeat))
    print("seeds:    ", throughput(seeds, repeat))


if __name__ == "__main__":
    main()
