"""Throughput of `clean_text` on one core, in MB of raw text per second.

Cleans every page of the shared dev set and our own pages `--repeat` times in this process
(one thread) and prints MB/s. Usage: python -m benchmarks.cleaning_speed [--repeat N]
"""

from __future__ import annotations

import sys
import time

from benchmarks.score_cleaning import SETS
from pipeline.cleaning import clean_text


def main() -> None:
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 5
    pages = [p.read_text(encoding="utf-8") for docs, _ in SETS.values() for p in sorted(docs.glob("*.txt")) if not p.name.endswith(".body.txt")]
    clean_text(pages[0])  # load the vocabulary outside the timing
    size = sum(len(p.encode("utf-8")) for p in pages) * repeat
    start = time.perf_counter()
    for _ in range(repeat):
        for page in pages:
            clean_text(page)
    elapsed = time.perf_counter() - start
    print(f"{len(pages)} pages x {repeat}: {size / 1e6:.2f} MB in {elapsed:.2f} s = {size / 1e6 / elapsed:.2f} MB/s")


if __name__ == "__main__":
    main()
