"""Full build vs rebuild after one seed file changed, on a generated corpus, in one process.

Generates N articles (benchmarks/corpus.py), materializes every asset into a fresh warehouse,
appends a paragraph to one article, materializes again, and prints both wall times and their
ratio. The second run reuses every unchanged document's cleaning, annotation and money parsing.
Usage: python -m benchmarks.incremental [N]   (default 2000)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import dagster as dg

from benchmarks.corpus import write_corpus
from benchmarks.run import materialize_all


def timed_run(seeds: Path, warehouse: Path, instance: dg.DagsterInstance) -> tuple[float, dict[str, float]]:
    start = time.perf_counter()
    result = materialize_all(seeds, warehouse, instance=instance)
    elapsed = time.perf_counter() - start
    assert result.success
    steps = {e.step_key: e.event_specific_data.duration_ms / 1000 for e in result.all_events if e.event_type_value == "STEP_SUCCESS"}
    return elapsed, steps


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = write_corpus(root / "seeds", n)
        instance = dg.DagsterInstance.ephemeral()
        full, full_steps = timed_run(root / "seeds", root / "w" / "news.duckdb", instance)
        changed = paths[n // 2]
        changed.write_text(changed.read_text(encoding="utf-8") + "\nThe company later said the plan would cost $2 billion more than expected.\n", encoding="utf-8")
        rebuild, rebuild_steps = timed_run(root / "seeds", root / "w" / "news.duckdb", instance)
    print(f"{n} articles: full build {full:.1f} s, rebuild after one file changed {rebuild:.1f} s, ratio {rebuild / full:.3f}")
    for label, steps in (("full", full_steps), ("rebuild", rebuild_steps)):
        slowest = sorted(steps.items(), key=lambda kv: -kv[1])[:5]
        print(f"  {label:<8} slowest steps: " + ", ".join(f"{k} {v:.1f}s" for k, v in slowest))


if __name__ == "__main__":
    main()
