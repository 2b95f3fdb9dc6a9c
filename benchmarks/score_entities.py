"""Canonical PERSON/ORG entities of a built warehouse against hand-made gold.

Two golds:
- the seeds' list (tests/data/seed_entities.json): a predicted entity is right when its label equals
  a gold entity's and its name or one of its aliases is that gold entity's name or alias (compared
  after folding case, spaces and hyphens); a second predicted entity for the same gold entity
  counts as wrong (a missed merge);
- real news pages (tests/data/entities/gold.json, annotated under GUIDELINES.md beside it), scored
  per fold (TUNE: rules are written on it; CHECK: only scored; FRESH: annotated later, never tuned
  on). A predicted entity of a fold is the set of its mentions in the fold's pages; it is right for
  the gold entity most of its mentions name with its label (a mention names a gold entity when its
  text is one of the page's forms of it), ignored when it names only optional ones, and wrong
  otherwise (a name the page's article does not have, or the wrong label); a second predicted
  entity for one gold entity is wrong too, and that gold entity is split. Core
  entities are those named in two pages of the fold or three times;
- the blind pages (tests/data/blind/entities.json: invented pages, annotated by their writer, who
  saw neither the code nor its output), in the same way, in folds BLIND-TUNE and BLIND-CHECK.

Usage:
    python -m benchmarks.score_entities [WAREHOUSE] [--show-errors]   # seeds (default warehouse)
    python -m benchmarks.score_entities --pages WAREHOUSE [--show-errors TUNE]
    python -m benchmarks.score_entities --build DIR [--show-errors TUNE]  # build from the gold pages, then score
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipeline.nlp.mentions import normalise

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "seed_entities.json"
PAGES_GOLD = ROOT / "tests" / "data" / "entities" / "gold.json"
BLIND = ROOT / "tests" / "data" / "blind"
LABELS = ("PERSON", "ORG")
FOLDS = ("TUNE", "CHECK", "FRESH", "BLIND-TUNE", "BLIND-CHECK")


def load_gold(path: Path = GOLD) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["entities"]


def score(predicted: list[tuple[str, str, list[str]]], gold: list[dict]) -> dict:
    """predicted: (name, label, aliases) of PERSON/ORG entities."""
    index = {}
    for i, g in enumerate(gold):
        for name in [g["name"], *g["aliases"]]:
            index.setdefault((normalise(name), g["label"]), i)
    hits, wrong = set(), []
    for name, label, aliases in predicted:
        found = {index[(normalise(n), label)] for n in [name, *aliases] if (normalise(n), label) in index}
        target = min(found) if found else None
        if target is None or target in hits:
            wrong.append((name, label))
        else:
            hits.add(target)
    precision = (len(predicted) - len(wrong)) / len(predicted) if predicted else 1.0
    recall = len(hits) / len(gold) if gold else 1.0
    missed = [(g["name"], g["label"]) for i, g in enumerate(gold) if i not in hits]
    return {"precision": precision, "recall": recall, "wrong": wrong, "missed": missed}


def predicted_entities(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, list[str]]]:
    return con.execute("select name, label, aliases from entities where label in ('PERSON', 'ORG')").fetchall()


def fold_name(name: str) -> str:
    """`normalise`, keeping a trailing plus: "Disney+" is not "Disney"."""
    return normalise(name) + "+" * name.count("+")


@dataclass(frozen=True)
class GoldEntity:
    """One real-world entity of the page gold: its pages' entries, grouped."""

    key: str
    name: str
    label: str
    pages: frozenset[str]
    mentions: int
    optional: bool


@dataclass
class PageGold:
    """The real-pages gold: entities, and per page the forms that name each."""

    entities: dict[str, GoldEntity]
    forms: dict[tuple[str, str], list[str]]
    """(page, folded form) -> keys of the gold entities the page names so."""
    folds: dict[str, list[str]] = field(default_factory=dict)


