"""The manual as a training manual: procedure, new chapters, checklists, FAQ, phone links,
footer, print marks and search tokens, read back from the built HTML."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest

from conftest import copy_data, make_site
from test_site import LINK, page, text_of
from xinfang import loader
from xinfang.errors import DataError
from xinfang.jinja import cn_date
from xinfang.returns.columns import COLUMNS as WORKBOOK_COLUMNS
from xinfang.site.ledger_guide import WORD_HEADERS
from xinfang.site.training import PAGES

NEW_PAGES = [uri.removesuffix(".md") for uri in PAGES]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def limit_phrases(lim) -> list[str]:
    return [f"{lim.accept_days}日", f"{lim.handle_days}日", f"{lim.extend_days}日", f"{lim.review_request_days}日",
            f"{lim.review_days}日", f"{lim.recheck_request_days}日", f"{lim.recheck_days}日",
            f"{lim.objection_workdays}个工作日", f"不超过{lim.representatives}人"]


def test_every_new_page_is_in_the_nav_and_the_home_page(site):
    nav = page(site, "index").split('class="md-sidebar md-sidebar--primary"', 1)[1].split("md-sidebar--secondary", 1)[0]
    home = text_of(page(site, "index"))
    for name in NEW_PAGES:
        assert f'href="{name}.html"' in nav, name
        assert f"{name}.html" in page(site, "index").split("<article", 1)[1], name
        title = re.search(r"<h1[^>]*>(.*?)</h1>", page(site, name), re.S).group(1)
        assert html.unescape(re.sub(r"<[^>]+>", "", title)).strip() in home


def test_procedure_gives_every_limit_from_the_data_and_no_escape_clause(site, example):
    lim = example.procedure.limits
    text = flat(text_of(page(site, "procedure")))
    for phrase in limit_phrases(lim):
        assert phrase in text, phrase
    assert f"最长{lim.handle_days + lim.extend_days}日" in text
    for term in ("建议意见类", "检举控告类", "申诉求决类", "逐级走访", "信访人的权利", "信访人的义务",
                 example.enterprise.office.phone):
        assert term in text, term
    for path in site.rglob("*.html"):
        assert "以数据文件为准" not in path.read_text("utf-8"), path.name
    # The objection to a referral comes at the start, before the handling, not after 复核.
    names = [s.name for s in example.procedure.steps]
    assert names.index("异议") < names.index("办理") < names.index("复核")


def test_flowchart_draws_steps_in_order_and_the_branches(site, example):
    svg = re.search(r'<svg class="xf-diagram xf-flow".*?</svg>', page(site, "procedure"), re.S).group(0)
    labels = [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    steps = [lbl for lbl in labels if re.match(r"\d+\. ", lbl)]
    assert steps == [f"{i}. {s.name}" for i, s in enumerate(example.procedure.steps, 1)]
    outcomes = [b.outcome for s in example.procedure.steps for b in s.branches]
    assert {"不予受理", "满意终结"} <= set(outcomes)
    for outcome in outcomes:
        assert f"→ {outcome}" in labels
    width = float(re.search(r'viewBox="0 0 (\d+)', svg).group(1))
    assert width <= 390, "the flowchart must fit a phone without shrinking its text"


@pytest.mark.slow  # builds a site (or runs many CLI commands) of its own
def test_limits_follow_the_data_when_it_changes(tmp_path):
    data = copy_data(tmp_path)
    proc = data / "procedure.yaml"
    text = proc.read_text("utf-8").replace("办理日数: 60", "办理日数: 45").replace("60日内办结", "45日内办结")
    proc.write_text(text, "utf-8")
    site_dir = tmp_path / "site"
    make_site(data, site_dir)
    for name in ("procedure", "faq", "checklists", "supervision", "learning-path", "assessment"):
        body = flat(text_of(page(site_dir, name)))
        assert "45日" in body, name
        assert "60日" not in body, name
    # A step text that disagrees with the limits is refused with its place.
    proc.write_text(text.replace("45日内办结", "50日内办结"), "utf-8")
    with pytest.raises(DataError) as failure:
        loader.load(data)
    assert "办理流程[3]（办理）写有“50日”，与法定时限中的天数都不一致" in str(failure.value)


def test_ledger_howto_explains_every_column_of_both_forms(site, example):
    markup = page(site, "ledger-howto")
    table = markup.split("各栏怎样填", 1)[1].split("</table>", 1)[0]
    rows = {html.unescape(re.sub(r"<[^>]+>", "", cells[0])).split("（")[0]: cells
            for cells in (re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S))
            if cells}
    headers = list(WORD_HEADERS) + [c.header for c in WORKBOOK_COLUMNS]
    assert set(headers) == set(rows)
    for column in WORKBOOK_COLUMNS:
        assert html.unescape(rows[column.header][4]) == column.prompt
        assert ("新增必填" in rows[column.header][0]) == column.required
    for header in WORD_HEADERS:
        assert rows[header][2] == "有"
    text = text_of(markup)
    for choice in ("工资待遇", "三供一业", "日常排查", "专项排查", "动态跟踪"):
        assert choice in text
    # The rules agree with the forms' own instructions.
    assert "yk-2026-001" in text and "留空" in text and "不要在单元格中使用公式" in text
    assert "红色隐患必须明确包案领导" in text


def test_checklists_cover_every_role_and_rhythm_with_the_data(site, example):
    markup = page(site, "checklists")
    text = flat(text_of(markup))
    headings = [html.unescape(re.sub(r"<[^>]+>", "", h)).strip()
                for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", markup, re.S)]
    assert headings[:5] == ["信访联络员", "每日", "每周", "每月", "节假日和重要会议前"]
    assert "包案领导" in headings and "信访办（信访办公室）" in headings
    assert text.count("☐") >= 30
    proc, em = example.procedure, example.emergency
    for phrase in (f"{proc.limits.accept_days}日", f"{proc.limits.handle_days}日", f"{em.report_minutes}分钟",
                   proc.reporting.zero_time, f"{proc.supervision.feedback_workdays}个工作日",
                   example.enterprise.office.phone, em.post.office.phone, proc.visits.visit_cycle):
        assert phrase in text, phrase
    for policy in example.key_groups.policies:
        assert policy.frequency in text
    for campaign in example.campaigns:
        assert f"{campaign.name}，提前{campaign.lead_days}个工作日开始" in text


def test_faq_answers_with_the_data(site, example):
    markup = page(site, "faq")
    questions = re.findall(r"<h3[^>]*>问：", markup)
    assert len(questions) >= 12
    text = flat(text_of(markup))
    lim = example.procedure.limits
    for phrase in limit_phrases(lim):
        assert phrase in text, phrase
    day = example.enterprise.data_date
    assert f"{cn_date(day)}受理的，最晚{cn_date(day + dt.timedelta(days=lim.handle_days))}办结" in text
    assert f"最晚{cn_date(day + dt.timedelta(days=lim.handle_days + lim.extend_days))}办结" in text
    assert f"{example.reception.backlog_months}个月" in text and f"{example.reception.award_threshold}%" in text
    for rule in example.reception.rules:
        assert example.people[rule.leader].name in text and rule.time in text


def test_learning_path_links_the_chapters_in_order(site):
    markup = page(site, "learning-path").split("<article", 1)[1]
    order = [t.removesuffix(".html") for t in LINK.findall(markup) if t.endswith(".html")]
    wanted = ["index", "organisation", "units/index", "contacts", "procedure", "reception", "visits", "screening",
              "ledger-howto", "downloads", "reporting", "key-groups", "emergency", "supervision", "assessment",
              "checklists"]
    firsts = list(dict.fromkeys(o for o in order if o in wanted))
    assert firsts == wanted
    assert flat(text_of(page(site, "learning-path"))).count("自测") >= 5


def test_topic_pages_quote_the_data(site, example):
    proc, rec, em = example.procedure, example.reception, example.emergency
    visits = flat(text_of(page(site, "visits")))
    assert proc.visits.visit_cycle in visits and f"提前{proc.visits.appointment_workdays}个工作日" in visits
    assert f"{rec.reply_days}个工作日内" in visits and f"{rec.finish_days}个工作日内办结" in visits
    for rule in rec.rules:
        assert rule.place in visits
    reporting = flat(text_of(page(site, "reporting")))
    for phrase in ("首报", "续报", "终报", "零报告", f"{em.report_minutes}分钟", f"{proc.reporting.written_hours}小时",
                   f"{proc.reporting.followup_hours}小时", f"{proc.reporting.final_days}日", proc.reporting.zero_time,
                   em.post.office.phone):
        assert phrase in reporting, phrase
    supervision = flat(text_of(page(site, "supervision")))
    overdue = sum(r.status(example.today) == "超期" for r in example.risks)
    assert overdue and f"{overdue}条" in supervision
    assert f"{proc.supervision.feedback_workdays}个工作日" in supervision
    assert f"{proc.supervision.reminder_days}日" in supervision
    assessment = flat(text_of(page(site, "assessment")))
    for target in example.enterprise.targets:
        assert flat(target.indicator) in assessment and flat(target.value) in assessment
    assert f"{rec.award_threshold}%" in assessment
    for five in example.responsibilities.five:
        assert five.name in assessment


def test_new_pages_hold_no_confidential_or_ledger_detail(site, example, key_person_secrets):
    secrets = set(key_person_secrets)
    secrets |= {p.mobile for p in example.people.values() if p.mobile and "手机" not in p.public}
    secrets |= {r.description for r in example.risks}
    secrets |= {c.plan for c in example.reception.cases}
    for name in NEW_PAGES + ["procedure"]:
        markup = page(site, name)
        leaked = [s for s in secrets if s in markup]
        assert not leaked, f"{name} holds {leaked[:3]}"


def test_phone_numbers_are_tap_to_call_links_that_do_not_wrap(site, example):
    css = (site / "assets" / "manual.css").read_text("utf-8")
    assert re.search(r"\.xf-tel\s*\{\s*white-space:\s*nowrap", css)
    for name in ("contacts", "faq", "reporting", "units/yi-kuang", "emergency"):
        article = page(site, name).split("<article", 1)[1].split("</article>", 1)[0]
        links = re.findall(r'<a class="xf-tel" href="tel:(\d+)">([\d-]+)</a>', article)
        assert links, name
        assert all(href == shown.replace("-", "") for href, shown in links)
        bare = re.sub(r'<a class="xf-tel"[^>]*>[\d-]+</a>', "", re.sub(r"<svg.*?</svg>", "", article, flags=re.S))
        assert not re.search(r"(?<![\d-])0\d{2,3}-\d{7,8}(?![\d-])", re.sub(r"<[^>]+>", " ", bare)), name
    assert example.enterprise.office.phone.replace("-", "") in page(site, "contacts")


def test_footer_and_printed_pages_name_the_manual_enterprise_and_date(site, example):
    date = cn_date(example.enterprise.data_date)
    for name in ("index", "procedure", "units/yi-kuang"):
        markup = page(site, name)
        footer = re.search(r'<div class="md-copyright__highlight">(.*?)</div>', markup, re.S).group(1)
        assert "信访工作规范化操作手册" in footer and example.enterprise.name in footer and date in footer
        style = re.search(r'<style media="print">(.*?)</style>', markup, re.S).group(1)
        assert "size: A4" in style
        assert re.search(r'@top-left \{ content: "信访工作规范化操作手册', style)
        assert re.search(rf'@top-right \{{ content: "数据日期 {date} · 内部资料"', style)
    css = (site / "assets" / "manual.css").read_text("utf-8").split("@media print", 1)[1]
    assert "overflow: visible" in css and "width: 100%" in css  # tables keep all their columns


def test_search_index_holds_time_limits_as_words(site, example):
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    tokens: dict[str, set] = {}
    for doc in index["docs"]:
        words = re.split(r"[\s\u200b\-]+", doc["title"] + "\u200b" + doc["text"])
        tokens.setdefault(doc["location"].split("#")[0], set()).update(words)
    lim = example.procedure.limits
    for word in (f"{lim.accept_days}日", f"{lim.handle_days}日", f"{lim.extend_days}日",
                 f"{lim.objection_workdays}个工作日"):
        assert word in tokens["procedure.html"], word
        assert word in tokens["faq.html"], word
    assert f"{example.emergency.report_minutes}分钟" in tokens["reporting.html"]
