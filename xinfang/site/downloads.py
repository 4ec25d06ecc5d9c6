"""The files the site offers for download: documents xinfang.build made in the output folder.

The forms package decides which blanks exist (`xinfang.forms.blank_jobs`); this module
only finds each one's file where `build_documents` put it (the output folder's
空白模板/, with each unit's zip of them; the return workbooks and the examples under
文档/) and files it under its unit, so a new form appears on the site without any change
here, and the site renders nothing itself. Blank jobs never carry confidential data
(`blank_jobs` asserts it); the other downloads are chosen one by one below, never from
涉密文档/.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .. import forms
from ..errors import XinfangError
from ..forms.common import office_full_name, unit_folder
from ..forms.declaration import declared_jobs

SECTIONS = ("forms", "blanks")  # the output sections (xinfang.build.SECTIONS) the downloads come from
MISSING_SHOWN = 5  # missing files named in the error


@dataclass
class Download:
    unit: str  # unit id; "" for the filled examples of the standard forms (xinfang.site.filled_forms)
    title: str
    uri: str  # site path, e.g. downloads/yi-kuang/一矿-信访隐患排查台账.docx
    source: Path  # its file in the output folder (build/)

    @property
    def href(self) -> str:
        return quote(self.uri)

    @property
    def name(self) -> str:
        return posixpath.basename(self.uri)

    @property
    def size_kb(self) -> int:
        return max(1, round(self.source.stat().st_size / 1024))


@dataclass
class FilledChoice:
    """The filled examples chosen (xinfang.site.filled_forms), for the downloads page."""

    titles: list[str] = field(default_factory=list)  # in the forms' order
    left_out: list[str] = field(default_factory=list)  # forms with no example the site may show


def collect(data, out_dir: Path) -> tuple[list[Download], FilledChoice]:
    """Every blank template and each unit's zip of them, each unit's return workbook and the
    examples, keyed to their unit, with the filled examples chosen; each download's source is
    its file in `out_dir`. XinfangError when a file is missing (the documents were not built)."""
    from ..forms import blank_bundle
    out_dir = Path(out_dir)
    jobs = forms.blank_jobs(data)
    if not jobs:
        return [], FilledChoice()
    by_folder = {unit_folder(data, u): u.id for u in data.units.values()}
    found: list[Download] = []
    for job in jobs:
        unit = by_folder.get(_unit_folder_of(job.path), data.root.id)
        found.append(Download(unit, job.title, f"downloads/{unit}/{posixpath.basename(job.path)}", out_dir / job.path))
    for path in blank_bundle.groups(jobs):  # each unit's blanks as one zip, as build_documents packs them
        unit = data.units[by_folder.get(_unit_folder_of(path), data.root.id)]
        found.append(Download(unit.id, f"{unit.label}全部空白模板（压缩包）",
                              f"downloads/{unit.id}/{posixpath.basename(path)}", out_dir / path))
    found += _returns(data, by_folder, out_dir)
    found += _examples(data, out_dir)
    filled, choice = _filled(data, out_dir)
    found += filled
    _check_present(found, out_dir)
    return sorted(found, key=lambda d: d.uri), choice


def _returns(data, by_folder: dict[str, str], out_dir: Path) -> list[Download]:
    """Each ledger-keeping unit's return workbook, offered with the unit's blanks (never in their zip)."""
    from ..forms import return_workbook
    out, office = [], office_full_name(data)
    for job in declared_jobs(return_workbook.DECLARATION, data, False):
        unit = by_folder.get(_unit_folder_of(job.path), data.root.id)
        out.append(Download(unit, f"{job.title}（Excel，填好后报送{office}）",
                            f"downloads/{unit}/{posixpath.basename(job.path)}", out_dir / job.path))
    return out


def _examples(data, out_dir: Path) -> list[Download]:
    """The filled examples (示例) of the petition-handling forms, offered with the company's
    blanks (never in its zip). They hold a made-up petitioner only (xinfang.forms.petition_case)."""
    from ..forms import petition_forms
    return [Download(data.root.id, job.title, f"downloads/{data.root.id}/{posixpath.basename(job.path)}",
                     out_dir / job.path) for job in declared_jobs(petition_forms.DECLARATION, data, False)]


def _filled(data, out_dir: Path) -> tuple[list[Download], FilledChoice]:
    """One filled example of each standard form the site may show (xinfang.site.filled_forms)."""
    from . import filled_forms
    chosen, left_out = filled_forms.choose(data)
    found = [Download(filled_forms.UNIT, filled_forms.title(job), f"{filled_forms.FOLDER}/{filled_forms.file_name(job)}",
                      out_dir / job.path) for _, job in chosen]
    return found, FilledChoice([dl.title for dl in found], left_out)


def _unit_folder_of(path: str) -> str:
    """The unit folder a file lies in, without the top folder (空白模板/, 文档/, 报送表/)."""
    return posixpath.dirname(path).split("/", 1)[-1]


def _check_present(found: list[Download], out_dir: Path) -> None:
    missing = sorted(dl.source.relative_to(out_dir).as_posix() for dl in found if not dl.source.is_file())
    if missing:
        more = f"等 {len(missing)} 个" if len(missing) > MISSING_SHOWN else ""
        raise XinfangError(f"网站提供下载的文件在输出目录 {out_dir} 中不存在：{'、'.join(missing[:MISSING_SHOWN])}{more}。"
                           "请先运行 generate.py site（它先生成网站所需的文档），或 generate.py forms blanks。")