def load_page_gold(paths: tuple[Path, ...] = (PAGES_GOLD, BLIND / "entities.json")) -> PageGold:
    """Entities as the golds' groups make them (an entry in no group is its own entity); each gold
    file holds some of the folds."""
    files = [json.loads(path.read_text(encoding="utf-8")) for path in paths]
    data = {"groups": [g for f in files for g in f["groups"]], "pages": {p: v for f in files for p, v in f["pages"].items()},
            "folds": {name: pages for f in files for name, pages in f["folds"].items()}}
    group = {member: members[0] for members in data["groups"] for member in members}
    entries: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    forms: dict[tuple[str, str], list[str]] = defaultdict(list)
    for page, items in data["pages"].items():
        for item in items:
            member = f"{page}#{item['name']}"
            key = group.get(member, member)
            entries[key].append((page, item))
            for form in {fold_name(n) for n in [item["name"], *item["aliases"]]}:
                forms[(page, form)].append(key)
    entities = {
        key: GoldEntity(key, items[0][1]["name"], items[0][1]["label"], frozenset(p for p, _ in items),
                        sum(i["n"] for _, i in items), all(i.get("optional", False) for _, i in items))
        for key, items in entries.items()
    }
    folds = {name: data["folds"][name.lower()] for name in FOLDS}
    return PageGold(entities, dict(forms), folds)


def page_mentions(con: duckdb.DuckDBPyConnection, baseline: bool = False) -> list[tuple[str, str, str, str]]:
    """(doc_id, text, label, entity) of every mention; with `baseline`, spaCy alone: one entity per
    surface string and spaCy's label."""
    if baseline:
        return con.execute("select doc_id, text, ner_label, ner_label || ':' || lower(text) from mentions").fetchall()
    return con.execute("select doc_id, text, label, entity_id from mentions").fetchall()


def score_pages(mentions: list[tuple[str, str, str, str]], gold: PageGold, pages: list[str]) -> dict:
    """Precision, recall, core recall, splits and merges of the predicted entities of `pages`."""
    wanted = set(pages)
    by_entity: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for doc_id, text, label, entity in mentions:
        if doc_id in wanted and label in LABELS:
            by_entity[entity].append((doc_id, text, label))
    hits: dict[str, list[str]] = defaultdict(list)
    wrong, merged = [], []
    for entity, rows in sorted(by_entity.items()):
        verdict, names = _judge(rows, gold)
        if verdict == "wrong":
            wrong.append(_describe(rows))
        elif verdict != "ignored":
            hits[verdict].append(_describe(rows))
            merged += [(_describe(rows), n) for n in names if n != verdict]
    return _figures(by_entity, hits, wrong, merged, gold, wanted)


def _judge(rows: list[tuple[str, str, str]], gold: PageGold) -> tuple[str, set[str]]:
    """("wrong" | "ignored" | the gold key the entity is right for, the other gold keys its mentions name)."""
    votes: Counter[str] = Counter()
    optional = False
    for doc_id, text, label in rows:
        for key in gold.forms.get((doc_id, fold_name(text)), []):
            entity = gold.entities[key]
            if entity.optional:
                optional = True
            elif entity.label == label:
                votes[key] += 1
    if votes:
        best = min(votes, key=lambda k: (-votes[k], k))
        return best, set(votes) - {best}
    return ("ignored" if optional else "wrong"), set()


def _describe(rows: list[tuple[str, str, str]]) -> str:
    texts = Counter(text for _, text, _ in rows)
    return f"{rows[0][2]} {' / '.join(t for t, _ in texts.most_common(4))} ({len({r[0] for r in rows})} pages)"


