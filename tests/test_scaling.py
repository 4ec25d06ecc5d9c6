"""A unit's documents read what concerns the unit, not the whole group.

A context that scans every unit or every assignment for each unit makes a national group
quadratic (20,000 units' responsibility tables took over 20 minutes that way). Counted in
data keys read, which the tracking view records: the same unit's documents, and every
blank, must read about as much in a group four times larger.
"""

from __future__ import annotations

import collections
import sys

import pytest

from conftest import REPO
from xinfang import loader, tracking
from xinfang.forms import jobs_for

sys.path.insert(0, str(REPO / "bench"))
import synthetic  # noqa: E402

LEAF = "1分1工区"  # a grassroots unit of every synthetic group
GROWTH = 1.5  # at most this many times the keys when the group is four times larger


def most_reads(tmp_path, units: int) -> dict[tuple[str, str], int]:
    """(section, template) → the most keys a blank, or a document of LEAF, reads."""
    folder = tmp_path / str(units)
    synthetic.generate(units, folder)
    most: dict[tuple[str, str], int] = collections.Counter()
    with tracking.Tracked(loader.load(folder)) as view:
        for section in ("forms", "blanks"):
            for job in jobs_for(section, view):
                if section == "blanks" or job.path.rsplit("/", 1)[-1].startswith(f"{LEAF}-"):
                    job.context
                    most[(section, job.template)] = max(most[(section, job.template)], len(job.reads))
                    job.release()
    return most


@pytest.mark.slow
def test_a_units_documents_read_about_as_much_in_a_group_four_times_larger(tmp_path):
    small, large = most_reads(tmp_path, 60), most_reads(tmp_path, 240)
    assert small.keys() == large.keys() and len([k for k in small if k[0] == "forms"]) >= 5
    grown = {key: (small[key], large[key]) for key in small if large[key] > GROWTH * small[key]}
    assert not grown, f"keys read grow with the group (60 units, 240 units): {grown}"
