"""Item-by-item parsing of large list files gives exactly what parsing them whole gives."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest

from conftest import DATA, REPO, copy_data
from datacase import apply_patch, case_paths, load_case, mini_copy
from xinfang import listfile, loader
from xinfang import model as m
from xinfang.schema import Record

sys.path.insert(0, str(REPO / "bench"))
import synthetic  # noqa: E402

LIST_FILES = {"people.yaml": Record(m.PeopleFile), "units.yaml": Record(m.UnitsFile)}


def whole(path: Path, spec: Record):
    return loader._Collector._parse(path, path.read_bytes(), path.name, spec)


def by_items(path: Path, spec: Record, previous=None):
    items = listfile.ListFile(path.name, spec, previous)
    return items.load(path.read_bytes().decode("utf-8-sig"), "digest"), items


def assert_same(expected, got) -> None:
    """Same records (fields, positions, paths), problems, definitions and references."""
    assert got is not None
    value, problems, defs, refs, unreadable = expected
    assert (got[1], got[2], got[3], got[4]) == (problems, defs, refs, unreadable)
    assert (got[0].pos, got[0].where, got[0].path) == (value.pos, value.where, value.path)
    field = listfile.list_field(Record(type(value))).name
    for a, b in zip(getattr(value, field), getattr(got[0], field), strict=True):
        assert a == b and (a.pos, a.where, a.path) == (b.pos, b.where, b.path)
    assert pickle.dumps(got[0]) == pickle.dumps(value)


@pytest.mark.parametrize("name", LIST_FILES)
def test_example_and_synthetic_files_parse_the_same_by_items(tmp_path, name):
    synthetic.generate(60, tmp_path / "big")
    for folder in (DATA, tmp_path / "big"):
        path, spec = folder / name, LIST_FILES[name]
        expected = whole(path, spec)
        cold, items = by_items(path, spec)
        assert_same(expected, cold)
        warm, _ = by_items(path, spec, {**items.entry, "digest": "older"})  # every item reused
        assert_same(expected, warm)
        assert_same(expected, listfile.ListFile(path.name, spec, items.entry).cached("digest"))


CORPUS = [p for p in case_paths() if any(op["file"] in LIST_FILES for op in load_case(p)["patch"])]


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_bad_list_files_report_the_same_problems_or_parse_whole(tmp_path, path):
    """Each corpus case that breaks people.yaml or units.yaml, with and without earlier items."""
    clean = mini_copy(tmp_path / "clean")
    data = mini_copy(tmp_path)
    for op in load_case(path)["patch"]:
        apply_patch(data, op)
    for name, spec in LIST_FILES.items():
        target = data / name
        if not target.exists():
            continue
        expected = whole(target, spec)
        _, before = by_items(clean / name, spec)
        for previous in (None, before.entry):
            got, _ = by_items(target, spec, previous)
            if got is not None:  # None: the file is parsed whole, as before
                assert_same(expected, got)


@pytest.mark.parametrize("text", [
    "人员: []\n",  # a flow list
    "人员:\n  - 编号: a\n其他: 1\n",  # a second top-level key
    "人员:\n  - 编号: a\n---\n人员:\n  - 编号: b\n",  # two documents
    "人员:\r\n  - 编号: a\r\n",  # Windows line ends
    "# 只有注释\n",
    "人员:\n - 编号: a\n  - 编号: b\n",  # items out of line
])
def test_files_of_other_shapes_are_parsed_whole(text):
    assert listfile.ListFile("people.yaml", LIST_FILES["people.yaml"], None).load(text, "digest") is None


def test_an_item_aliasing_another_items_anchor_makes_the_file_parse_whole(tmp_path):
    path = tmp_path / "people.yaml"
    path.write_text("人员:\n  - 编号: a\n    姓名: &n 张三\n    职务: 科员\n    单位: u\n"
                    "  - 编号: b\n    姓名: *n\n    职务: 科员\n    单位: u\n", "utf-8")
    assert by_items(path, LIST_FILES["people.yaml"])[0] is None


def test_after_an_edit_only_the_edited_item_is_parsed(tmp_path, monkeypatch):
    data = copy_data(tmp_path)
    path, spec = data / "people.yaml", LIST_FILES["people.yaml"]
    _, first = by_items(path, spec)
    text = path.read_text("utf-8")
    path.write_text(text.replace("办公电话: 0373-3512001", "办公电话: 0373-3519999", 1), "utf-8")
    parsed = []
    original = listfile.ListFile._item
    monkeypatch.setattr(listfile.ListFile, "_item", lambda self, *args: parsed.append(args) or original(self, *args))
    got, _ = by_items(path, spec, first.entry)
    assert len(parsed) == 1 and "0373-3519999" in parsed[0][2]
    assert_same(whole(path, spec), got)


def test_the_loader_uses_items_only_for_large_files_and_gets_the_same_data(tmp_path, monkeypatch):
    data = copy_data(tmp_path)
    monkeypatch.setattr(loader, "MIN_BYTES", 0)  # the example's lists are small
    cache = tmp_path / "cache"
    loader.load(data, cache_dir=cache)
    people = data / "people.yaml"
    people.write_text(people.read_text("utf-8").replace("姓名: 赵国强", "姓名: 赵国栋", 1), "utf-8")
    cached, fresh = loader.load(data, cache_dir=cache), loader.load(data)
    assert cached.people == fresh.people and cached.units == fresh.units
    assert [p.where for p in cached.people.values()] == [p.where for p in fresh.people.values()]
