"""What the site may show of people and contacts: only the fields marked public.

Every page takes people through `person()`, so a field left out of a person's
公开字段 (typically the mobile) cannot reach any page, the search index or the
change-log snapshot.
"""

from __future__ import annotations

import dataclasses

from .. import changes

# Person attribute → its name in 公开字段.
PERSON_FIELDS = {"name": "姓名", "post": "职务", "unit": "单位", "office_phone": "办公电话", "mobile": "手机"}


def person(data, person_id: str | None) -> dict:
    """A person as plain page data; a field not marked public is an empty string."""
    p = data.people.get(person_id) if person_id else None
    out = {"id": "", "name": "", "post": "", "unit": "", "office_phone": "", "mobile": "", "titled": ""}
    if p is None:
        return out
    out["id"] = p.id
    values = {"name": p.name, "post": p.post, "unit": data.units[p.unit].label,
              "office_phone": p.office_phone or "", "mobile": p.mobile or ""}
    for attr, label in PERSON_FIELDS.items():
        if label in p.public:
            out[attr] = values[attr]
    out["titled"] = titled(out["name"], out["post"])
    return out


def titled(name: str, post: str) -> str:
    """马丽华（党群工作部部长）; the post first when it has parentheses of its own, so they
    never nest (工会副主席（主持日常工作）姜淑兰); the name alone when the post is not public."""
    if not post:
        return name
    return f"{post}{name}" if any(c in post for c in "（()）") else f"{name}（{post}）"


def people(data, ids) -> list[dict]:
    return [person(data, i) for i in ids]


def names(data, ids) -> str:
    """Public names joined with 、 (a person whose name is not public is left out)."""
    return "、".join(n for n in (person(data, i)["name"] for i in ids) if n)


def contacts(data) -> list:
    return [c for c in data.contacts if c.public == "是"]


def snapshot(data) -> dict:
    """The data's facts as changes.snapshot words them, minus what the site must not show.

    Non-public person fields, non-public contacts, the risk ledger, campaign details
    and case plans (internal working papers) are left out, so the snapshot can be stored
    inside the site folder.
    """
    # The ledger and campaigns never reach the snapshot: leave them out before the walk
    # (20,000 risk entries of a large group would cost seconds), and filter below as well.
    data = dataclasses.replace(data, risks=[], campaigns=[])
    hidden_keys = {f"person/{p.id}/{attr}" for p in data.people.values()
                   for attr, label in PERSON_FIELDS.items() if label not in p.public}
    hidden_prefixes = ("risk/", "campaign/") + tuple(
        f"contact/{changes._identity(c, i)[0]}/" for i, c in enumerate(data.contacts, 1) if c.public != "是")
    return {key: value for key, value in changes.snapshot(data).items()
            if key not in hidden_keys and not key.startswith(hidden_prefixes)
            and not (key.startswith("reception/cases/") and key.endswith(("/plan", "/risk")))}
