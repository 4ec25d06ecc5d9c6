"""The petition-handling forms on the manual site: next to their step, on the downloads page,
on the unit pages, and never with confidential data."""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

from formdocs import all_text, open_docx
from xinfang.forms import petition_forms

FORMS = petition_forms.FORMS
ANCHOR = re.compile(r'<a href="([^"]+)"[^>]*>([^<]+)</a>')


def section(markup: str, start: str, end: str) -> str:
    return markup.split(start, 1)[1].split(end, 1)[0]


def step_block(markup: str, number: int, step: str) -> str:
    """A step's section of the procedure page: its heading to the next heading."""
    after = markup.split(f'id="{number}-{step}"', 1)[1]
    return re.split(r"<h[23]\b", after, maxsplit=1)[0]


def links(fragment: str) -> list[tuple[str, str]]:
    """(target, text) of every link in a piece of HTML."""
    return [(unquote(html.unescape(href)), text) for href, text in ANCHOR.findall(fragment)]


def resolve(site: Path, page: str, target: str) -> Path:
    path = (site / page).parent / target
    assert path.is_file(), target
    return path


@pytest.fixture(scope="module")
def secrets(example):
    values = set()
    for k in example.key_persons:
        values |= {v for v in (k.name, k.id_number, k.address, k.mobile) if v}
    assert len(values) > 20
    return values


def test_procedure_links_each_form_blank_and_example_at_its_step(site, example):
    markup = (site / "procedure.html").read_text("utf-8")
    steps = [s.name for s in example.procedure.steps]
    for form in FORMS:
        i = steps.index(form.step)
        block = step_block(markup, i + 1, form.step)
        line = block.split(f"{form.name}（", 1)[1].split("）", 1)[0]
        found = links(line)
        assert [text for _, text in found] == ["空白", "示例"], form.name
        blank, sample = (resolve(site, "procedure.html", target) for target, _ in found)
        assert blank.name == f"{example.root.label}-{form.name}.docx"
        assert sample.name == f"{example.root.label}-{form.name}-示例.docx"
        assert "示例" in all_text(open_docx(sample)) and "示例" not in all_text(open_docx(blank))
    i = steps.index("异议")
    objection = step_block(markup, i + 1, "异议")
    assert "文书：" not in objection  # a step without a form names none


def test_downloads_page_lists_every_form_with_its_limit_and_both_files(site, example):
    markup = (site / "downloads.html").read_text("utf-8")
    table = section(markup, 'id="信访事项办理文书"', 'id="各单位模板"')
    rules = petition_forms.limit_rules(example.procedure.limits)
    for form in FORMS:
        row = section(table, f"<td>{form.name}</td>", "</tr>")
        assert [text for _, text in links(row)] == ["空白", "示例"]
        for target, _ in links(row):
            resolve(site, "downloads.html", target)
        assert html.escape(rules[form.key], quote=False) in row
        assert f"<td>{form.step}</td>" in row


def test_every_petition_unit_page_offers_its_blanks_labelled_blank(site, example):
    for unit, forms in petition_forms.unit_forms(example):
        markup = (site / "units" / f"{unit.id}.html").read_text("utf-8")
        own = dict((text, target) for target, text in links(section(markup, 'id="本单位表格下载"', "</ul>")))
        assert len(forms) >= 5
        for form in forms:
            target = own[f"{unit.label}{form.name}（空白）"]
            assert resolve(site, f"units/{unit.id}.html", target).name == f"{unit.label}-{form.name}.docx"
    company = (site / "units" / f"{example.root.id}.html").read_text("utf-8")
    titles = [text for _, text in links(section(company, 'id="本单位表格下载"', "</ul>"))]
    for form in FORMS:
        assert f"{example.root.label}{form.name}（示例）" in titles
    assert not any("（示例）（空白）" in t for t in titles)


def test_examples_hold_no_confidential_value_and_stay_out_of_the_zip(site, example, secrets):
    folder = site / "downloads" / example.root.id
    samples = sorted(folder.glob("*-示例.docx"))
    assert len(samples) == len(FORMS)
    for path in samples:
        text = all_text(open_docx(path))
        for value in secrets:
            assert value not in text, (path.name, value)
    [bundle] = folder.glob("*.zip")
    with zipfile.ZipFile(io.BytesIO(bundle.read_bytes())) as archive:
        names = archive.namelist()
    assert f"{example.root.label}-受理告知书.docx" in names
    assert not any("示例" in n for n in names)