def _figures(by_entity: dict, hits: dict, wrong: list, merged: list, gold: PageGold, pages: set[str]) -> dict:
    required = {k: e for k, e in gold.entities.items() if not e.optional and e.pages & pages}
    core = {k for k, e in required.items() if len(e.pages & pages) >= 2 or e.mentions >= 3}
    splits = {k: v for k, v in hits.items() if len(v) > 1}
    judged = sum(len(v) for v in hits.values()) + len(wrong)
    return {
        "entities": judged,
        "precision": len(hits) / judged if judged else 1.0,
        "recall": len(set(hits) & set(required)) / len(required) if required else 1.0,
        "core_recall": len(set(hits) & core) / len(core) if core else 1.0,
        "splits": len(splits),
        "merged": len(merged),
        "wrong": sorted(wrong),
        "missed": sorted(f"{e.label} {e.name}" for k, e in required.items() if k not in hits),
        "split": sorted(f"{gold.entities[k].name}: {' | '.join(v)}" for k, v in splits.items()),
        "merges": sorted(f"{d} also names {gold.entities[k].name}" for d, k in merged),
    }


def build(folder: Path, gold: PageGold) -> Path:
    """A warehouse built from exactly the gold's pages (copied from ../shared) in `folder`."""
    from benchmarks.real_pages import page_files, run

    files = page_files() | {f"blind/{p.name}": p for p in sorted((BLIND / "docs").glob("b*.txt"))}
    seeds = folder / "seeds"
    for page in (page for name in FOLDS for page in gold.folds[name]):
        (seeds / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(files[f"{page}.txt"], seeds / f"{page}.txt")
    warehouse = folder / "warehouse" / "news.duckdb"
    outcome = run(seeds, warehouse)
    if not outcome["published"]:
        raise SystemExit(f"the run did not publish: {outcome['error']}")
    return warehouse


def page_report(con: duckdb.DuckDBPyConnection, gold: PageGold, show: str | None) -> str:
    """One line per fold (and spaCy alone, for reference), then the errors of the fold `show`."""
    lines = [f"{'pages':<22}{'entities':>9}{'precision':>10}{'recall':>8}{'core':>7}{'splits':>7}{'merged':>7}"]
    results = {}
    for baseline in (False, True):
        mentions = page_mentions(con, baseline)
        for name in FOLDS:
            r = score_pages(mentions, gold, gold.folds[name])
            results[(name, baseline)] = r
            title = f"{name}{' (spaCy alone)' if baseline else ''}"
            lines.append(f"{title:<22}{r['entities']:>9}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['core_recall']:>7.3f}"
                         f"{r['splits']:>7}{r['merged']:>7}")
    if show:
        r = results[(show.upper(), False)]
        for kind in ("wrong", "missed", "split", "merges"):
            lines += [f"  {kind:<7} {item}" for item in r[kind]]
    return "\n".join(lines)


def seeds_report(con: duckdb.DuckDBPyConnection, show: bool) -> str:
    result = score(predicted_entities(con), load_gold())
    lines = [f"canonical PERSON/ORG entities: precision {result['precision']:.3f}  recall {result['recall']:.3f}"]
    if show:
        lines += [f"  wrong  {label:<6} {name}" for name, label in result["wrong"]]
        lines += [f"  missed {label:<6} {name}" for name, label in result["missed"]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", nargs="?", type=Path, default=ROOT / "warehouse" / "news.duckdb")
    parser.add_argument("--pages", action="store_true", help="score against the real-pages gold")
    parser.add_argument("--build", type=Path, help="an empty or new folder: build the gold pages' warehouse there and score it")
    parser.add_argument("--show-errors", nargs="?", const="TUNE", help="list errors (pages: of this fold, TUNE by default)")
    args = parser.parse_args()
    if args.build or args.pages:
        gold = load_page_gold()
        warehouse = build(args.build, gold) if args.build else args.warehouse
        with duckdb.connect(str(warehouse), read_only=True) as con:
            print(page_report(con, gold, args.show_errors))
        return
    with duckdb.connect(str(args.warehouse), read_only=True) as con:
        print(seeds_report(con, args.show_errors is not None))


if __name__ == "__main__":
    main()
