"""The issue-12 documents (work plan, daily and special risk reports, satisfaction forms): blanks on the
unit pages marked 空白, filled ones never on the site, and no key person's data anywhere in them."""

from __future__ import annotations

import re
from urllib.parse import unquote

from formdocs import all_text, open_docx
from xinfang.forms import daily_report, major_risk_report, satisfaction, work_plan
from xinfang.forms.declaration import declared_jobs

MODULES = (work_plan, daily_report, major_risk_report, satisfaction)
NEW_BLANKS = ("年度信访维稳工作方案", "风险预控日报告", "重大风险专报", "信访工作满意度评价表", "信访工作满意度评价结果汇总")


def test_new_documents_hold_no_key_person_data(built, example, key_person_secrets):
    jobs = [j for m in MODULES for blank in (False, True) for j in declared_jobs(m.DECLARATION, example, blank=blank)]
    assert len(jobs) > 60 and not any(j.confidential for j in jobs)
    for job in jobs:
        text = all_text(open_docx(built / job.path))
        leaked = [s for s in key_person_secrets if s in text]
        assert not leaked, f"{job.path} holds {leaked}"


def test_unit_page_offers_the_new_blanks_marked_blank_and_no_filled_one(site, example):
    markup = (site / "units" / "yi-kuang.html").read_text("utf-8")
    section = markup.split('id="本单位表格下载"', 1)[1].split("<h2", 1)[0]
    titles = re.findall(r">([^<>]+)</a>", section)
    for form in NEW_BLANKS:
        assert f"一矿{form}（空白）" in titles, form
    files = {unquote(p.name): p for p in (site / "downloads").rglob("*.docx")}
    # The daily report's file is named like its blank; the site's copy is the blank.
    offered = all_text(open_docx(files["一矿-风险预控日报告.docx"]))
    assert "报告日期：____年__月__日" in offered and "韩雪" not in offered
    filled = [j.path.rsplit("/", 1)[1] for m in MODULES if m is not daily_report
              for j in declared_jobs(m.DECLARATION, example, blank=False)]
    assert len(filled) > 5 and not set(filled) & set(files)
    # A 职能部门 gets the risk-report blanks (it may hold red entries) but no work plan or evaluation form.
    renli = (site / "units" / "renli.html").read_text("utf-8")
    assert "人力资源部重大风险专报（空白）" in renli and "人力资源部年度信访维稳工作方案" not in renli
    assert "人力资源部信访工作满意度评价表" not in renli
