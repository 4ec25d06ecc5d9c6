"""Dependency tracking: a rebuild skips a document only when no datum it shows changed.

The main test edits the example data one field at a time, in every kind of
field of every data file, and checks against brute force: every document whose
context (the data it shows) changed must be one whose recorded reads changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from conftest import QuietReporter, copy_data, run_cli
from xinfang import forms, loader, tracking
from xinfang.build import build_documents
from xinfang.errors import XinfangError
from xinfang.outputs import MANIFEST
from xinfang.reads import ReadIndex, Values, decode
from xinfang.schema import Choice, Date, Id, Integer, Phone, Ref, Text, declared_fields, field_place

pytestmark = pytest.mark.slow  # `pytest -m "not slow"` leaves it out

EDITS_PER_FIELD = 2  # occurrences edited of each (record kind, field): ~190 edits


def _all_jobs(data):
    return forms.form_jobs(data) + forms.blank_jobs(data)


def _contexts(data) -> dict[str, tuple[str, str]]:
    """Each document's title and context, as brute force sees them (no tracking at all)."""
    return {job.path: (job.title, json.dumps(job.context, ensure_ascii=False, sort_keys=True, default=str))
            for job in _all_jobs(data)}


def _recorded(data) -> dict[str, tuple]:
    """Each document's title, the keys its context read, and their values' hashes."""
    values = Values(data)
    found = {}
    for job in _all_jobs(tracking.Tracked(data)):
        job.context  # built with its reads recorded
        found[job.path] = (job.title, job.reads, [values.hash(key) for key in job.reads])
    return found


