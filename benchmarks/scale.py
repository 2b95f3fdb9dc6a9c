"""The whole pipeline against spaCy alone, on the same generated corpus, measured in one run.

For N generated articles: (a) spaCy alone, `nlp.pipe` with the pipeline's components, batch size
and process count over the same paragraphs of the same clean texts the pipeline feeds it; (b) a
full materialization of every asset into a fresh warehouse. Each runs in its own child process so
that its peak memory (max RSS) is its own. Prints both times, their ratio, documents and words per
second, and peak memory: the main process's, and the largest worker's (spaCy's `n_process` and
the per-document pools run in child processes). Usage: python -m benchmarks.scale [N ...]   (default 1000)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_SPACY_ALONE = """
import datetime as dt, json, resource, sys, time
from pathlib import Path
from pipeline.adapters.annotators import Nlp, load
from pipeline.documents.placement import place_files
from pipeline.documents.seed_files import read_seeds
from pipeline.nlp.sentences import paragraphs
docs = place_files(read_seeds(Path(sys.argv[1])), dt.datetime.now()).documents
texts = [t[s:e] for t in docs["clean_text"].to_list() for s, e in paragraphs(t)]
nlp = Nlp()
load(nlp.model)
start = time.perf_counter()
for _ in nlp.annotate(texts):
    pass
print(json.dumps({"seconds": time.perf_counter() - start, "docs": docs.height,
                  "words": sum(len(t.split()) for t in texts),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

_PIPELINE = """
import json, resource, sys, time
from pathlib import Path
from benchmarks.run import materialize_all
start = time.perf_counter()
assert materialize_all(Path(sys.argv[1]), Path(sys.argv[2])).success
print(json.dumps({"seconds": time.perf_counter() - start, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def child(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(n: int) -> dict:
    from benchmarks.corpus import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        write_corpus(seeds, n)
        alone = child(_SPACY_ALONE, str(seeds))
        full = child(_PIPELINE, str(seeds), str(Path(tmp) / "w" / "news.duckdb"))
    return {"n": n, "spacy": alone, "pipeline": full}


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000]
    print(f"{'articles':>8} {'spaCy s':>9} {'pipeline s':>11} {'ratio':>6} {'docs/s':>7} {'words/s':>8} "
          f"{'peak MB spaCy (worker)':>23} {'peak MB pipeline (worker)':>26}")
    for n in sizes:
        r = measure(n)
        s, p = r["spacy"], r["pipeline"]
        print(f"{n:>8} {s['seconds']:>9.1f} {p['seconds']:>11.1f} {p['seconds'] / s['seconds']:>6.2f} "
              f"{n / p['seconds']:>7.1f} {s['words'] / p['seconds']:>8.0f} "
              f"{s['peak_mb']:>15.0f} ({s['worker_peak_mb']:>5.0f}) {p['peak_mb']:>18.0f} ({p['worker_peak_mb']:>5.0f})", flush=True)


if __name__ == "__main__":
    main()
