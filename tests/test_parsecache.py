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


def test_risk_files_parsed_on_all_cores_give_the_same_data_and_problems(tmp_path, monkeypatch):
    """A cold load parses uncached risk files in forked processes first; the result must be
    exactly that of parsing them one by one, problems (with their lines) included."""
    data_dir = copy_data(tmp_path)
    broken = data_dir / "risks" / "er-kuang.yaml"
    broken.write_text(broken.read_text("utf-8").replace("风险等级: 红", "风险等级: 紫", 1), "utf-8")
    forked = []
    monkeypatch.setattr(loader, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(loader, "fork_workers", lambda: 2)
    original = loader._parse_into_cache
    monkeypatch.setattr(loader, "_parse_into_cache", lambda c, spec, paths: forked.append(len(paths)) or
                        original(c, spec, paths))

    def problems(cache_dir):
        try:
            loader.load(data_dir, cache_dir)
        except loader.DataError as exc:
            return [str(p) for p in exc.problems]
        raise AssertionError("the broken level was not reported")

    in_parallel = problems(tmp_path / "cache")
    assert forked and sum(forked) < len(list((data_dir / "risks").glob("*.yaml")))  # the rest forked
    assert len(_entries(tmp_path / "cache")) >= len(list((data_dir / "risks").glob("*.yaml")))
    assert in_parallel == problems(None)
    assert any("er-kuang.yaml" in p and "紫" in p for p in in_parallel)
    broken.write_text(broken.read_text("utf-8").replace("风险等级: 紫", "风险等级: 红", 1), "utf-8")
    assert [r.id for r in loader.load(data_dir, tmp_path / "cache2").risks] == [r.id for r in loader.load(data_dir).risks]
