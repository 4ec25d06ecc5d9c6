"""信访工作满意度评价表 (a blank the petitioner fills in) and its 满意度评价结果汇总.

The evaluation form is always blank: it carries the unit's and the enterprise's
names and nothing else, and asks for no personal data. The results summary is
filled company-wide when enterprise.yaml holds 满意度评价 results (counts only),
and offered blank to the units that tally their own forms.
"""

from __future__ import annotations

from functools import partial

from ..model import SATISFACTION_ITEMS
from ..numbers import rate_percent
from .declaration import Document, Form
from .ledger import ALWAYS
from .narrative import GAP, date_text
from .scope import blank_date, issuing_units

FORM = "信访工作满意度评价表"
SUMMARY = "信访工作满意度评价结果汇总"
FORM_TEMPLATE = "satisfaction_form.docx"
SUMMARY_TEMPLATE = "satisfaction_summary.docx"
SUMMARY_KINDS = ("企业", "二级单位")  # who tallies the returned forms
# What the petitioner judges under each item (seed 000: 接访、处访、程序、效果).
CRITERIA = {
    "接访": "接待是否及时、热情，是否认真听取诉求、如实登记",
    "处访": "办理是否依法依规、认真负责，答复是否明确、有依据",
    "程序": "受理、办理、答复是否按规定的程序和时限进行，是否书面告知",
    "效果": "反映的问题是否得到解决或合理解释，对处理结果是否认可",
}
COUNT_KEYS = ("satisfied", "basic", "unsatisfied", "total", "rate")


def form_units(data) -> list:
    return [u for u in issuing_units(data) if u.kind in ALWAYS]


def summary_units(data) -> list:
    return [u for u in form_units(data) if u.kind in SUMMARY_KINDS]


def summaries(data) -> list[Document]:
    if not data.enterprise.satisfaction:
        return []
    return [Document(data.root, partial(summary_context, data), f"{data.enterprise.year}年")]


def _office(data) -> dict:
    e = data.enterprise
    return {"name": e.office.name, "phone": e.office.phone}


def form_context(data, unit) -> dict:
    return {"blank": True, "office": _office(data),
            "items": [{"name": item, "criteria": CRITERIA[item]} for item in SATISFACTION_ITEMS]}


def _counts(name: str, satisfied: int, basic: int, unsatisfied: int) -> dict:
    total = satisfied + basic + unsatisfied
    return {"name": name, "satisfied": satisfied, "basic": basic, "unsatisfied": unsatisfied, "total": total,
            "rate": rate_percent(satisfied + basic, total)}


def survey_rows(survey) -> tuple[list[dict], dict]:
    """One row per item in the fixed order, and the all-items row."""
    by_item = {r.item: r for r in survey.results}
    rows = [_counts(item, r.satisfied, r.basic, r.unsatisfied)
            for item in SATISFACTION_ITEMS if (r := by_item.get(item))]
    total = _counts("各项合计", *(sum(row[k] for row in rows) for k in ("satisfied", "basic", "unsatisfied")))
    return rows, total


def target_text(data) -> str:
    """The year's satisfaction target from 工作目标, e.g. 职工群众满意度90%以上, or ""."""
    found = next((t for t in data.enterprise.targets if "满意" in t.indicator), None)
    return f"{found.indicator}{found.value}" if found else ""


def summary_context(data) -> dict:
    surveys = []
    for survey in data.enterprise.satisfaction:
        rows, total = survey_rows(survey)
        weakest = min(rows, key=lambda r: (r["satisfied"] + r["basic"]) / r["total"])
        surveys.append({"period": survey.period, "forms": survey.forms if survey.forms is not None else "",
                        "rows": rows, "total": total,
                        "weakest": weakest["name"] if len(rows) > 1 else "", "weakest_rate": weakest["rate"]})
    return {"blank": False, "date": date_text(data.today),
            "surveys": surveys, "target": target_text(data)}


def blank_summary_context(data, unit) -> dict:
    empty = {k: "" for k in COUNT_KEYS}
    return {"blank": True, "date": blank_date(),
            "surveys": [{"period": GAP, "forms": "____", "rows": [{"name": item, **empty} for item in SATISFACTION_ITEMS],
                         "total": {"name": "各项合计", **empty}, "weakest": "", "weakest_rate": ""}],
            "target": ""}


DECLARATION = (
    # The unit's name only (unit_roles): the petitioner's form names nobody of the unit.
    Form(FORM, FORM_TEMPLATE, blank_units=form_units, blank_context=form_context, unit_roles=()),  # always blank
    Form(SUMMARY, SUMMARY_TEMPLATE, summaries, summary_units, blank_summary_context, unit_roles=()),
)
