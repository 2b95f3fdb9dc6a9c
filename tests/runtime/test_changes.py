import pytest

from pipeline.runtime.changes import diff, state_key


@pytest.mark.parametrize(
    ("old", "new", "added", "changed", "removed"),
    [
        ({}, {"a": "1"}, ["a"], [], []),
        ({"a": "1"}, {"a": "2"}, [], ["a"], []),
        ({"a": "1", "b": "2"}, {"a": "1"}, [], [], ["b"]),
        ({"a": "1"}, {"a": "1"}, [], [], []),
    ],
)
def test_changes_diff(old, new, added, changed, removed):
    changes = diff(old, new)
    assert (changes.added, changes.changed, changes.removed) == (added, changed, removed)
    assert changes.any is bool(added or changed or removed)


def test_changes_state_key_depends_on_content_only():
    assert state_key({"a": "1", "b": "2"}) == state_key({"b": "2", "a": "1"})
    assert state_key({"a": "1"}) != state_key({"a": "2"})
