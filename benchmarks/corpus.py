"""A generated corpus of news-like pages: realistic length, page chrome, names and money.

Each page mixes real article paragraphs (the human-annotated bodies of the shared cleaning dev
set and the project's seeds, read in place) with generated sentences about companies, people and
money, wrapped in page chrome. Deterministic for a given seed.
Usage: python -m benchmarks.corpus OUT_DIR N [--seed S]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

PEOPLE = ["Sam Altman", "Chung Shin-a", "Masayoshi Son", "Chey Tae-won", "Lee Jae-yong", "Jane Porter", "Kim Min-jun",
          "Akira Tanaka", "Maria Lopez", "David Chen", "Priya Shah", "Tom Becker", "Park Ji-hoon", "Elena Rossi"]
ORGS = ["OpenAI", "Kakao", "SoftBank", "Samsung Electronics", "SK Hynix", "Naver", "Toyota", "Hyundai Motor", "LG Energy Solution",
        "Sony", "Alibaba", "Tencent", "Nvidia", "Oracle", "Krafton", "Reliance Industries", "Siemens", "Airbus"]
PLACES = ["Seoul", "Tokyo", "Singapore", "London", "New York", "Mumbai", "Berlin", "Hong Kong", "Sydney", "Paris"]
MONEY = ["$500 billion", "2 trillion won", "US$3.2 billion", "S$1.9 billion", "€750 million", "¥45 billion", "£1.2bn",
         "Rs 5,000 crore", "HK$12 billion", "$2-3 billion", "more than $400 million", "up to 50 billion yen"]
VERBS = ["said", "announced", "confirmed", "told reporters", "disclosed", "noted"]
TOPICS = ["artificial intelligence", "battery production", "semiconductor supply", "cloud computing", "electric vehicles",
          "data centres", "mobile payments", "streaming services", "robotics", "renewable energy"]
CHROME_TOP = [["Skip to main content", "Home", "News", "Business", "Tech", "Opinion", "Sports"], ["Settings", "ⓕ font-size", "  • -1", "  • 0", "  • +1"],
              ["Sign up now: Get our newsletters delivered to your inbox"], ["Subscribe", "Log in", "Menu"]]
CHROME_MID = ["  • Facebook share button", "  • Twitter share button", "Advertisement", "Follow topic:", "PHOTO: REUTERS"]
CHROME_END = [["Read also:", "- {h1}", "- {h2}"], ["Top 10 Stories", "go top"], ["X", "CLOSE"], ["© 2025 Example Media. All rights reserved.", "Privacy Policy", "Terms of Use"],
              ["기사 이미지 확대 보기", "닫기"]]


def sentence(rng: random.Random) -> str:
    person, org, org2 = rng.choice(PEOPLE), rng.choice(ORGS), rng.choice(ORGS)
    forms = [
        f"{org} {rng.choice(VERBS)} on Tuesday that it would invest {rng.choice(MONEY)} in {rng.choice(TOPICS)} over the next five years.",
        f"{person}, who leads {org}, met executives from {org2} in {rng.choice(PLACES)} to discuss {rng.choice(TOPICS)}.",
        f"Analysts said the deal could help {org} compete with {org2} as demand for {rng.choice(TOPICS)} grows in Asia.",
        f"\"We are particularly interested in {rng.choice(TOPICS)},\" {person} {rng.choice(VERBS)} at a press conference.",
        f"Shares of {org} rose {rng.randint(1, 9)}.{rng.randint(0, 9)} per cent in {rng.choice(PLACES)} trading after the announcement.",
        f"The government plans to spend {rng.choice(MONEY)} to support {rng.choice(TOPICS)} and the companies that supply it.",
    ]
    return rng.choice(forms)


ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*sorted((ROOT.parent / "shared" / "benchmarks" / "cleaning-dev" / "docs").glob("*.body.txt")), *sorted((ROOT / "seeds").glob("*.txt"))]


def real_paragraphs() -> list[str]:
    """Paragraphs of 25+ words from real article bodies."""
    found = []
    for path in SOURCES:
        found += [p.strip() for p in path.read_text(encoding="utf-8").splitlines() if len(p.split()) >= 25]
    return found


def article(rng: random.Random, pool: list[str]) -> str:
    title = f"{rng.choice(ORGS)} and {rng.choice(ORGS)} team up on {rng.choice(TOPICS)}"
    lines = [line for block in rng.sample(CHROME_TOP, 2) for line in block] + [title, f"By {rng.choice(PEOPLE)}", ""]
    for _ in range(rng.randint(6, 12)):
        generated = [sentence(rng)] if not pool or rng.random() < 0.3 else []
        lines.append(" ".join(rng.sample(pool, 1) + generated if pool else generated))
        lines.append("")
        if rng.random() < 0.2:
            lines.append(rng.choice(CHROME_MID))
    end = rng.choice(CHROME_END)
    lines += [x.format(h1=f"{rng.choice(ORGS)} shares slide on {rng.choice(TOPICS)} worries",
                       h2=f"{rng.choice(PEOPLE)} to step down from {rng.choice(ORGS)}") for x in end]
    return "\n".join(lines) + "\n"


def write_corpus(out: Path, n: int, seed: int = 0) -> list[Path]:
    rng = random.Random(seed)
    pool = real_paragraphs()
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = out / f"article_{i:06d}.txt"
        path.write_text(article(rng, pool), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 0
    write_corpus(Path(sys.argv[1]), int(sys.argv[2]), seed)
