"""需要关注: what the petition office must look at now, from the ledger as of the data date.

Four lists — open red entries, entries past their deadline, red entries not updated
for more than a day (red entries are updated daily) and backlog cases (积案, as
forms.case_ownership counts them) — with bar charts of the open entries by unit and
by level, and this year's petition figures against last year's (xinfang.yearfigures).

Only what the site may show: people through public.person (a name left out of
公开字段 stays out), no key person (data/confidential/ is never read), no case plan.
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from ..forms.case_ownership import is_backlog, months_pending
from ..model import RISK_LEVELS
from ..yearfigures import year_on_year
from . import html, public, svg

STALE_AFTER_DAYS = 1  # red entries are updated every day (每日一更新)
CHART_UNITS = 15  # units drawn one by one in the by-unit chart; the rest as one bar
ROW_LIMIT = 300  # rows per list on a large group's page; the rest are counted, not listed
LEVEL_COLOURS = {"红": "#c62828", "黄": "#f9a825", "绿": "#2e7d32"}


def short_date(day: dt.date) -> str:
    """2026-12-31: a date that fits a narrow table column on one line."""
    return day.isoformat()


def last_update(risk) -> dt.date:
    """The day an entry last changed: its latest progress note, or its registration."""
    return max([p.date for p in risk.progress] + [risk.registered])


def is_stale(risk, today: dt.date) -> bool:
    """A red entry still open and not updated for more than STALE_AFTER_DAYS days."""
    return (risk.level == "红" and risk.state != "已销号"
            and (today - last_update(risk)).days > STALE_AFTER_DAYS)


class Attention:
    """The 需要关注 page, built through the Site's render() like every other page."""

    def __init__(self, site):
        self.site, self.data = site, site.data
        self.order = {u.id: i for i, u in enumerate(self.data.descendants(self.data.root))}

    def page(self) -> str:
        d, today = self.data, self.data.today
        open_ = sorted((r for r in d.risks if r.state != "已销号"), key=lambda r: (self.order[r.unit], r.id))
        red = sorted((r for r in open_ if r.level == "红"), key=lambda r: (r.deadline, r.id))
        overdue = sorted((r for r in open_ if r.deadline < today), key=lambda r: (r.deadline, r.id))
        stale = sorted((r for r in red if is_stale(r, today)), key=lambda r: (last_update(r), r.id))
        backlog = sorted((r for r in open_ if is_backlog(d, r)), key=lambda r: (r.registered, r.id))
        taken = {c.risk: c for c in d.reception.cases}
        lists = {
            "red": self._table(red, [("单位", self._unit), ("涉及人数", lambda r: f"{r.people_count}人"),
                                     ("包案领导", lambda r: self._name(r.leader)),
                                     ("化解时限", lambda r: short_date(r.deadline)),
                                     ("最近更新", lambda r: short_date(last_update(r)))]),
            "overdue": self._table(overdue, [("单位", self._unit), ("化解时限", lambda r: short_date(r.deadline)),
                                             ("超期", lambda r: f"{(today - r.deadline).days}天"),
                                             ("包案领导", lambda r: self._name(r.leader)),
                                             ("责任人", lambda r: self._name(r.owner))]),
            "stale": self._table(stale, [("单位", self._unit), ("最近更新", lambda r: short_date(last_update(r))),
                                         ("未更新", lambda r: f"{(today - last_update(r)).days}天"),
                                         ("包案领导", lambda r: self._name(r.leader))]),
            "backlog": self._table(backlog, [("单位", self._unit), ("挂号日期", lambda r: short_date(r.registered)),
                                             ("已挂号", lambda r: f"{months_pending(d, r)}个月"),
                                             ("包案", lambda r: self._case_leader(taken.get(r.id))),
                                             ("包案时限", lambda r: self._case_deadline(taken.get(r.id)))]),
        }
        counts = {key: len(rows) for key, rows in
                  (("open", open_), ("red", red), ("overdue", overdue), ("stale", stale), ("backlog", backlog))}
        return self.site.render(
            "attention.md.j2", counts=counts, **lists, row_limit=ROW_LIMIT,
            stale_days=STALE_AFTER_DAYS, backlog_months=d.reception.backlog_months,
            charts=self._charts(open_), **self._years())

    # --- pieces -------------------------------------------------------------

    def _unit(self, risk) -> Markup:
        return self.site.unit_a(risk.unit, "units/")

    def _name(self, person_id) -> str:
        return public.person(self.data, person_id)["name"]

    def _case_leader(self, case) -> str:
        if case is None:
            return "尚未落实"
        return self._name(case.leader) or "已包案"  # a leader's name left out of 公开字段 stays out

    @staticmethod
    def _case_deadline(case) -> str | None:
        return short_date(case.deadline) if case else None

    @staticmethod
    def _table(risks: list, columns: list[tuple]) -> html.Block | None:
        """The first ROW_LIMIT entries as a table (None when there are none): number, level and
        description, then the short `columns` (header, value of an entry)."""
        if not risks:
            return None
        headers = ["编号", "等级", "问题描述", *(h for h, _ in columns)]
        # Each entry with its cells' values (the risk itself, as the template reads id, level,
        # category and description from it).
        rows = [(r, [(header, value(r)) for header, value in columns]) for r in risks[:ROW_LIMIT]]
        return html.Block(html.macros("attention").entries(headers, rows))

    def _charts(self, risks: list) -> html.Block | None:
        """Both charts in one row on a wide screen, one under the other on a phone."""
        if not risks:
            return None
        return html.Block(html.macros("attention").charts([self._by_unit(risks), self._by_level(risks)]))

    def _by_unit(self, risks: list) -> html.Block:
        per_unit: dict[str, dict[str, int]] = {}
        for r in risks:
            per_unit.setdefault(r.unit, dict.fromkeys(RISK_LEVELS, 0))[r.level] += 1
        ranked = sorted(per_unit, key=lambda u: (-sum(per_unit[u].values()), self.order[u]))
        rows = [{"label": self.data.units[u].label, "values": [sum(per_unit[u].values())]}
                for u in ranked[:CHART_UNITS]]
        rest = ranked[CHART_UNITS:]
        if rest:
            rows.append({"label": f"其他{len(rest)}个单位合计",
                         "values": [sum(sum(per_unit[u].values()) for u in rest)]})
        return html.figure(svg.bars(rows, "在办隐患（按单位）", unit="条"))

    def _by_level(self, risks: list) -> html.Block:
        rows = [{"label": f"{level}色", "values": [sum(r.level == level for r in risks)],
                 "colours": [LEVEL_COLOURS[level]]} for level in RISK_LEVELS]
        return html.figure(svg.bars(rows, "在办隐患（按风险等级）", unit="条"))

    def _years(self) -> dict:
        """This year's counts beside last year's, drawn and tabled (the Blocks stay top-level
        context values, as html.stash needs them); empty values when the data has no such years."""
        yoy = year_on_year(self.data) or {"counts": None, "stated": []}
        counts = yoy["counts"]
        out = {"stated": yoy["stated"], "stated_period": yoy.get("stated_period", ""), "years": counts,
               "years_chart": None, "years_table": None}
        if counts:
            series = [counts["previous_year"], counts["current_year"]]
            rows = [{"label": row["name"], "values": [row["previous"], row["current"]]} for row in counts["rows"]]
            out["years_chart"] = html.figure(svg.bars(rows, "信访总量对比", series=series))
            out["years_table"] = html.table(["指标", *series, "同比"],
                                            [[row["name"], row["previous"], row["current"], row["change"] or None]
                                             for row in counts["rows"]])
        return out
