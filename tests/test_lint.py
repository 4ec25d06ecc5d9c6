"""generate.py lint: every template compiles and finds its values; all problems at once."""

from __future__ import annotations

import shutil

import pytest
from docx import Document

from conftest import run_cli
from xinfang.errors import TemplateError
from xinfang.lint import lint_templates
from xinfang.render import TEMPLATE_DIR


def _break(path, old: str, new: str) -> None:
    """Replace text inside one run of a template, as an office worker editing in Word would."""
    doc = Document(str(path))
    runs = [r for p in doc.paragraphs for r in p.runs] + [
        r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    hit = next(r for r in runs if old in r.text)
    hit.text = hit.text.replace(old, new)
    doc.save(str(path))


def test_lint_passes_on_the_shipped_templates(example):
    summary = lint_templates(example)
    count = len(list(TEMPLATE_DIR.glob("*.docx")))
    assert summary.startswith(f"模板检查通过：{count} 个模板")


def test_lint_reports_every_problem_with_the_template_name(tmp_path, example):
    templates = tmp_path / "forms"
    shutil.copytree(TEMPLATE_DIR, templates)
    _break(templates / "ledger.docx", "{{ r.owner }}", "{{ r.owner_name }}")
    _break(templates / "contacts_roster.docx", "{{ unit.phone }}", "{{ unit_phone }}")
    _break(templates / "responsibility_table.docx", "{{ year }}", "{{ year ")
    shutil.copy(templates / "ledger.docx", templates / "ledger - 副本.docx")
    with pytest.raises(TemplateError) as caught:
        lint_templates(example, templates)
    message = str(caught.value)
    assert message.startswith("模板检查发现 ")
    assert "模板 ledger.docx 引用了不存在的数据：'dict object' has no attribute 'owner_name'" in message
    assert "模板 contacts_roster.docx 使用了变量“unit_phone”，但填写表格的数据中没有它" in message
    assert "模板 contacts_roster.docx 使用了变量“unit_phone”，但空白表格的数据中没有它" in message
    assert "模板 responsibility_table.docx" in message and "标签写法有误" in message
    assert "模板 ledger - 副本.docx 没有任何表格使用" in message
    assert "key_person_list.docx" not in message


def test_lint_reports_a_missing_template(tmp_path, example):
    templates = tmp_path / "forms"
    shutil.copytree(TEMPLATE_DIR, templates)
    (templates / "key_person_list.docx").unlink()
    with pytest.raises(TemplateError, match=r"模板 key_person_list\.docx 不存在：\S+\.docx 等 \d+ 份文档要用它"):
        lint_templates(example, templates)


def test_lint_command():
    result = run_cli("lint")
    assert result.returncode == 0, result.stderr
    assert "模板检查通过" in result.stdout + result.stderr
