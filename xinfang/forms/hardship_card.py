"""困难退休人员帮扶档案卡 (confidential): one card per retiree followed up, from confidential/hardship.yaml.

Filled cards go to 涉密文档/, in the folder of the retiree's former unit. The blank
is an empty card (never a value of the confidential file), for the root and the
units that hand retirees over to communities (forms.partner_units).
"""

from __future__ import annotations

from functools import partial

from .declaration import Document, Form
from .narrative import date_text, who
from .partner_units import handover_units
from .scope import blank_date

FORM = "困难退休人员帮扶档案卡"
TEMPLATE = "hardship_card.docx"
CARD_KEYS = ("id", "name", "id_number", "mobile", "address", "unit", "community", "retired", "hardship",
             "family", "helper", "measures", "opened")
BLANK_RECORDS = 8


def documents(data) -> list[Document]:
    return [Document(data.units[h.unit], partial(context, data, h.id), item=h.id)
            for h in sorted(data.hardship, key=lambda h: h.id)]


def context(data, case_id: str) -> dict:
    h = next(h for h in data.hardship if h.id == case_id)
    communities = {c.id: c.name for c in data.partners.communities}
    records = [{"date": date_text(r.date), "note": r.note, "amount": f"{r.amount:g}" if r.amount else ""}
               for r in h.records]
    total = sum(r.amount or 0 for r in h.records)
    return {
        "blank": False, "card": {"id": h.id, "name": h.name, "id_number": h.id_number or "", "mobile": h.mobile or "",
                 "address": h.address or "", "unit": data.units[h.unit].name,
                 "community": communities.get(h.community, "") if h.community else "未移交",
                 "retired": date_text(h.retired), "hardship": h.hardship, "family": h.family,
                 "helper": who(data, h.helper),
                 "measures": "\n".join(f"{i}.{m}" for i, m in enumerate(h.measures, 1)),
                 "opened": date_text(h.opened)},
        "records": records, "total": f"{total:g}" if total else "0",
    }


def blank_context(data, unit) -> dict:
    return {
        "blank": True, "card": {**{k: "" for k in CARD_KEYS}, "unit": unit.name, "opened": blank_date()},
        "records": [{"date": "", "note": "", "amount": ""} for _ in range(BLANK_RECORDS)], "total": "",
    }


DECLARATION = Form(FORM, TEMPLATE, documents, handover_units, blank_context, confidential=True)
