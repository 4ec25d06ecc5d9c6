"""Which units deal with partner communities (partners.yaml), for the documents about them.

A unit pairs with a community (对接单位) or hands retirees over to one (移交单位);
the joint-meeting minutes, the transfer ledger and the hardship cards go to the
root and to those units only, filled and blank alike. The units are returned as
the caller's view of them, so that a document's context tracks what it shows of them.
"""

from __future__ import annotations

from ..tracking import plain


def paired_units(data) -> list:
    """The root, then every unit named as a community's 对接单位, in display order."""
    named = {c.unit for c in plain(data).partners.communities}
    return [u for u in data.descendants(data.root) if u.id == data.root.id or u.id in named]


def handover_units(data) -> list:
    """The root, then every unit named as a 移交单位, in display order."""
    named = {t.unit for c in plain(data).partners.communities for t in c.transfers}
    return [u for u in data.descendants(data.root) if u.id == data.root.id or u.id in named]
