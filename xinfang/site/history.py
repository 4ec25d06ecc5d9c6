"""The change log: the previous build's public snapshot, compared with this one.

The snapshot lives in a hidden file inside the site folder (MkDocs keeps hidden
files when it cleans the folder). It holds only what the site itself shows
(public.snapshot), so storing it there discloses nothing new.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import changes
from ..jinja import cn_date
from . import public

FILE = ".xinfang-site.json"
KEEP = 30  # change sets kept on the change-log page


def read(site_dir: Path) -> dict:
    try:
        state = json.loads((Path(site_dir) / FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def advance(previous: dict, data) -> tuple[dict, int]:
    """The new state (this build's snapshot, plus a history entry when anything changed)
    and how many changes this build found."""
    snap = public.snapshot(data)
    history = list(previous.get("history", []))
    old = previous.get("snapshot")
    found = []
    if old is None:
        entry = {"data_date": cn_date(data.today), "first": True, "changes": []}
        history = [entry]
    else:
        found = [str(c) for c in changes.diff(old, snap, changes.namer(data))]
        if found:
            history.insert(0, {"data_date": cn_date(data.today), "first": False, "changes": found})
    return {"snapshot": snap, "history": history[:KEEP]}, len(found)


def write(site_dir: Path, state: dict) -> None:
    path = Path(site_dir) / FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    # Streamed: at 20,000 units the file has 87 MB, and as one string it briefly took 0.3 GB.
    with path.open("w", encoding="utf-8") as out:
        json.dump(state, out, ensure_ascii=False, indent=0, sort_keys=True)
