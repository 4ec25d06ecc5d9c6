"""The leader reception schedule shown on the site.

The printed 领导接访安排表 computes it (xinfang.forms.reception_schedule); the
site shows the very same rows, so the two never disagree.
"""

from __future__ import annotations

from ..forms import reception_schedule as form

KEYS = ("date", "weekday", "time", "leader", "mode", "place", "notice", "note")


def sessions(data) -> tuple[str, list[dict]]:
    """(the period covered, in words; one row per reception session)."""
    first, last = form.schedule_months(data)
    return form.period_text(first, last), [{k: row[k] for k in KEYS} for row in form.sessions(data)]
