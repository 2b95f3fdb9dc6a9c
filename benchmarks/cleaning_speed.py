"""Throughput of `clean_text` on one core, in MB of raw text per second.

Cleans `--repeat` times, in this process (one thread), (a) every page of the shared dev set and
our own pages, real pages heavy in chrome (about 40 bytes per line), and (b) 300 generated articles
(`benchmarks.corpus`: real paragraphs in page chrome, about 90 bytes per line), and prints MB/s
for each. Usage: python -m benchmarks.cleaning_speed [--repeat N]
"""

from __future__ import annotations

import random
import sys
import time

from benchmarks import corpus
from benchmarks.score_cleaning import SETS
from pipeline.cleaning import clean_text


def dev_pages() -> list[str]:
    return [p.read_text(encoding="utf-8") for docs, _ in SETS.values() for p in sorted(docs.glob("*.txt")) if not p.name.endswith(".body.txt")]


def generated_pages(n: int = 300) -> list[str]:
    rng, pool = random.Random(0), corpus.real_paragraphs()
    return [corpus.article(rng, pool) for _ in range(n)]


def throughput(pages: list[str], repeat: int) -> str:
    size = sum(len(p.encode("utf-8")) for p in pages) * repeat
    lines = sum(p.count("\n") + 1 for p in pages) * repeat
    start = time.perf_counter()
    for _ in range(repeat):
        for page in pages:
            clean_text(page)
    elapsed = time.perf_counter() - start
    return f"{len(pages)} pages x {repeat}: {size / 1e6:.2f} MB ({size / lines:.0f} B/line) in {elapsed:.2f} s = {size / 1e6 / elapsed:.2f} MB/s"


def main() -> None:
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 5
    dev, generated = dev_pages(), generated_pages()
    clean_text(dev[0])  # compile the vocabulary outside the timing
    print("dev pages:", throughput(dev, repeat))
    print("generated:", throughput(generated, repeat))


if __name__ == "__main__":
    main()
