"""Property-based: random valid enterprises with hostile text build, open, and round-trip.

Text fields get XML-special characters, quotes, emoji, zero-width and
right-to-left characters, very long text and line breaks; optional fields are
left out at random. Every DOCX must open, and every value must come out
exactly as written. Characters XML cannot hold are refused by validation.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import REPO, QuietReporter

sys.path.insert(0, str(REPO / "bench"))
import synthetic  # noqa: E402

from xinfang import loader  # noqa: E402
from xinfang.build import build_documents  # noqa: E402
from xinfang.errors import DataError  # noqa: E402

pytestmark = pytest.mark.slow  # `pytest -m "not slow"` leaves it out

SPICE = ["&", "<", ">", "\"", "'", "&amp;", "<w:t>", "]]>", "{{ x }}", "{% if %}", "😀", "👨‍👩‍👧",
         "\u200b", "\u200d", "\u202e", "\u200f", "עברית", "العربية", "\t", "\n", "  ", "％", "\\"]
# Everything XML 1.0 can hold except other control characters (tested apart below).
SAFE_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff\x85")
TEXT = st.lists(st.one_of(st.sampled_from(SPICE), st.text(SAFE_CHARS, min_size=1, max_size=12)),
                min_size=1, max_size=12).map("".join).filter(lambda s: s.strip())
NAME = TEXT.map(lambda s: s[:40]).filter(lambda s: s.strip())  # 姓名 holds at most 40 characters
LONG = st.integers(200, 4000).map(lambda n: ("长文本&<>\"'😀" * 600)[:n])


class _Quoted(yaml.SafeDumper):
    """Dump every string double-quoted, so any character survives the trip."""


_Quoted.add_representer(str, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style='"'))


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.dump(data, Dumper=_Quoted, allow_unicode=True, sort_keys=False), "utf-8")


def _base(tmp: Path) -> Path:
    data = tmp / "data"
    synthetic.generate(14, data, people_per_unit=4, risks_per_unit=2, seed=7)
    return data


def _cell_texts(path: Path) -> set[str]:
    doc = Document(str(path))
    return {cell.text for table in doc.tables for row in table.rows for cell in row.cells}


# No shrinking: a failing example is printed as found; shrinking full builds takes minutes.
@settings(max_examples=12, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(descriptions=st.lists(st.one_of(TEXT, LONG), min_size=3, max_size=3),
       measure=TEXT, note=TEXT, unit_name=TEXT, person_name=NAME, drop_optional=st.booleans())
def test_hostile_text_round_trips_in_every_document(tmp_path_factory, descriptions, measure, note,
                                                     unit_name, person_name, drop_optional):
    tmp = tmp_path_factory.mktemp("prop")
    data_dir = _base(tmp)
    risk_files = sorted((data_dir / "risks").glob("*.yaml"))
    risk_doc = yaml.safe_load(risk_files[0].read_text("utf-8"))
    changed = risk_doc["隐患"][:len(descriptions)]
    for entry, text in zip(changed, descriptions):
        entry["问题描述"] = text
        entry["化解措施"] = measure
        entry["进展情况"][0]["内容"] = note
        if drop_optional:
            entry.pop("进展情况")
            entry.pop("包案领导", None) if entry["风险等级"] != "红" else None
    _dump(risk_files[0], risk_doc)
    units_doc = yaml.safe_load((data_dir / "units.yaml").read_text("utf-8"))
    target = next(u for u in units_doc["单位"] if u["编号"] == risk_doc["单位"])
    target["名称"] = unit_name
    if drop_optional:
        target.pop("简称")
    _dump(data_dir / "units.yaml", units_doc)
    people_doc = yaml.safe_load((data_dir / "people.yaml").read_text("utf-8"))
    owner = next(p for p in people_doc["人员"] if p["编号"] == risk_doc["隐患"][0]["责任人"])
    owner["姓名"] = person_name
    if drop_optional:
        owner.pop("手机")
    _dump(data_dir / "people.yaml", people_doc)

    data = loader.load(data_dir)
    written = {r.id: r for r in data.risks}
    assert [written[e["编号"]].description for e in changed] == descriptions
    out = tmp / "build"
    build_documents(data, ["forms", "blanks"], out, QuietReporter())

    documents = sorted(out.rglob("*.docx"))
    assert documents
    for path in documents:
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
        Document(str(path))  # opens: every part is well-formed XML
    root = data.root.label
    roll_up = out / "文档" / root / f"{root}-信访隐患排查台账-2026年11月.docx"
    cells = _cell_texts(roll_up)
    for entry in changed:
        assert entry["问题描述"] in cells
        assert measure in cells
        if not drop_optional:
            line = f"{entry['进展情况'][0]['日期'].isoformat()} {note}"
            assert any(line in cell for cell in cells)
    assert person_name in cells
    unit_label = target.get("简称") or unit_name
    assert any(unit_label in cell for cell in cells)


CONTROL = st.sampled_from([chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))])


@settings(max_examples=15, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=TEXT, control=CONTROL)
def test_characters_xml_cannot_hold_are_refused_with_a_clear_error(tmp_path_factory, prefix, control):
    tmp = tmp_path_factory.mktemp("ctl")
    data_dir = _base(tmp)
    risk_file = sorted((data_dir / "risks").glob("*.yaml"))[0]
    risk_doc = yaml.safe_load(risk_file.read_text("utf-8"))
    risk_doc["隐患"][0]["问题描述"] = prefix + control
    _dump(risk_file, risk_doc)
    with pytest.raises(DataError) as caught:
        loader.load(data_dir)
    messages = [str(p) for p in caught.value.problems if not p.warning]
    assert len(messages) == 1
    assert f"隐患[1].问题描述: 含有文档无法保存的控制字符（U+{ord(control):04X}），请删除" in messages[0]
    assert messages[0].startswith(f"risks/{risk_file.name}:")
