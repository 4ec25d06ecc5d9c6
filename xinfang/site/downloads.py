"""The blank templates offered for download, rendered in memory for the site.

The forms package decides which blanks exist (`xinfang.forms.blank_jobs`); this
module only renders them and files each under its unit, so a new form appears
on the site without any change here. Blank jobs never carry confidential data
(`blank_jobs` asserts it).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote

from .. import forms
from ..build import renderer_for
from ..forms.common import unit_folder
from ..render import render_all


@dataclass
class Download:
    unit: str  # unit id
    title: str
    uri: str  # site path, e.g. downloads/yi-kuang/一矿-信访隐患排查台账.docx
    content: bytes

    @property
    def href(self) -> str:
        return quote(self.uri)

    @property
    def name(self) -> str:
        return posixpath.basename(self.uri)

    @property
    def size_kb(self) -> int:
        return max(1, round(len(self.content) / 1024))


def collect(data) -> list[Download]:
    """Every blank template, rendered, keyed to the unit whose folder it sits in."""
    jobs = forms.blank_jobs(data)
    if not jobs:
        return []
    by_folder = {unit_folder(data, u): u.id for u in data.units.values()}
    titles = {job.path: job for job in jobs}
    out = []
    for path, content in render_all(renderer_for(data), jobs):
        job = titles[path]
        folder = posixpath.dirname(path).split("/", 1)[-1]  # drop the 空白模板/ top folder
        unit = by_folder.get(folder, data.root.id)
        out.append(Download(unit, job.title, f"downloads/{unit}/{posixpath.basename(path)}", content))
    return sorted(out, key=lambda d: d.uri)


def bundles(data, downloads: list[Download]) -> list[Download]:
    """Each unit's blanks as one zip, when the forms package offers `blank_bundle`."""
    bundle = getattr(forms, "blank_bundle", None)
    if bundle is None:
        return []
    out = []
    for unit_id in sorted({d.unit for d in downloads}):
        unit = data.units[unit_id]
        content = bundle(data, unit)
        if content:
            out.append(Download(unit_id, f"{unit.label}全部空白模板", f"downloads/{unit_id}/{unit.label}-空白模板.zip",
                                content))
    return out
