import json
import os
import shutil

import dagster as dg
import pytest

from pipeline.adapters.seeds import Seeds
from pipeline.defs.sensors import seeds_changed


def tick(seeds_dir, cursor=None):
    context = dg.build_sensor_context(cursor=cursor, resources={"seeds": Seeds(path=str(seeds_dir))})
    return seeds_changed(context), context.cursor


def test_sensor_requests_a_run_on_first_tick_then_skips(seeds_dir):
    first, cursor = tick(seeds_dir)
    assert isinstance(first, dg.RunRequest)
    assert set(json.loads(cursor)) == {p.name for p in seeds_dir.iterdir()}
    again, same = tick(seeds_dir, cursor)
    assert isinstance(again, dg.SkipReason) and same == cursor


@pytest.mark.parametrize(
    ("change", "tag"),
    [
        (lambda d: (d / "new.txt").write_text("A new article about markets and money."), "seeds/added"),
        (lambda d: (d / "000_970517060b5d84ad.txt").write_text("Edited text of the article."), "seeds/changed"),
        (lambda d: (d / "001_1b4dbe78e5f4d955.txt").unlink(), "seeds/removed"),
    ],
)
def test_sensor_requests_a_run_when_a_file_changes(seeds_dir, change, tag):
    _, cursor = tick(seeds_dir)
    change(seeds_dir)
    request, new_cursor = tick(seeds_dir, cursor)
    assert isinstance(request, dg.RunRequest)
    assert request.tags[tag] == "1"
    assert new_cursor != cursor and request.run_key


def test_sensor_run_key_follows_content_not_time(seeds_dir, tmp_path):
    first, _ = tick(seeds_dir)
    second, _ = tick(seeds_dir)
    assert first.run_key == second.run_key


@pytest.mark.parametrize(
    ("break_folder", "wrong"),
    [(shutil.rmtree, "does not exist"), (lambda d: (shutil.rmtree(d), d.write_text("x")), "not a folder")],
)
def test_sensor_skips_with_the_reason_when_the_seeds_folder_is_gone(seeds_dir, break_folder, wrong):
    _, cursor = tick(seeds_dir)
    break_folder(seeds_dir)
    result, same = tick(seeds_dir, cursor)
    assert isinstance(result, dg.SkipReason)
    assert str(seeds_dir) in result.skip_message and wrong in result.skip_message
    assert same == cursor


def test_sensor_sees_a_fifo_without_opening_it(seeds_dir):
    _, cursor = tick(seeds_dir)
    os.mkfifo(seeds_dir / "pipe.txt")
    request, new_cursor = tick(seeds_dir, cursor)
    assert isinstance(request, dg.RunRequest) and request.tags["seeds/added"] == "1"
    assert "pipe.txt" in json.loads(new_cursor)
