"""退休人员社会化移交台账: per receiving community, what each unit handed over and what is still open.

From partners.yaml's 联建社区 → 社会化移交: the agreement, retirees and party members
transferred, archives handed over, open issues. Company-wide, and for each unit that
hands retirees over (its own transfers); blanks for the same units.
"""

from __future__ import annotations

from functools import partial

from .common import period_month
from .declaration import Document, Form
from .narrative import date_text
from .partner_units import handover_units
from .scope import ALERT_FILL, NO_FILL, blank_date, empty_rows

FORM = "退休人员社会化移交台账"
TEMPLATE = "transfer_ledger.docx"
ROW_KEYS = ("no", "community", "district", "unit", "agreement", "signed", "retirees", "party", "archives",
            "archive_rate", "issues")


def documents(data) -> list[Document]:
    if not any(c.transfers for c in data.partners.communities):
        return []
    return [Document(unit, partial(context, data, unit), period_month(data)) for unit in handover_units(data)]


def percent(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def context(data, unit) -> dict:
    under = {u.id for u in data.descendants(unit)}
    rows, communities = [], set()
    for community in data.partners.communities:
        for t in community.transfers:
            if t.unit not in under:
                continue
            communities.add(community.id)
            rows.append({
                "no": len(rows) + 1, "community": community.name, "district": community.district,
                "unit": data.units[t.unit].label, "agreement": t.agreement,
                "signed": date_text(t.signed) or "未签订", "signed_bg": NO_FILL if t.signed else ALERT_FILL,
                "retirees": t.retirees, "party": t.party_members, "archives": t.archives,
                "archive_rate": percent(t.archives, t.retirees),
                "issues": "\n".join(f"{i}.{text}" for i, text in enumerate(t.issues, 1)) if t.issues else "无",
                "open": len(t.issues),
            })
    total = {k: sum(r[k] for r in rows) for k in ("retirees", "party", "archives", "open")}
    total["archive_rate"] = percent(total["archives"], total["retirees"])
    unsigned = sum(r["signed"] == "未签订" for r in rows)
    summary = (f"共向{len(communities)}个社区（街道）移交退休人员{total['retirees']}人，其中转接组织关系的党员"
               f"{total['party']}人；人事档案已移交{total['archives']}份，占{total['archive_rate']}；"
               + (f"尚有{unsigned}项移交协议未签订；" if unsigned else "移交协议均已签订；")
               + (f"遗留问题{total['open']}项。" if total["open"] else "没有遗留问题。"))
    return {"blank": False, "date": date_text(data.today), "rows": rows, "total": total,
            "summary": summary}


def blank_context(data, unit) -> dict:
    return {"blank": True, "date": blank_date(), "rows": empty_rows(ROW_KEYS, signed_bg=NO_FILL),
            "total": {"retirees": "", "party": "", "archives": "", "archive_rate": "", "open": ""}, "summary": ""}


DECLARATION = Form(FORM, TEMPLATE, documents, handover_units, blank_context)
