"""The parse cache: reused while bytes and code are unchanged, never trusted blindly."""

from __future__ import annotations

import pickle

from conftest import copy_data

from xinfang import loader
from xinfang.parsecache import ParseCache


def _entries(cache_dir):
    return sorted(cache_dir.glob("*/*.pickle"))


def test_second_load_reuses_the_cache_and_gives_the_same_data(tmp_path):
    data_dir, cache_dir = copy_data(tmp_path), tmp_path / "cache"
    first = loader.load(data_dir, cache_dir)
    entries = _entries(cache_dir)
    assert len(entries) == len(first.sources)
    second = loader.load(data_dir, cache_dir)
    assert [r.id for r in second.risks] == [r.id for r in first.risks]
    assert second.people["zhao-guoqiang"].name == first.people["zhao-guoqiang"].name
    assert [str(w) for w in second.warnings] == [str(w) for w in first.warnings]


def test_an_edited_file_is_parsed_again_and_its_old_entry_pruned(tmp_path):
    data_dir, cache_dir = copy_data(tmp_path), tmp_path / "cache"
    loader.load(data_dir, cache_dir)
    before = set(_entries(cache_dir))
    people = data_dir / "people.yaml"
    people.write_text(people.read_text("utf-8").replace("赵国强", "赵国华", 1), "utf-8")
    data = loader.load(data_dir, cache_dir)
    assert data.people["zhao-guoqiang"].name == "赵国华"
    after = set(_entries(cache_dir))
    assert len(after) == len(before) and len(after - before) == 1


def test_an_entry_not_signed_with_the_users_key_is_never_unpickled(tmp_path):
    data_dir, cache_dir = copy_data(tmp_path), tmp_path / "cache"
    loader.load(data_dir, cache_dir)
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (marker.write_text, ("x",))

    for entry in _entries(cache_dir):
        entry.write_bytes(b"\0" * 32 + pickle.dumps(Evil()))
    data = loader.load(data_dir, cache_dir)
    assert not marker.exists()
    assert data.people["zhao-guoqiang"].name == "赵国强"


def test_cache_key_depends_on_the_validation_code(tmp_path, monkeypatch):
    cache = ParseCache(tmp_path)
    path = cache._path("people.yaml", "abc", "PeopleFile")
    monkeypatch.setattr(cache, "code", "other")
    assert cache._path("people.yaml", "abc", "PeopleFile") != path
