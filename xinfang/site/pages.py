"""Page builders: turn the Dataset into Markdown pages via templates/site/*.md.j2.

Each builder gathers one page's plain context; the template only lays it out.
Values reach Markdown escaped (xinfang.jinja.markdown_environment); the only
trusted Markup is the Markdown links this module makes and the HTML and diagrams
of the partials (html.py, svg.py, templates/site/partials/).
"""

from __future__ import annotations

import posixpath

import jinja2
from markupsafe import Markup

from .. import model, rhythm
from ..jinja import cn_date, markdown_environment, md_escape
from ..forms.common import office_full_name
from ..forms.emergency_plan import team_tasks
from ..forms.narrative import duration
from ..yearfigures import compare, has_counts, period, stated_changes
from ..schema import declared_fields
from . import filled_forms, handling_forms, html, public, schedule, svg
from .attention import Attention
from .downloads import Download, FilledChoice
from .training import Training

TEMPLATES = html.TEMPLATES
TREE_LIMIT = 300  # units drawn in one tree; bigger groups are drawn to a shallower depth
# Beyond this many units, company-wide pages point to the unit pages instead of listing
# everything inline, and unit pages leave the full-text search index (the unit list
# page, which names every unit, stays in it): 2,000 segmented unit pages would make
# the build several times slower and the browser's index over 10 MB.
LIST_LIMIT = 300


def environment() -> jinja2.Environment:
    return markdown_environment(jinja2.FileSystemLoader(str(TEMPLATES)))


def link(text: str, href: str) -> Markup:
    """A Markdown link whose text is escaped and whose target we generated."""
    return Markup(f"[{md_escape(text)}]({href})")