def _records(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield value
        for f in declared_fields(type(value)):
            yield from _records(getattr(value, f.name))
    elif isinstance(value, list):
        for item in value:
            yield from _records(item)


def _files(data) -> dict[str, object]:
    files = {"enterprise.yaml": data.enterprise, "units.yaml": list(data.units.values()),
             "people.yaml": list(data.people.values()), "responsibilities.yaml": data.responsibilities,
             "key-groups.yaml": data.key_groups, "emergency.yaml": data.emergency,
             "procedure.yaml": data.procedure, "contacts.yaml": data.contacts, "campaigns.yaml": data.campaigns,
             "reception.yaml": data.reception, "holidays.yaml": data.holidays}
    for risk in data.risks:
        files.setdefault(f"risks/{risk.unit}.yaml", []).append(risk)
    for person in data.key_persons:
        files.setdefault(person.pos.file, []).append(person)
    return files


def _other_value(spec, value, data):
    """A different valid value of the same kind, or None."""
    if isinstance(spec, Ref):
        pool = sorted({"person": data.people, "unit": data.units,
                       "campaign": {c.id: c for c in data.campaigns}}.get(spec.kind, {}))
        return pool[(pool.index(value) + 1) % len(pool)] if value in pool and len(pool) > 1 else None
    if isinstance(spec, Id):
        return None
    if isinstance(spec, Choice):
        return spec.values[(spec.values.index(value) + 1) % len(spec.values)] if value in spec.values else None
    if isinstance(spec, Phone):
        return value[:-1] + str((int(value[-1]) + 1) % 10)
    if isinstance(spec, Text):
        return value + "改"
    if isinstance(spec, Date):
        return value + dt.timedelta(days=1)
    if isinstance(spec, Integer):
        return value + 1
    return None


def edits(data):
    """(file, (line, col), old, new, label) for the first occurrences of each field kind."""
    seen: dict[tuple, int] = {}
    for file, root in _files(data).items():
        for record in _records(root):
            for f in declared_fields(type(record)):
                value = getattr(record, f.name)
                place = field_place(record, f.name)
                if place is None or value is None or isinstance(value, (list, bool)):
                    continue
                kind = (type(record).__name__, f.name)
                new = _other_value(f.metadata["spec"], value, data)
                if new is None or seen.get(kind, 0) >= EDITS_PER_FIELD:
                    continue
                seen[kind] = seen.get(kind, 0) + 1
                yield file, place, value, new, f"{kind[0]}.{kind[1]}"


def _apply(data_dir: Path, file: str, where, old, new) -> str | None:
    """Replace the scalar at `where`, plain or quoted; the file's old text, or None
    when the value is written some other way."""
    path = data_dir / file
    original = path.read_text("utf-8")
    lines = original.split("\n")
    line, col = where
    text = lines[line - 1]
    tail = text[col - 1:]
    for quote in ("", "'", '"'):
        token = f"{quote}{old}{quote}"
        if tail.split(" #")[0].rstrip() == token:
            lines[line - 1] = text[:col - 1] + f"{quote}{new}{quote}" + tail[len(token):]
            path.write_text("\n".join(lines), "utf-8")
            return original
    return None


def test_every_change_a_document_shows_is_detected(tmp_path, example):
    before = _recorded(example)
    shown_before = _contexts(example)
    tried = stale_total = 0
    data_dir = copy_data(tmp_path)
    for file, where, old, new, label in edits(example):
        original = _apply(data_dir, file, where, old, new)
        if original is None:
            continue
        try:
            data = loader.load(data_dir)
            shown = _contexts(data)
        except XinfangError:
            continue  # the edit broke a rule (say, a year without holidays); the user is told so
        finally:
            (data_dir / file).write_text(original, "utf-8")
        tried += 1
        values = Values(data)
        common = set(shown) & set(before)
        stale = {path for path in common
                 if before[path][0] != shown[path][0]
                 or [values.hash(key) for key in before[path][1]] != before[path][2]}
        changed = {path for path in common if shown[path] != shown_before[path]}
        assert changed <= stale, f"{label} at {file}:{where[0]}: {sorted(changed - stale)[:3]} not detected"
        stale_total += len(stale)
    assert tried > 150
    # Fine-grained: an edit leaves most documents alone.
    assert stale_total / tried < 0.15 * len(before)


def test_forms_cannot_read_what_the_view_does_not_track(example):
    view = tracking.Tracked(example)
    with pytest.raises(AttributeError, match="would not be tracked"):
        view.warnings
    with pytest.raises(AttributeError, match="would not be tracked"):
        view.sources


def test_views_of_one_record_are_equal_and_note_each_field_read(example):
    view = tracking.Tracked(example)
    root = view.root
    assert root == view.units[example.root.id] and hash(root) == hash(view.units[example.root.id])
    assert root != view.units[example.root.children[0].id]
    with tracking.recording() as keys:
        name = view.people[example.root.leader].name
        children = root.children
    assert name == example.people[example.root.leader].name
    assert [c.id for c in children] == [c.id for c in example.root.children]
    assert keys == {f"people\t{example.root.leader}\tname", f"units\t{example.root.id}\tchildren"}


def test_a_helper_computed_once_per_build_notes_its_reads_in_every_document(example):
    calls = []

    @tracking.per_build
    def leader_name(data, unit):
        calls.append(tracking.plain(unit).id)  # counted without a read
        return data.people[unit.leader].name

    root = example.root
    assert leader_name(example, root) == leader_name(example, root) and calls == [root.id, root.id]  # plain data
    calls.clear()
    with tracking.Tracked(example) as view:
        unit = view.units[root.id]
        first = tracking.capture(lambda: leader_name(view, unit))
        second = tracking.capture(lambda: leader_name(view, unit))
        other = tracking.capture(lambda: leader_name(view, view.units[root.children[0].id]))
    assert calls == [root.id, root.children[0].id]  # the second document's call came from the memo
    assert first == second == (example.people[root.leader].name,
                               sorted({f"units\t{root.id}\tleader", f"people\t{root.leader}\tname"}))
    assert f"units\t{root.children[0].id}\tleader" in other[1]


def test_key_table_compaction_keeps_every_documents_keys(example):
    values = Values(example)
    index = ReadIndex()
    entries = {f"doc{i}": {"reads": index.encode([f"people\t{pid}\tname" for pid in sorted(example.people)[i:i + 3]],
                                                 values)} for i in range(20)}
    wanted = {path: sorted(index.keys[i] for i in decode(entry["reads"])) for path, entry in entries.items()}
    index = ReadIndex(index.stored(entries))  # the table as the next build reads it from the manifest
    del entries["doc0"], entries["doc1"]  # their keys are no longer read
    index.base = 0  # as if the table had grown past the compaction threshold
    index.keys += [f"people\tghost{i}\tname" for i in range(1200)]
    index.hashes += ["0" * 16] * 1200
    stored = index.stored(entries)
    assert len(stored["keys"]) < 30 and not any("ghost" in key for key in stored["keys"])
    for path, entry in entries.items():
        assert sorted(stored["keys"][i] for i in decode(entry["reads"])) == wanted[path]


def test_a_new_key_table_is_stored_as_built(example):
    """A first build's table holds only keys its documents read: nothing to compact."""
    values = Values(example)
    index = ReadIndex()
    people = sorted(example.people)
    entries = {f"doc{i}": {"reads": index.encode([f"people\t{pid}\tname" for pid in people[i:i + 3]], values)}
               for i in range(20)}
    keys = list(index.keys)
    stored = index.stored(entries)
    assert stored["keys"] == keys and stored["base"] == len(keys) == 22


def _outputs(folder: Path) -> dict[str, bytes]:
    """The documents a build keeps: not its lists of what changed, nor the archive of earlier ones."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
            and p.relative_to(folder).parts[0] not in ("变更清单.txt", "发放清单.txt", "发放清单.xlsx", "归档")}


@pytest.mark.parametrize("edit", [
    ("people.yaml", "    办公电话: 0373-3512001", "    办公电话: 0373-3519999"),
    ("units.yaml", "    简称: 一矿", "    简称: 一号矿"),
    ("risks/yi-kuang.yaml", "    涉及人数: ", "    涉及人数: 1"),
    ("emergency.yaml", "  总指挥: zhao-guoqiang", "  总指挥: 赵国强"),
], ids=["phone", "unit-label", "risk-people", "person-by-name"])
def test_incremental_rebuild_equals_a_full_build(tmp_path, edit):
    data = copy_data(tmp_path)
    incremental, full = tmp_path / "incremental", tmp_path / "full"
    build_documents(loader.load(data), ["forms", "blanks"], incremental, QuietReporter())
    file, old, new = edit
    text = (data / file).read_text("utf-8")
    assert old in text
    (data / file).write_text(text.replace(old, new, 1), "utf-8")
    build_documents(loader.load(data), ["forms", "blanks"], incremental, QuietReporter())
    build_documents(loader.load(data), ["forms", "blanks"], full, QuietReporter())
    assert _outputs(incremental) == _outputs(full)


def test_a_phone_change_builds_only_the_documents_that_read_it(tmp_path):
    data = copy_data(tmp_path)
    out = tmp_path / "build"
    assert run_cli("forms", "--data", str(data), "--out", str(out)).returncode == 0
    people = data / "people.yaml"
    people.write_text(people.read_text("utf-8").replace("    办公电话: 0373-3512001", "    办公电话: 0373-3519999"),
                      "utf-8")
    result = run_cli("forms", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    total, built = map(int, re.search(r"生成表格文档：共 (\d+) 份，其中 (\d+) 份", result.stderr).groups())
    assert 0 < built <= total // 10


def test_a_manifest_of_another_format_is_read_as_none(tmp_path):
    out = tmp_path / "build"
    data = copy_data(tmp_path)
    assert run_cli("forms", "--data", str(data), "--out", str(out)).returncode == 0
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    old = {"forms": {path: {"input": "old", "output": entry["output"]}
                     for path, entry in manifest["forms"]["files"].items()}}
    (out / MANIFEST).write_text(json.dumps(old), "utf-8")
    result = run_cli("forms", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    # Nothing is trusted from it: every document is made anew, and the manifest is whole again.
    assert re.search(r"新建 [1-9]\d+ 份，更新 0 份，未变 0 份，归档 0 份", result.stdout), result.stdout
    assert json.loads((out / MANIFEST).read_text("utf-8")) == manifest


@pytest.mark.parametrize("library", ["docxtpl", "Jinja2", "XlsxWriter"])
def test_a_new_version_of_a_rendering_library_remakes_every_document(library, monkeypatch):
    from xinfang import render
    render.code_digest.cache_clear()
    before = render.code_digest()
    real = render.metadata.version
    monkeypatch.setattr(render.metadata, "version", lambda name: "99.0" if name == library else real(name))
    render.code_digest.cache_clear()
    try:
        assert render.code_digest() != before
    finally:
        monkeypatch.undo()
        render.code_digest.cache_clear()
