"""The petition-handling forms: who gets blanks, the time limits they print, the worked example."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import copy_data
from formdocs import all_text, open_docx, render
from xinfang import loader
from xinfang.forms import blank_jobs, form_jobs, petition_case, petition_forms
from xinfang.forms.common import output_path
from xinfang.forms.declaration import declared_jobs
from xinfang.forms.scope import petition_units
from xinfang.jinja import cn_date
from xinfang.workdays import calendar_for

FORMS = petition_forms.FORMS


def header_text(doc) -> str:
    return "\n".join(p.text for p in doc.sections[0].header.paragraphs)


def limit_rows(doc) -> dict[str, str]:
    """The receipt's or register's label → value rows (法定时限, 办理期限 …)."""
    found = {}
    for table in doc.tables:
        for row in table.rows:
            cells = [c.text for c in row.cells]
            if cells[0] in ("法定时限", "办理期限"):
                found[cells[0]] = cells[1]
    return found


def blank_path(data, unit, form):
    return output_path(data, unit, form.name, "", blank=True)


def issuing_unit(data, form):
    """A unit whose blank of `form` the tests read: a 二级单位 where one issues it, else the company."""
    units = [u for u, forms in petition_forms.unit_forms(data) if form in forms]
    return next((u for u in units if u.kind == "二级单位"), units[0])


def example_path(data, form):
    return output_path(data, data.root, form.name, petition_forms.EXAMPLE)


@pytest.fixture(scope="module")
def secrets(example):
    values = set()
    for k in example.key_persons:
        values |= {v for v in (k.name, k.id_number, k.address, k.mobile) if v}
    values |= {p.mobile for p in example.people.values() if getattr(p, "mobile", None)}
    assert len(values) > 20
    return values


def test_every_petition_unit_gets_its_blanks_and_no_team_or_department(example, built):
    kinds = {u.kind for u in petition_units(example)}
    assert kinds == {"企业", "二级单位", "基层单位"}
    templates = {f.template for f in FORMS}
    jobs = [j for j in blank_jobs(example) if j.template in templates]
    issued = dict((u.id, [f.key for f in forms]) for u, forms in petition_forms.unit_forms(example))
    assert len(jobs) == sum(len(keys) for keys in issued.values())
    first_five = ["visit", "acceptance", "rejection", "extension", "reply"]
    for unit in petition_units(example):
        # 复查 by the level above the unit that answered, 复核 by the level above that
        levels = 2 if unit.id == example.root.id else 1 if unit.kind == "二级单位" and unit.children else 0
        assert issued[unit.id] == first_five + ["review", "recheck"][:levels], unit.label
        for form in FORMS:
            assert (built / blank_path(example, unit, form)).is_file() == (form.key in issued[unit.id])
    for unit in example.units.values():
        if unit.kind in ("职能部门", "班组"):
            assert not any(unit.label in j.title for j in jobs), unit.label


def test_every_form_belongs_to_a_step_of_the_example_procedure(example):
    # The procedure page links a form next to the step of this name; a renamed step loses its links.
    assert {f.step for f in FORMS} <= {s.name for s in example.procedure.steps}


def test_examples_are_filed_under_the_company_only(example, built):
    templates = {f.template for f in FORMS}
    jobs = [j for j in form_jobs(example) if j.template in templates]
    assert sorted(j.path for j in jobs) == sorted(example_path(example, f) for f in FORMS)
    assert not any(j.confidential for j in jobs)
    assert all((built / j.path).is_file() for j in jobs)


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.key)
def test_each_form_prints_its_limit_from_procedure_yaml(example, built, form):
    lim = example.procedure.limits
    wanted = {
        "visit": [f"{lim.accept_days}日内书面告知", f"不超过{lim.representatives}人"],
        "acceptance": [f"{lim.accept_days}日内书面告知", f"{lim.handle_days}日内办结", f"不超过{lim.extend_days}日"],
        "rejection": [f"{lim.accept_days}日内书面告知"],
        "extension": [f"{lim.handle_days}日的办理期限", f"不超过{lim.extend_days}日"],
        "reply": [f"{lim.handle_days}日内办结", f"不超过{lim.handle_days + lim.extend_days}日",
                  f"{lim.review_request_days}日内可以请求复查"],
        "review": [f"{lim.review_days}日内提出复查意见", f"{lim.recheck_request_days}日内可以请求复核"],
        "recheck": [f"{lim.recheck_days}日内提出复核意见"],
    }[form.key]
    unit = issuing_unit(example, form)
    for path in (blank_path(example, unit, form), example_path(example, form)):
        rule = limit_rows(open_docx(built / path))["法定时限"]
        assert rule == petition_forms.limit_rules(lim)[form.key]
        for phrase in wanted:
            assert phrase in rule, (path, phrase)


def test_limits_follow_procedure_yaml_when_it_changes(tmp_path):
    data_dir = copy_data(tmp_path)
    procedure = data_dir / "procedure.yaml"
    text = procedure.read_text("utf-8")
    assert "受理告知日数: 15" in text
    procedure.write_text(text.replace("受理告知日数: 15", "受理告知日数: 12").replace("15日", "12日"), "utf-8")
    data = loader.load(data_dir)
    acceptance = FORMS[1]
    jobs = [j for j in declared_jobs(petition_forms.DECLARATION, data, False) if j.template == acceptance.template]
    doc = render(data, jobs[0])
    rows = limit_rows(doc)
    assert "收到信访事项之日起12日内书面告知" in rows["法定时限"]
    received = petition_case.dates(data)["received"]
    assert rows["办理期限"] == f"{cn_date(received + dt.timedelta(days=12))}前送达"
    assert "15日" not in all_text(doc)


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.key)
def test_blank_carries_the_unit_and_no_example_value(example, built, form):
    unit = issuing_unit(example, form)
    doc = open_docx(built / blank_path(example, unit, form))
    text = all_text(doc)
    assert header_text(doc).startswith(example.enterprise.name)
    assert unit.name in text
    if form.key != "visit":  # letters name whom to contact; the register leaves 接待人 to the clerk
        assert f"联系人：{example.people[unit.liaison].name}　　联系电话：{unit.phone}" in text
    assert "示例" not in text + header_text(doc)
    choices = ("channel", "category")  # the blank offers every category as a □ choice
    for value in [*petition_case.PETITIONER.values(),
                  *(v for k, v in petition_case.CASE.items() if k not in choices)]:
        assert value not in text, value
    for day in petition_case.dates(example).values():
        assert cn_date(day) not in text
    assert "____年__月__日" in text
    assert "填写说明" in text


def test_reply_blank_names_the_unit_above_for_review(example, built):
    unit = next(u for u in example.root.children if u.kind == "二级单位")
    reply = FORMS[4]
    text = all_text(open_docx(built / blank_path(example, unit, reply)))
    assert f"向{example.root.name}书面请求复查" in text
    top = all_text(open_docx(built / blank_path(example, example.root, reply)))
    assert f"向{petition_case.UPPER}书面请求复查" in top


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.key)
def test_example_is_marked_and_made_from_the_data(example, built, form, secrets):
    doc = open_docx(built / example_path(example, form))
    text = all_text(doc)
    assert header_text(doc).startswith(example.enterprise.name) and "（示例）" in header_text(doc)
    assert text.startswith("示例：本文书由操作手册的示例数据生成")
    assert "张某某（示例）" in text
    chain = petition_case.chain(example)
    issuer = {"review": chain.reviewer, "recheck": chain.rechecker}.get(form.key, chain.handler)
    assert issuer.name in text
    assert "填写说明" not in text and "____" not in text
    for value in secrets:
        assert value not in text, value


def test_example_chain_runs_up_the_tree(example):
    chain = petition_case.chain(example)
    assert chain.handler.parent == chain.reviewer.id and chain.reviewer.parent == chain.rechecker.id
    assert chain.rechecker.id == example.root.id


def test_example_dates_are_working_days_within_their_limits(example):
    lim, cal = example.procedure.limits, calendar_for(example)
    d = petition_case.dates(example)
    days = dt.timedelta
    assert d["received"] == cal.next_workday(dt.date(2026, 5, 1)) == dt.date(2026, 5, 6)  # after the May Day holiday
    assert d["recheck_due"] <= example.today  # a closed case, in years the calendar covers
    assert d["notice_due"] == d["received"] + days(lim.accept_days)
    assert d["handle_due"] == d["accepted"] + days(lim.handle_days)
    assert d["extended_due"] == d["handle_due"] + days(lim.extend_days)
    assert d["review_due"] == d["review_requested"] + days(lim.review_days)
    assert d["recheck_due"] == d["recheck_requested"] + days(lim.recheck_days)
    issued = ["received", "accepted", "extension", "reply", "review_requested", "review", "recheck_requested",
              "recheck"]
    assert [d[k] for k in issued] == sorted(d[k] for k in issued)
    for key in issued:
        assert cal.is_workday(d[key]), key
    assert d["accepted"] <= d["notice_due"] and d["extension"] <= d["handle_due"]
    assert d["reply"] <= d["extended_due"] and d["review_requested"] <= d["reply"] + days(lim.review_request_days)
    assert d["review"] <= d["review_due"] and d["recheck"] <= d["recheck_due"]


def test_example_prints_the_computed_dates(example, built):
    d = {k: cn_date(v) for k, v in petition_case.dates(example).items()}
    acceptance = all_text(open_docx(built / example_path(example, FORMS[1])))
    assert f"于{d['received']}以走访形式反映" in acceptance and f"即{d['handle_due']}前" in acceptance
    assert f"办理期限 | {d['notice_due']}前送达" in acceptance
    extension = all_text(open_docx(built / example_path(example, FORMS[3])))
    assert f"将于{d['extended_due']}前办结" in extension
    recheck = all_text(open_docx(built / example_path(example, FORMS[6])))
    assert f"于{d['review']}作出" in recheck and f"办理期限 | {d['recheck_due']}前送达" in recheck
