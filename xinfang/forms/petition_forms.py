"""The petition-handling forms (信访事项办理文书): a blank set for every petition unit,
and a filled example (示例) of each for the manual's trainers.

Seven forms follow the steps of procedure.yaml's 办理流程: 来访登记表 at registration,
受理告知书 or 不予受理告知书 within the acceptance period, 延期办理告知书 when handling
is extended, 答复意见书, 复查意见书 and 复核意见书. Each prints its time limit, worded
from procedure.yaml's 法定时限 (`limit_rules`); the example also prints the date it
falls on (xinfang.forms.petition_case). Blanks carry the unit's name, liaison and
phone only; examples carry a made-up petitioner marked 示例 and never read personal data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from . import petition_case
from .common import office_full_name, person
from .declaration import Document, Form
from .narrative import GAP, date_text
from .scope import PETITION_KINDS, blank_date, petition_units

EXAMPLE = "示例"
LONG_GAP = GAP * 3


@dataclass(frozen=True)
class PetitionForm:
    key: str  # template petition_<key>.docx; context keys limit rule / due by this key
    name: str
    step: str  # the step of procedure.yaml's 办理流程 the form belongs to
    code: str  # the letter in its document number, e.g. 信受〔2026〕1号

    @property
    def template(self) -> str:
        return f"petition_{self.key}.docx"


FORMS = [
    PetitionForm("visit", "来访登记表", "登记受理", "登"),
    PetitionForm("acceptance", "受理告知书", "登记受理", "受"),
    PetitionForm("rejection", "不予受理告知书", "登记受理", "不受"),
    PetitionForm("extension", "延期办理告知书", "办理", "延"),
    PetitionForm("reply", "答复意见书", "答复", "复"),
    PetitionForm("review", "复查意见书", "复查", "复查"),
    PetitionForm("recheck", "复核意见书", "复核", "复核"),
]


# 复查 is made by the level above the unit that answered, 复核 by the level above that:
# a unit gets those blanks only when petition units lie that many levels below it.
LEVELS_BELOW = {"review": 1, "recheck": 2}


def declare(form: PetitionForm) -> Form:
    """The example under the root unit, and a blank for each petition unit that issues the form."""
    def documents(data) -> list[Document]:
        return [Document(data.root, partial(example_context, data, form), item=EXAMPLE)]

    def blank_units(data) -> list:
        return [unit for unit, forms in unit_forms(data) if form in forms]

    return Form(form.name, form.template, documents, blank_units, partial(blank_context, form=form), unit_roles=())


def unit_forms(data) -> list[tuple]:
    """Each petition unit with the forms it issues, in display order."""
    units = petition_units(data)
    levels: dict[str, int] = {}  # unit id → levels of petition units below it
    for unit in reversed(units):  # depth first: children before their parent
        below = [levels[c.id] for c in unit.children if c.id in levels]
        levels[unit.id] = 1 + max(below) if below else 0
    return [(unit, [f for f in FORMS if LEVELS_BELOW.get(f.key, 0) <= levels[unit.id]]) for unit in units]


def example_title(data, form: PetitionForm) -> str:
    return f"{data.root.label}{form.name}（{EXAMPLE}）"


def limit_rules(lim) -> dict[str, str]:
    """Each form's time limit as the procedure page words it, from procedure.yaml's 法定时限."""
    accept = f"自收到信访事项之日起{lim.accept_days}日内书面告知信访人是否受理"
    return {
        "visit": f"{accept}；多人走访的，推选代表不超过{lim.representatives}人",
        "acceptance": f"{accept}；自受理之日起{lim.handle_days}日内办结，情况复杂的，经本单位负责人批准"
                      f"可以延长，延长不超过{lim.extend_days}日",
        "rejection": accept,
        "extension": f"在受理之日起{lim.handle_days}日的办理期限届满前告知；延长不超过{lim.extend_days}日，"
                     f"并告知延期理由",
        "reply": f"自受理之日起{lim.handle_days}日内办结并书面答复（经批准延期的，不超过"
                 f"{lim.handle_days + lim.extend_days}日）；信访人自收到之日起{lim.review_request_days}日内可以请求复查",
        "review": f"自收到复查请求之日起{lim.review_days}日内提出复查意见并书面答复；"
                  f"信访人自收到之日起{lim.recheck_request_days}日内可以请求复核",
        "recheck": f"自收到复核请求之日起{lim.recheck_days}日内提出复核意见",
    }


def due_texts(d: dict[str, str]) -> dict[str, str]:
    """The date each form must go out by (or, for the register, the notice), in words."""
    return {
        "visit": f"{d['notice_due']}前书面告知是否受理",
        "acceptance": f"{d['notice_due']}前送达",
        "rejection": f"{d['notice_due']}前送达",
        "extension": f"{d['handle_due']}前送达",
        "reply": f"{d['handle_due']}前办结并送达；经批准延期的，{d['extended_due']}前",
        "review": f"{d['review_due']}前送达",
        "recheck": f"{d['recheck_due']}前送达",
    }


def _limits(data) -> dict:
    lim = data.procedure.limits
    return {"accept_days": lim.accept_days, "handle_days": lim.handle_days, "extend_days": lim.extend_days,
            "review_request_days": lim.review_request_days, "review_days": lim.review_days,
            "recheck_request_days": lim.recheck_request_days, "recheck_days": lim.recheck_days,
            "representatives": lim.representatives}


def _above(data, unit) -> str:
    """The body a petitioner asks next: the petition unit above, else the level outside."""
    parent = data.units[unit.parent] if unit.parent else None
    # The parent alone, not every petition unit: reads one unit (so the blank depends on it
    # alone), and costs the same in a group of 20,000 units as in one of 20.
    return parent.name if parent is not None and parent.kind in PETITION_KINDS else petition_case.UPPER


def _base(data, unit, form: PetitionForm, *, blank: bool) -> dict:
    # Only what the forms print: each value read ties the document to it (xinfang.tracking).
    contact = {"name": "", "phone": ""}
    if form.key != "visit":  # letters name whom the petitioner may call; the register does not
        liaison = person(data, unit.liaison, phone=True)
        contact = {"name": liaison["name"], "phone": unit.phone or liaison["office_phone"]}
    return {
        "blank": blank, "example": not blank, "form": form.name,
        "issuer": unit.name, "contact": contact,
        "lim": _limits(data), "rule": limit_rules(data.procedure.limits)[form.key],
    }


def blank_context(data, unit, form: PetitionForm) -> dict:
    dates = dict.fromkeys(("received", "notice_due", "accepted", "handle_due", "extension", "extended_due",
                           "reply", "review_requested", "review_due", "review", "recheck_requested", "recheck_due",
                           "recheck"), blank_date())
    return {
        **_base(data, unit, form, blank=True),
        "number": f"{unit.label}信{form.code}〔　　　〕　　号", "date": blank_date(),
        "p": dict.fromkeys(petition_case.PETITIONER, ""), "addressee": GAP,
        "case": {**dict.fromkeys(petition_case.CASE, GAP), "channel": "____", "category": "",
                 "request": "", "findings": LONG_GAP, "decision": LONG_GAP, "basis": LONG_GAP,
                 "review_findings": LONG_GAP, "review_decision": LONG_GAP,
                 "recheck_findings": LONG_GAP, "recheck_decision": LONG_GAP, "extend_days": "____"},
        "d": dates, "due": due_texts(dates)[form.key],
        "handler": GAP, "receiver": "", "place": "", "visitors": "", "representatives": "",
        "original": GAP, "reviewed_by": GAP,
        "next_body": _above(data, unit) if form.key in ("reply", "review") else "",
    }


def example_context(data, form: PetitionForm) -> dict:
    chain = petition_case.chain(data)
    issuer = {"review": chain.reviewer, "recheck": chain.rechecker}.get(form.key, chain.handler) or data.root
    d = {key: date_text(day) for key, day in petition_case.dates(data).items()}
    lim = data.procedure.limits
    names = [u.name if u else petition_case.UPPER for u in (chain.handler, chain.reviewer, chain.rechecker)]
    liaison = person(data, chain.handler.liaison)["name"]
    return {
        **_base(data, issuer, form, blank=False),
        "number": f"{issuer.label}信{form.code}〔{data.enterprise.year}〕1号",
        "date": d[{"visit": "received", "acceptance": "accepted", "rejection": "accepted",
                   "extension": "extension"}.get(form.key, form.key)],
        "p": dict(petition_case.PETITIONER), "addressee": petition_case.PETITIONER["name"],
        "case": {**petition_case.CASE, "extend_days": lim.extend_days},
        "d": d, "due": due_texts(d)[form.key],
        "handler": office_full_name(data) if chain.handler.id == data.root.id else chain.handler.name,
        "receiver": liaison, "place": f"{chain.handler.name}信访接待室", "visitors": "1人", "representatives": "—",
        "original": names[0], "reviewed_by": names[1],
        "next_body": names[2] if form.key == "review" else names[1],
    }


DECLARATION = tuple(declare(form) for form in FORMS)
