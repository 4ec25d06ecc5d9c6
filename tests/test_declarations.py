"""Every form is one module with one declaration (xinfang.forms.declaration), and the
declarations make every document: paths, titles and the header keys of every context."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from xinfang import forms
from xinfang.forms import declaration
from xinfang.forms.common import BLANK_DIR, enterprise_header
from xinfang.forms.declaration import HEADER_KEYS, Form, declared

FORMS_DIR = Path(forms.__file__).parent
TOPS = ("文档", "涉密文档", "空白模板", "报送表")


def _constructs_job(source: str) -> bool:
    return any(isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Job"
               for node in ast.walk(ast.parse(source)))


def test_every_form_module_declares_its_forms_once():
    for name, module in forms.form_modules():
        found = module.DECLARATION
        listed = list(found) if isinstance(found, tuple) else [found]
        assert listed and all(isinstance(form, Form) for form in listed), name
        # one declaration: no second Form made anywhere in the module but in DECLARATION
        assert not [attr for attr, value in vars(module).items()
                    if isinstance(value, Form) and attr != "DECLARATION"], name


def test_only_the_declaration_makes_jobs():
    """No form module builds a Job itself: titles and paths follow one pattern."""
    makers = [path.name for path in sorted(FORMS_DIR.glob("*.py")) if _constructs_job(path.read_text("utf-8"))]
    assert makers == ["declaration.py"]
    assert _constructs_job(inspect.getsource(declaration))  # the check itself can see a Job call


def test_no_form_module_keeps_a_jobs_function_of_its_own():
    assert [name for name, module in forms.form_modules() if hasattr(module, "jobs")] == []


def test_every_document_built_comes_from_a_declaration(built, example):
    declared_paths = {job.path for _, form in forms.declarations()
                      for blank in (False, True) for job in form.jobs(example, blank)}
    files = {p.relative_to(built).as_posix() for top in TOPS for p in (built / top).rglob("*")
             if p.suffix in (".docx", ".xlsx")}
    assert files and files == declared_paths


def test_titles_follow_one_pattern(example):
    for name, form in forms.declarations():
        for job in form.blank_jobs(example):
            assert job.path.startswith(f"{BLANK_DIR}/") and job.title.endswith(f"{form.name}（空白）"), job.title
        for job in form.filled_jobs(example):
            stem = job.path.rsplit("/", 1)[1].rsplit(".", 1)[0]
            label = stem.split("-", 1)[0]
            assert job.title.startswith(f"{label}{form.name}"), (name, job.title)
            # a title names what the file name adds, unless that is the period
            item = job.title.removeprefix(f"{label}{form.name}").strip("（）")
            assert not item or stem.endswith(f"-{item}"), (name, job.title, stem)


def test_every_context_carries_the_same_header(example):
    """enterprise, unit and period in every form's filled and blank context; period is empty in a blank."""
    enterprise = enterprise_header(example)
    for name, form in forms.declarations():
        filled, blanks = form.filled_jobs(example), form.blank_jobs(example)
        assert filled or blanks, name
        for job, blank in [(j, False) for j in filled[:1]] + [(j, True) for j in blanks[:1]]:
            context = job.context
            assert set(HEADER_KEYS) <= context.keys(), (name, job.path)
            assert context["enterprise"] == enterprise, (name, job.path)
            assert context["unit"]["label"] == job.path.rsplit("/", 1)[1].split("-", 1)[0], (name, job.path)
            if blank:
                assert context["period"] == "", (name, job.path)
            elif context["period"]:
                assert context["period"] in job.path, (name, job.path)


def test_a_context_that_redefines_the_header_is_refused(example):
    clash = Form("测试表", "ledger.docx", blank_units=lambda data: [data.root],
                 blank_context=lambda data, unit: {"period": "____年__月"})
    [job] = clash.blank_jobs(example)
    try:
        job.context
    except AssertionError as error:
        assert "period" in str(error)
    else:
        raise AssertionError("a form's own period must not replace the header's")


def test_declared_lists_each_modules_forms_in_order():
    from xinfang.forms import ledger, satisfaction
    assert [f.template for f in declared(ledger)] == ["ledger.docx", "ledger.xlsx"]
    assert [f.name for f in declared(satisfaction)] == ["信访工作满意度评价表", "信访工作满意度评价结果汇总"]


def test_every_declared_template_is_authored_and_every_template_declared():
    """templates_authoring finds each form's builder through FORM_MODULES: no second list to extend."""
    from xinfang.templates_authoring import TEMPLATE_DIR
    from xinfang.templates_authoring.__main__ import builders

    documents = {form.template for _, form in forms.declarations() if form.template.endswith(".docx")}
    assert documents == {p.name for p in TEMPLATE_DIR.glob("*.docx")}
    authored = {b.__module__.rsplit(".", 1)[1] for b in builders()}
    with_templates = {name for name, form in forms.declarations() if form.template.endswith(".docx")}
    assert authored == with_templates
