"""The shipped example data loads, is rich enough, and links up; confidential data is optional."""

from __future__ import annotations

import shutil
from collections import Counter

from conftest import DATA, copy_data, run_cli
from xinfang import loader
from xinfang.model import RISK_LEVELS
from xinfang.schema import declared_fields, field_pos


def test_example_units_form_a_three_level_tree(example):
    assert len(example.units) >= 12
    root = example.root
    assert root.parent is None and root.kind == "企业"
    assert [u.id for u in example.descendants(root)][0] == root.id
    assert sorted(u.id for u in example.descendants(root)) == sorted(example.units)
    depths = Counter(len(example.ancestors(u)) for u in example.units.values())
    assert depths[1] >= 3 and depths[2] >= 3, depths  # 二级单位 and units below them
    for unit in example.units.values():
        assert all(child.parent == unit.id for child in unit.children)
        orders = [(c.order, c.id) for c in unit.children]
        assert orders == sorted(orders)


def test_example_people_and_references_resolve(example):
    assert len(example.people) >= 40
    for person in example.people.values():
        assert person.unit in example.units
    for unit in example.units.values():
        for attr in ("leader", "supervisor", "liaison"):
            ident = getattr(unit, attr)
            assert ident is None or ident in example.people
        if unit.kind in loader.LIAISON_REQUIRED:
            assert unit.liaison, unit.id


def test_example_risks_span_units_and_levels(example):
    risks = example.risks
    assert len(risks) >= 30
    assert set(r.level for r in risks) == set(RISK_LEVELS)
    assert len({r.unit for r in risks}) >= 5
    assert {r.unit for r in risks} <= set(example.units)
    assert [r.id for r in risks] == sorted(r.id for r in risks)
    assert len({r.id for r in risks}) == len(risks)
    assert example.risks_under(example.root) == risks
    for risk in risks:
        if risk.level == "红":
            assert risk.leader in example.people
        assert risk.owner in example.people
        assert (risk.closed is not None) == (risk.state == "已销号")
    levels_of_units = {len(example.ancestors(example.units[r.unit])) for r in risks}
    assert len(levels_of_units) >= 2  # ledgers kept at more than one level of the tree


def test_risk_files_are_named_after_their_unit(example):
    stems = {p.stem for p in (DATA / "risks").glob("*.yaml")}
    assert stems <= set(example.units)
    assert {r.unit for r in example.risks} <= stems


def test_example_key_persons_campaigns_and_plans(example):
    assert example.has_confidential
    assert len(example.key_persons) >= 3
    assert {p.cls for p in example.key_persons} == {"A", "B", "C"}
    assert len(example.campaigns) >= 2
    assert example.emergency.report_minutes > 0 and example.emergency.arrivals
    assert example.enterprise.targets and example.enterprise.figures
    assert example.today == example.enterprise.data_date


def test_sources_hash_every_data_file(example):
    files = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.yaml"))
    assert sorted(example.sources) == files
    assert all(len(digest) == 64 for digest in example.sources.values())


def test_example_has_only_expected_warnings(example):
    # Warnings are allowed (overdue entries), errors are not; every warning is one.
    assert all(w.warning for w in example.warnings)


def test_build_works_without_confidential_folder(tmp_path):
    data = copy_data(tmp_path)
    shutil.rmtree(data / "confidential")
    loaded = loader.load(data)
    assert loaded.has_confidential is False
    assert loaded.key_persons == []
    assert len(loaded.risks) >= 30
    proc = run_cli("check", "--quiet", "--data", str(data), "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    assert "未提供涉密的重点人员数据" in proc.stdout


def test_loading_is_repeatable(example):
    again = loader.load(DATA)
    assert [r.id for r in again.risks] == [r.id for r in example.risks]
    assert again.sources == example.sources
    assert [str(w) for w in again.warnings] == [str(w) for w in example.warnings]


def test_each_field_keeps_the_line_and_column_it_was_written_at(tmp_path):
    """Positions are packed per record (schema.places); errors and edits rely on them, loaded
    fresh or from the parse cache."""
    fresh = loader.load(DATA, cache_dir=tmp_path / "cache")
    cached = loader.load(DATA, cache_dir=tmp_path / "cache")
    checked = 0
    for data in (fresh, cached):
        for record in [*data.risks[:5], *list(data.people.values())[:5], *list(data.units.values())[:5]]:
            lines = (DATA / record.pos.file).read_text("utf-8").splitlines()
            for f in declared_fields(type(record)):
                pos = field_pos(record, f.name)
                value = getattr(record, f.name)
                if value in (None, "") or isinstance(value, list) or pos == record.pos:
                    continue  # a list's value starts on the next line
                line = lines[pos.line - 1]
                key = f.metadata["key"]
                # The value starts at the column recorded, right after "key: " on its line.
                assert line[:pos.col - 1].rstrip().endswith(f"{key}:"), (record.pos.file, pos, line)
                checked += 1
    assert checked > 100
