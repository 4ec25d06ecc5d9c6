"""The petition-handling forms on the site: each form's company blank (空白) and filled
example (示例), linked next to its step of the procedure and listed on the downloads page.

The files themselves are downloads like any other (xinfang.site.downloads); this module
only finds them by title and words the links.
"""

from __future__ import annotations

from markupsafe import Markup

from ..forms import petition_forms
from ..jinja import md_escape

BLANK, EXAMPLE = "空白", petition_forms.EXAMPLE


def _link(text: str, href: str) -> Markup:
    return Markup(f"[{md_escape(text)}]({href})")


def rows(site) -> list[dict]:
    """One row per form that has a company blank or an example: name, step, limit, links."""
    d = site.data
    by_title = {dl.title: dl for dl in site.downloads_of.get(d.root.id, [])}
    rules = petition_forms.limit_rules(d.procedure.limits)
    found = []
    for form in petition_forms.FORMS:
        blank = by_title.get(f"{d.root.label}{form.name}（{BLANK}）")
        example = by_title.get(petition_forms.example_title(d, form))
        if blank or example:
            links = [_link(label, dl.href) for label, dl in ((BLANK, blank), (EXAMPLE, example)) if dl]
            found.append({"name": form.name, "step": form.step, "limit": rules[form.key],
                          "links": Markup("｜").join(links)})
    return found


def by_step(site) -> dict[str, Markup]:
    """Step name → its forms as “受理告知书（空白｜示例）”, for the procedure page."""
    found: dict[str, list[Markup]] = {}
    for row in rows(site):
        found.setdefault(row["step"], []).append(md_escape(row["name"]) + Markup("（") + row["links"] + Markup("）"))
    return {step: Markup("、").join(items) for step, items in found.items()}