class Site:
    """Everything the pages share, and one method per page."""

    def __init__(self, data, downloads: list[Download], history: list[dict], filled: FilledChoice | None = None):
        self.data = data
        self.downloads = downloads
        self.filled = filled or FilledChoice()
        self.history = history
        self.env = environment()
        self.pending: list[str] = []  # Blocks of the page being rendered (see html.stash)
        self.fragments: dict[str, list[str]] = {}  # page uri → its Blocks, for html.restore
        # Indexes by unit, so a page per unit stays linear in the number of units.
        self.people_of: dict[str, list] = {}
        for p in data.people.values():
            self.people_of.setdefault(p.unit, []).append(p.id)
        self.open_risks: dict[str, int] = {}
        for r in data.risks:
            if r.state != "已销号":
                self.open_risks[r.unit] = self.open_risks.get(r.unit, 0) + 1
        self.downloads_of: dict[str, list] = {}
        for dl in downloads:
            self.downloads_of.setdefault(dl.unit, []).append(dl)
        self.assignments_of: dict[str, list] = {}
        for a in data.responsibilities.assignments:
            for unit_id in a.units:
                self.assignments_of.setdefault(unit_id, []).append(a)
        e = data.enterprise
        self.common = {
            "enterprise": e.name, "short_name": e.short_name, "year": e.year,
            "data_date": cn_date(e.data_date), "office_phone": e.office.phone,
            "office_unit": data.units[e.office.lead_unit].label,
            "group_name": e.group.name, "office_name": e.office.name, "office_full": office_full_name(data),
            "post_name": data.emergency.post.name, "post_office_name": data.emergency.post.office.name,
        }

    # --- shared pieces ------------------------------------------------------

    def unit_link(self, unit_id: str, base: str = "units/") -> Markup:
        """A link to a unit page; `base` is the path to units/ from the linking page."""
        return link(self.data.units[unit_id].label, f"{base}{unit_id}.md")

    def unit_a(self, unit_id: str, base: str = "") -> Markup:
        """The same link as ready HTML, for pages whose tables skip Markdown (html.py)."""
        return html.link(self.data.units[unit_id].label, f"{base}{unit_id}.html")

    def unit_links(self, ids, base: str = "units/") -> Markup:
        return Markup("、").join(self.unit_link(i, base) for i in ids)

    def tree_rows(self, top, href_prefix: str, limit: int = TREE_LIMIT) -> list[dict]:
        """Depth-first rows under `top`, cut at the deepest level that fits in `limit`."""
        units = self.data.descendants(top)
        base = len(self.data.ancestors(top))
        depth_of = {u.id: len(self.data.ancestors(u)) - base for u in units}
        max_depth = max(depth_of.values())
        while max_depth > 1 and sum(d <= max_depth for d in depth_of.values()) > limit:
            max_depth -= 1
        return [{"depth": depth_of[u.id], "label": u.label, "kind": u.kind,
                 "href": f"{href_prefix}{u.id}.html"} for u in units if depth_of[u.id] <= max_depth]

    def render(self, template: str, **context) -> str:
        """The page's Markdown; its html.Block values wait in self.pending until pages() files them."""
        context = html.stash(context, self.pending)
        return self.env.get_template(template).render(**self.common, **context)

    # --- pages --------------------------------------------------------------

    def pages(self) -> dict[str, str]:
        """Every page's Markdown by uri; the HTML Blocks each page holds are in self.fragments."""
        builders = [
            ("index.md", self.home),
            ("organisation.md", self.organisation),
            ("procedure.md", self.procedure),
            ("screening.md", self.screening),
            ("reception.md", self.reception),
            ("key-groups.md", self.key_groups),
            ("emergency.md", self.emergency),
            ("downloads.md", self.downloads_page),
            ("units/index.md", self.units_index),
            ("contacts.md", self.contacts),
            ("changes.md", self.changes),
        ]
        builders.append(("attention.md", Attention(self).page))
        builders += Training(self).builders()
        builders += [(f"units/{u.id}.md", lambda u=u: self.unit_page(u)) for u in self.data.descendants(self.data.root)]
        out = {}
        for uri, build in builders:
            out[uri] = build()
            if self.pending:
                self.fragments[uri], self.pending = self.pending, []
        return out

    def home(self) -> str:
        e = self.data.enterprise
        by_year = {f.year: f for f in e.figures}
        rows, stated, partial = [], [], False
        for f in sorted(e.figures, key=lambda f: f.year):
            if f.changes:
                stated.append({"period": period(f), "changes": stated_changes(f)})
            if not has_counts(f):
                continue
            counts = compare(f, by_year.get(f.year - 1))
            same = bool(counts and counts["same_period"])
            partial = partial or bool(counts and not same)
            rows.append({
                "year": f.year, "batches": f.batches, "people": f.people,
                "as_of": ("截至" + cn_date(f.as_of)) if f.as_of else "全年",
                "batches_change": counts["batches"] if same else "—",
                "people_change": counts["people"] if same else "—",
            })
        return self.render("index.md.j2", targets=[{"indicator": t.indicator, "value": t.value} for t in e.targets],
                           figures=rows, stated=stated, partial=partial)

    def organisation(self) -> str:
        d, g, o = self.data, self.data.enterprise.group, self.data.enterprise.office
        r = d.responsibilities
        assignments = [{"level": a.level, "person": public.person(d, a.person),
                        "units": self.unit_links(a.units), "area": a.area} for a in r.assignments]
        five = [{"name": f.name, "holder": f.holder, "content": f.content, "people": public.names(d, f.people)}
                for f in r.five]
        rows = self.tree_rows(d.root, "units/")
        tree = svg.unit_tree(rows, f"{d.enterprise.short_name}单位组织结构图")
        return self.render(
            "organisation.md.j2", leader=public.person(d, g.leader),
            deputies=public.people(d, g.deputies), members=public.people(d, g.members), meetings=g.meetings,
            office_lead=self.unit_link(o.lead_unit), director=public.person(d, o.director),
            staff_names=public.names(d, o.staff), office_duties=o.duties,
            levels=[{"level": lv.level, "holder": lv.holder, "duty": lv.duty} for lv in r.levels],
            assignments=assignments, five=five, tree=tree,
            tree_complete=len(rows) == len(d.units), unit_count=len(d.units))

    def procedure(self) -> str:
        d, proc = self.data, self.data.procedure
        steps = [{"name": s.name, "limit": s.limit, "basis": s.basis, "detail": s.detail,
                  "branches": [{"condition": b.condition, "outcome": b.outcome, "detail": b.detail or ""}
                               for b in s.branches]} for s in proc.steps]
        diagram = svg.flow([{**s, "note": "时限：" + s["limit"]} for s in steps], "信访事项办理流程图", "procedure")
        office = d.units[d.enterprise.office.lead_unit]
        places = list(dict.fromkeys(r.place for r in d.reception.rules))
        return self.render("procedure.md.j2", steps=steps, diagram=diagram, limits=proc.limits,
                           office_address=office.address or office.city, places=places,
                           step_forms=handling_forms.by_step(self))

    def screening(self) -> str:
        d = self.data
        columns = [{"name": f.metadata["key"], "doc": f.metadata.get("doc") or ""}
                   for f in declared_fields(model.RiskEntry)]
        counts = {level: {"open": 0, "closed": 0} for level in model.RISK_LEVELS}
        for risk in d.risks:
            counts[risk.level]["closed" if risk.state == "已销号" else "open"] += 1
        campaigns = [{"name": c.name, "trigger": c.trigger, "milestone": cn_date(c.milestone),
                      "lead_days": c.lead_days, "lead": self.unit_link(c.lead),
                      "leader": public.person(d, c.leader)["name"]} for c in d.campaigns]
        ledger = [dl for dl in self.downloads if dl.unit == d.root.id and "台账" in dl.title]
        return self.render("screening.md.j2", columns=columns, counts=counts, campaigns=campaigns,
                           rhythm=rhythm.wording(d.enterprise.screening),
                           kinds=model.SCREENING_KINDS, ledger=[self.download_link(dl, "") for dl in ledger],
                           total_open=sum(c["open"] for c in counts.values()))

    def reception(self) -> str:
        d, rec = self.data, self.data.reception
        rules = [{"leader": public.person(d, r.leader), "mode": r.mode,
                  "cycle": r.cycle + (f"第{r.week_of_month}个" if r.cycle == "每月" else "") + r.weekday,
                  "time": r.time, "place": r.place} for r in rec.rules]
        cases = [{"id": c.id, "leader": public.person(d, c.leader), "team": public.names(d, c.team),
                  "deadline": cn_date(c.deadline)} for c in rec.cases]
        period, sessions = schedule.sessions(d)
        return self.render("reception.md.j2", rec=rec, rules=rules, cases=cases, period=period,
                           sessions=sessions, notice_channels="、".join(rec.notice_channels),
                           booking_channels="、".join(rec.booking_channels))

    def key_groups(self) -> str:
        kg = self.data.key_groups
        # Policy only: the key persons (data/confidential/) are never read here.
        policies = [{"cls": p.cls, "criteria": p.criteria, "contact_by": p.contact_by,
                     "frequency": p.frequency, "interval_days": p.interval_days} for p in kg.policies]
        return self.render("key-groups.md.j2", policies=policies, measures=list(kg.measures),
                           report_time=duration(self.data.emergency.report_minutes))

    def emergency(self) -> str:
        d, em = self.data, self.data.emergency
        post = em.post
        tasks = team_tasks(post)
        steps = [
            {"name": "发现苗头", "note": "各单位、信访联络员发现聚集、赴省进京等苗头，立即核实情况"},
            {"name": "报告", "note": f"{duration(em.report_minutes)}内报告{d.enterprise.office.name}"
                                   f"（{self.common['office_phone']}）和{post.office.name}（值班电话 {post.office.phone}），"
                                   "立即报告总指挥"},
            {"name": "启动响应", "note": ("指挥部按分级响应启动相应工作组和应急队伍" if em.levels
                                     else "总指挥根据事态决定启动的工作组和应急队伍")},
            {"name": "到场处置", "note": f"事发单位{duration(em.onsite_minutes)}内到场；"
                                     + ("其他单位按到达时限赶到，" if em.arrivals else "")
                                     + "劝导疏散、接待代表、答复诉求"},
            {"name": "信息报送", "note": f"{tasks['report'] or post.office.name}持续收集动态，按时限向领导小组和上级报告"},
            {"name": "善后处置", "note": "落实问题处理，调查起因、评估损失、总结教训，向信访人代表通报"},
        ]
        office = post.office
        return self.render(
            "emergency.md.j2", em=em, diagram=svg.flow(steps, "应急处置流程图", "emergency"),
            commander=public.person(d, post.commander), deputies=public.people(d, post.deputies),
            member_units=self.unit_links(post.member_units),
            office={"unit": self.unit_link(office.unit), "director": public.person(d, office.director),
                    "deputies": public.people(d, office.deputies), "phone": office.phone, "duty": office.duty},
            teams=[{"name": t.name, "leader": public.person(d, t.leader), "members": public.names(d, t.members),
                    "duty": t.duty} for t in post.teams],
            vehicles=[{"kind": v.kind, "count": v.count, "place": v.place} for v in post.vehicles],
            fund_keeper=self.unit_link(post.fund_keeper) if post.fund_keeper else None,
            fund=f"{post.fund:g}" if post.fund is not None else None,
            unit_funds=[{"unit": self.unit_link(f.unit), "amount": f"{f.amount:g}" if f.amount is not None else None}
                        for f in post.unit_funds],
            reports=[{"name": r.name, "when": r.when, "to": r.to, "content": r.content or "—"} for r in em.reports],
            report_time=duration(em.report_minutes), onsite_time=duration(em.onsite_minutes),
            arrivals=[{"place": a.place, "note": a.note,
                       "same_city": duration(a.same_city_minutes) if a.same_city_minutes else "—",
                       "other": duration(a.other_minutes)} for a in em.arrivals],
            levels=[{"level": lv.level, "condition": lv.condition, "response": lv.response} for lv in em.levels],
            aftercare=[{"name": t.name, "leader": public.person(d, t.leader), "duty": t.duty}
                       for t in post.teams if "善后" in t.name])

    def download_link(self, dl: Download, up: str) -> Markup:
        return link(dl.title, f"{up}{dl.href}")

    def downloads_page(self) -> str:
        d = self.data
        by_unit = self.downloads_of
        company = [{"link": self.download_link(dl, ""), "name": dl.name, "size": dl.size_kb}
                   for dl in by_unit.get(d.root.id, [])]
        units = [{"unit": self.unit_link(u.id), "kind": u.kind, "count": len(by_unit[u.id]),
                  "links": [self.download_link(dl, "") for dl in by_unit[u.id]]}
                 for u in d.descendants(d.root) if u.id != d.root.id and u.id in by_unit]
        return self.render("downloads.md.j2", company=company, units=units,
                           inline=len(units) <= LIST_LIMIT, total=len(self.downloads),
                           handling=handling_forms.rows(self), **self.filled_examples())

    def filled_examples(self) -> dict:
        """The filled examples of the standard forms (xinfang.site.filled_forms) in the forms' order,
        and the forms left out."""
        order = {title: i for i, title in enumerate(self.filled.titles)}
        found = sorted(self.downloads_of.get(filled_forms.UNIT, []), key=lambda dl: order.get(dl.title, len(order)))
        return {"filled": [{"link": self.download_link(dl, ""), "name": dl.name} for dl in found],
                "filled_left_out": "、".join(self.filled.left_out)}

    def units_index(self) -> str:
        d = self.data
        rows = [[self.unit_a(u.id), u.kind, self.unit_a(u.parent) if u.parent else None,
                 public.person(d, u.leader)["name"], public.person(d, u.liaison)["name"], u.phone]
                for u in d.descendants(d.root)]
        table = html.table(["单位", "类型", "上级单位", "主要领导", "信访联络员", "信访电话"], rows)
        return self.render("units-index.md.j2", count=len(rows), table=table)

    def unit_page(self, unit) -> str:
        d = self.data
        facts = [["简称", unit.label], ["类型", unit.kind]]
        if unit.parent:
            facts.append(["上级单位", Markup(" › ").join(self.unit_a(a.id) for a in reversed(d.ancestors(unit)))])
        facts.append(["所在城市", unit.city])
        if unit.address:
            facts.append(["地址", unit.address])
        facts += [["信访电话", unit.phone], ["在办隐患", f"{self.open_risks.get(unit.id, 0)} 条"]]
        leaders = [[role, p["name"], p["post"], p["office_phone"], p["mobile"]]
                   for role, p in ((role, public.person(d, pid)) for role, pid in
                                   (("主要领导（第一责任人）", unit.leader), ("分管领导", unit.supervisor),
                                    ("信访联络员", unit.liaison)) if pid)]
        staff = [[p["name"], p["post"], p["office_phone"], p["mobile"]]
                 for p in public.people(d, self.people_of.get(unit.id, []))]
        assignments = [[a.level, p["name"], p["post"], a.area] for a, p in
                       ((a, public.person(d, a.person)) for a in self.assignments_of.get(unit.id, []))]
        same_city = [bool(a.same_city_minutes) and model.same_place(a.place, unit.city) for a in d.emergency.arrivals]
        arrivals = [[a.place, a.note, duration(a.same_city_minutes if same else a.other_minutes)]
                    for a, same in zip(d.emergency.arrivals, same_city)]
        tree = None
        if unit.children:
            tree = html.figure(svg.unit_tree(self.tree_rows(unit, ""), f"{unit.label}下属单位"))
        own = [html.link(dl.title, f"../{dl.href}")
               for dl in sorted(self.downloads_of.get(unit.id, []), key=unit_download_order)]
        company = []  # large groups: 2,000 pages × the company's forms would slow the build for nothing
        if unit.id != d.root.id and len(d.units) <= LIST_LIMIT:
            company = [html.link(dl.title, f"../{dl.href}") for dl in self.downloads_of.get(d.root.id, [])]
        return self.render(
            "unit.md.j2", unit=unit,
            facts=html.table(["项目", "内容"], facts),
            leaders=leaders and html.table(["岗位", "姓名", "职务", "办公电话", "手机"], leaders),
            staff=staff and html.table(["姓名", "职务", "办公电话", "手机"], staff),
            assignments=assignments and html.table(["层级", "责任人", "职务", "分管领域"], assignments),
            arrivals=arrivals and html.table(["事发地点", "说明", "本单位到达时限"], arrivals),
            children=html.bullets([self.unit_a(c.id) for c in unit.children]) if unit.children else None,
            tree=tree, own=own and html.bullets(own), common=html.company_forms(company),
            exclude_search=len(d.units) > LIST_LIMIT)  # see LIST_LIMIT: the unit list stays searchable

    def contacts(self) -> str:
        d = self.data
        groups = []
        for unit in d.descendants(d.root):
            people = public.people(d, self.people_of.get(unit.id, []))
            if people:
                groups.append({"unit": self.unit_link(unit.id), "people": people})
        outside = [{"name": c.name, "category": c.category, "person": c.person or "", "phone": c.phone}
                   for c in public.contacts(d)]
        return self.render("contacts.md.j2", groups=groups, outside=outside,
                           inline=len(d.units) <= LIST_LIMIT,
                           duty_phone=d.emergency.post.office.phone)

    def changes(self) -> str:
        return self.render("changes.md.j2", history=self.history)


def unit_download_order(dl: Download) -> tuple:
    """A unit's page lists its zip of every blank first, then its return workbook, then each blank."""
    return ({".zip": 0, ".xlsx": 1}.get(posixpath.splitext(dl.name)[1], 2), dl.name)
