
import polars as pl

from pipeline.documents.stories import story_ids


def test_stories_group_rewrites_and_keep_other_articles_apart():
    base = "OpenAI and Kakao will jointly develop artificial intelligence products for South Korean users, the companies said in Seoul on Tuesday after talks."
    docs = pl.DataFrame({
        "doc_id": ["a", "b", "c"],
        "content_sha256": ["1", "2", "3"],
        "clean_text": [base, base.replace("jointly develop", "build together").replace("said", "announced"),
                       "The central bank left interest rates unchanged as inflation eased in the euro area last month."],
    })
    assert story_ids(docs)[0] == {"a": "a", "b": "a", "c": "c"}


def test_stories_blocks_of_the_band_join_find_the_same_pairs(monkeypatch):
    import numpy as np

    import pipeline.documents.stories as stories

    rng = np.random.default_rng(0)
    base = rng.integers(0, 2**32, size=(6, 128), dtype=np.uint64)
    signatures = np.vstack([base, base[:3]])  # rows 6, 7, 8 repeat rows 0, 1, 2
    signatures[7, :64] = rng.integers(0, 2**32, size=64, dtype=np.uint64)  # half the values still agree: 0.5
    signatures[8, :110] = rng.integers(0, 2**32, size=110, dtype=np.uint64)  # 18 of 128 agree: below 0.3

    def pairs() -> set[tuple[int, int]]:
        return {(int(a), int(b)) for first, second in stories.candidate_pairs(signatures) for a, b in zip(first, second)}

    whole = pairs()
    monkeypatch.setattr(stories, "_BLOCK_BUDGET", 9)  # one row per block
    assert pairs() == whole == {(0, 6), (1, 7)}
    one_story = list(stories.candidate_pairs(signatures, story_of=lambda rows: rows * 0))
    assert all(len(first) == 0 for first, _ in one_story)  # nothing left to compare within one story
    # The signatures a run stores are reused by the next one and give the same stories.
    docs = pl.DataFrame({"doc_id": ["a", "b"], "content_sha256": ["1", "2"], "clean_text": ["alpha beta gamma delta", "epsilon zeta eta theta"]})
    ids, stored = stories.story_ids(docs)
    again, restored = stories.story_ids(docs, cached=stored)
    assert again == ids and restored.equals(stored)
