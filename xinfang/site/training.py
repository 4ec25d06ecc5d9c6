"""The manual's training chapters: field visits, supervision, reporting, assessment,
filling the ledger, the learning path, role checklists and the FAQ.

Each page builder gathers the numbers and names it shows from the data (procedure.yaml's
法定时限, 信息报送, 督查督办, 领导下访; reception, emergency, key-group policies, targets);
the templates templates/site/<page>.md.j2 word them for a trainee.
"""

from __future__ import annotations

import datetime as dt

from ..forms.common import office_full_name
from ..jinja import cn_date
from . import filled_forms, ledger_guide, public

# uri → (template, builder method); the nav in mkdocs.yml lists the same pages.
PAGES = {
    "learning-path.md": ("learning-path.md.j2", "learning_path"),
    "ledger-howto.md": ("ledger-howto.md.j2", "ledger_howto"),
    "visits.md": ("visits.md.j2", "visits"),
    "reporting.md": ("reporting.md.j2", "reporting"),
    "supervision.md": ("supervision.md.j2", "supervision"),
    "assessment.md": ("assessment.md.j2", "assessment"),
    "checklists.md": ("checklists.md.j2", "checklists"),
    "faq.md": ("faq.md.j2", "faq"),
}


class Training:
    """Builds the training pages through the Site's render() (same environment, same common values)."""

    def __init__(self, site):
        self.site, self.data = site, site.data

    def builders(self) -> list[tuple]:
        return [(uri, lambda t=template, m=method: self.site.render(t, **self.facts(), **getattr(self, m)()))
                for uri, (template, method) in PAGES.items()]

    def facts(self) -> dict:
        """The numbers every training page may quote, all from the data."""
        d = self.data
        proc, em = d.procedure, d.emergency
        return {
            "lim": proc.limits, "rep": proc.reporting, "sup": proc.supervision, "vis": proc.visits,
            "rec": d.reception, "report_minutes": em.report_minutes, "onsite_minutes": em.onsite_minutes,
            "duty_phone": em.post.office.phone,
            "policies": [{"cls": p.cls, "contact_by": p.contact_by, "frequency": p.frequency,
                          "interval_days": p.interval_days} for p in d.key_groups.policies],
        }

    # --- pages --------------------------------------------------------------

    def learning_path(self) -> dict:
        return {}

    def ledger_howto(self) -> dict:
        d = self.data
        ledger = [dl for dl in self.site.downloads if dl.unit == d.root.id and "台账" in dl.title]
        filled = [dl for dl in self.site.downloads_of.get(filled_forms.UNIT, []) if "隐患排查台账" in dl.title]
        return {"columns": ledger_guide.columns(office_full_name(self.data)),
                "ledger": [self.site.download_link(dl, "") for dl in ledger],
                "filled": [self.site.download_link(dl, "") for dl in filled]}

    def rules(self) -> list[dict]:
        """The leaders' reception rules with each leader's public fields."""
        d = self.data
        return [{"leader": public.person(d, r.leader), "mode": r.mode, "cycle": r.cycle, "weekday": r.weekday,
                 "week": r.week_of_month, "time": r.time, "place": r.place} for r in d.reception.rules]

    def visits(self) -> dict:
        d = self.data
        leaders = list(dict.fromkeys(public.person(d, c.leader)["name"] for c in d.reception.cases))
        return {"rules": self.rules(), "case_leaders": "、".join(n for n in leaders if n)}

    def reporting(self) -> dict:
        d = self.data
        liaisons = sum(1 for u in d.units.values() if u.liaison)
        return {"liaison_units": liaisons}

    def supervision(self) -> dict:
        d = self.data
        overdue = sum(1 for r in d.risks if r.status(d.today) == "超期")
        five = {f.name: f for f in d.responsibilities.five}
        check = five.get("督查责任")
        return {"overdue": overdue, "check_holder": check.holder if check else d.enterprise.group.name + "办公室"}

    def assessment(self) -> dict:
        d = self.data
        return {"targets": [{"indicator": t.indicator, "value": t.value} for t in d.enterprise.targets],
                "five": [{"name": f.name, "holder": f.holder, "content": f.content} for f in d.responsibilities.five]}

    def checklists(self) -> dict:
        d = self.data
        campaigns = [{"name": c.name, "lead_days": c.lead_days} for c in d.campaigns]
        return {"campaigns": campaigns, "meetings": d.enterprise.group.meetings}

    def faq(self) -> dict:
        """The worked example counts from the data date (the day of acceptance not counted)."""
        day, lim = self.data.enterprise.data_date, self.data.procedure.limits
        return {"rules": self.rules(), "handle_by": cn_date(day + dt.timedelta(days=lim.handle_days)),
                "extended_by": cn_date(day + dt.timedelta(days=lim.handle_days + lim.extend_days))}
