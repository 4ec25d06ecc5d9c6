"""The site's downloads are the files build_documents made in the output folder, rendered once:
every file under site/downloads/ is one public file of build/, byte for byte, and no other."""

from __future__ import annotations

import hashlib
import posixpath
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from conftest import QuietReporter, copy_data, run_cli
from golden import dump_text
from xinfang import commands, forms
from xinfang.forms.common import BLANK_DIR, CONFIDENTIAL_DIR, FILLED_DIR
from xinfang.outputs import STAGING
from xinfang.render import Renderer
from xinfang.site import filled_forms

RETURNS_DIR = "报送表"


def _files(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def public_sets(built: Path) -> dict[str, set[str]]:
    """The files of build/ the site should offer, by kind (paths relative to build/).

    Read from the folder itself, not from the site's code: every blank and each unit's zip
    of them; each unit's return workbook (not the office's zip of all of them); the
    petition-handling forms' examples (示例); one filled example per form, found by name."""
    files = _files(built)
    sets = {
        "blanks": {p for p in files if p.startswith(f"{BLANK_DIR}/")},
        "return_workbooks": {p for p in files if p.startswith(f"{RETURNS_DIR}/") and p.endswith(".xlsx")},
        "petition_examples": {p for p in files if p.startswith(f"{FILLED_DIR}/") and p.endswith("-示例.docx")},
    }
    return sets


def _source_of(rel: str, built: Path, offered: dict[str, set[str]]) -> str:
    """The build/ file a site download came from: the one file of its kind with its name."""
    name = posixpath.basename(rel)
    if rel.startswith(filled_forms.FOLDER + "/"):
        stem, ext = posixpath.splitext(name)
        assert stem.endswith(f"-{filled_forms.LABEL}"), rel
        wanted = stem.removesuffix(f"-{filled_forms.LABEL}") + ext
        found = [p for p in _files(built / FILLED_DIR) if posixpath.basename(p) == wanted]
        assert len(found) == 1, (rel, found)
        return f"{FILLED_DIR}/{found[0]}"
    found = [p for paths in offered.values() for p in paths if posixpath.basename(p) == name]
    assert len(found) == 1, (rel, found)
    return found[0]


def test_site_downloads_are_exactly_the_public_files_of_build(site, built, example):
    downloads = _files(site / "downloads")
    offered = public_sets(built)
    sources = {rel: _source_of(f"downloads/{rel}", built, offered) for rel in downloads}
    for rel, source in sources.items():
        assert downloads[rel].read_bytes() == (built / source).read_bytes(), rel
    used = set(sources.values())
    filled = {s for rel, s in sources.items() if rel.startswith("examples/")}
    # Exactly the intended sets: all of each, nothing else, one filled example per form shown.
    for kind, paths in offered.items():
        assert paths and paths <= used, f"{kind} not all offered: {sorted(paths - used)[:5]}"
    assert used == set().union(*offered.values()) | filled
    assert len(filled) == len(filled_forms.choose(example)[0]) >= 10
    assert all(not s.startswith(f"{CONFIDENTIAL_DIR}/") for s in used)
    # Nor the bytes of a confidential document under any name.
    secret = {_digest(p) for p in (built / CONFIDENTIAL_DIR).rglob("*") if p.is_file()}
    assert secret and not secret & {_digest(p) for p in downloads.values()}
    # The blanks the forms package lists, one each, plus one zip per unit folder.
    blank_jobs = forms.blank_jobs(example)
    assert {j.path for j in blank_jobs} == {p for p in offered["blanks"] if p.endswith(".docx")}


def test_site_downloads_open_with_their_content(site, example):
    root = example.root
    ledger = dump_text(site / "downloads" / root.id / f"{root.label}-信访隐患排查台账.docx")
    assert "信访隐患排查台账" in ledger and root.label in ledger
    workbooks = sorted((site / "downloads").rglob("*.xlsx"))
    assert workbooks
    book = openpyxl.load_workbook(workbooks[0], read_only=True)
    cells = [str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row if c is not None]
    assert any("报送" in c for c in cells) and any("隐患编号" in c or "编号" in c for c in cells)
    filled = sorted((site / filled_forms.FOLDER).glob("*信访隐患排查台账*.docx"))
    assert len(filled) == 1
    text = dump_text(filled[0])
    open_entries = [r.id for r in example.risks if r.state != "已销号"]
    assert any(rid in text for rid in open_entries)  # filled from the data, not a blank


@pytest.mark.slow  # builds a site (or runs many CLI commands) of its own
def test_all_renders_each_document_once(tmp_path, monkeypatch):
    """`generate.py all` on fresh folders renders every document and blank exactly once (the
    site renders nothing), and a second `all` renders none."""
    data = copy_data(tmp_path)
    out, site = tmp_path / "build", tmp_path / "site"
    rendered: Counter = Counter()
    real = Renderer.stage

    def counting(self, template, context, title, target, kept):
        section_root = out / STAGING / target.relative_to(out / STAGING).parts[0]
        rendered[target.relative_to(section_root).as_posix()] += 1
        return real(self, template, context, title, target, kept)

    monkeypatch.setattr(Renderer, "stage", counting)
    monkeypatch.setattr("os.cpu_count", lambda: 1)  # every render in this process, where it is counted
    commands.run("all", data_dir=data, out_dir=out, site_dir=site, reporter=QuietReporter())
    from xinfang import loader
    loaded = loader.load(data)
    jobs = {j.path for j in forms.form_jobs(loaded)} | {j.path for j in forms.blank_jobs(loaded)}
    assert set(rendered) == jobs
    assert [p for p, n in rendered.items() if n != 1] == []
    assert sum(p.startswith(f"{BLANK_DIR}/") for p in rendered) == len(forms.blank_jobs(loaded)) > 100
    rendered.clear()
    summary = commands.run("all", data_dir=data, out_dir=out, site_dir=site, reporter=QuietReporter())
    assert rendered == Counter()
    assert "网站文件新增 0 个、修改 0 个" in summary


@pytest.mark.slow
def test_site_command_on_fresh_folders_makes_the_documents_it_offers(tmp_path):
    data = copy_data(tmp_path)
    out, site = tmp_path / "build", tmp_path / "site"
    proc = run_cli("site", "--quiet", "--data", str(data), "--out", str(out), "--site-dir", str(site))
    assert proc.returncode == 0, proc.stderr
    offered = public_sets(out)
    assert all(offered.values())
    for rel, path in _files(site / "downloads").items():
        assert path.read_bytes() == (out / _source_of(f"downloads/{rel}", out, offered)).read_bytes(), rel
    # The two summaries count the same blanks and zips.
    docs, site_line = proc.stdout.splitlines()[1:3]
    blanks = docs.split("空白模板 ", 1)[1].split(" 份", 1)[0]
    zips = docs.split("空白模板压缩包：新建 ", 1)[1].split(" 个", 1)[0]
    assert f"空白模板 {blanks} 份" in site_line and f"空白模板压缩包 {zips} 个" in site_line


def test_sync_links_where_it_can_and_copies_where_it_cannot(tmp_path, monkeypatch):
    from xinfang.site import sync
    source = tmp_path / "build" / "a.docx"
    source.parent.mkdir()
    source.write_bytes(b"blank")
    sync.sync({"downloads/a.docx": source}, tmp_path / "site")
    linked = tmp_path / "site" / "downloads" / "a.docx"
    assert linked.read_bytes() == b"blank" and linked.stat().st_ino == source.stat().st_ino

    def no_links(src, dst):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr("os.link", no_links)
    result = sync.sync({"downloads/a.docx": source}, tmp_path / "copied")
    copied = tmp_path / "copied" / "downloads" / "a.docx"
    assert result.new == ["downloads/a.docx"]
    assert copied.read_bytes() == b"blank" and copied.stat().st_ino != source.stat().st_ino
    # A rebuilt document is a new file in build/: the site's copy follows it, the old bytes are not touched.
    source.unlink()
    source.write_bytes(b"blank, new header")
    monkeypatch.undo()
    result = sync.sync({"downloads/a.docx": source}, tmp_path / "site")
    assert result.changed == ["downloads/a.docx"] and linked.read_bytes() == b"blank, new header"
