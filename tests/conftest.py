"""Shared fixtures and helpers: the example data, loaded once; its documents and site, built once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
sys.path.insert(0, str(REPO))

from xinfang import loader  # noqa: E402
from xinfang.build import build_documents  # noqa: E402
from xinfang.site.build import build_site  # noqa: E402
from xinfang.site.downloads import SECTIONS as SITE_SECTIONS  # noqa: E402


class QuietReporter:
    def step(self, message):
        pass

    def warn(self, message):
        pass

    def elapsed(self):
        return 0.0


@pytest.fixture(scope="session")
def example():
    """The shipped example data, validated."""
    return loader.load(DATA)


@pytest.fixture(scope="session")
def built(tmp_path_factory, example):
    """The example's filled forms and blanks, built once into a temporary folder."""
    out = tmp_path_factory.mktemp("build")
    build_documents(example, ["forms", "blanks"], out, QuietReporter())
    return out


@pytest.fixture(scope="session")
def key_person_secrets(example) -> set[str]:
    """Every personal value of the example's key persons: none may leave a confidential document."""
    values = {v for k in example.key_persons for v in (k.name, k.id_number, k.address, k.mobile, k.demand, k.status)
              if v}
    assert len(values) >= 5 * len(example.key_persons) > 0  # a test against nothing would pass
    return values


@pytest.fixture()
def first_build(built, tmp_path):
    """Editable data and a copy of its first build (forms and blanks)."""
    return fresh_copy(built, tmp_path)


@pytest.fixture(scope="session")
def site(tmp_path_factory, built, example):
    """The example's site, built once with build_site from the `built` documents, as `generate.py site` does."""
    site_dir = tmp_path_factory.mktemp("site") / "site"
    summary = build_site(DATA, site_dir, built, data=example)
    assert "操作手册网站" in summary
    return site_dir


def make_site(data_dir: Path, site_dir: Path, out_dir: Path | None = None) -> str:
    """What `generate.py site` does: bring the site's documents up to date in `out_dir`
    (default: build/ next to the site), then build the site from them; its summary."""
    out_dir = out_dir or Path(site_dir).parent / "build"
    data = loader.load(data_dir)
    build_documents(data, list(SITE_SECTIONS), out_dir, QuietReporter())
    return build_site(data_dir, site_dir, out_dir, data=data)


def copy_data(tmp_path: Path) -> Path:
    """A private, editable copy of the example data."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def fresh_copy(built: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A private, editable copy of the example data and of its build (the `built` fixture)."""
    out = tmp_path / "build"
    shutil.copytree(built, out)
    return copy_data(tmp_path), out


def user_documents(folder: Path) -> list[Path]:
    """The documents a user sees: not the half-made ones a killed build left in .staging, nor the archive."""
    return sorted(p for p in folder.rglob("*.docx")
                  if not any(part.startswith(".") or part == "归档" for part in p.relative_to(folder).parts))


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in a data file (a patch matching nothing would test nothing)."""
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {path}"
    path.write_text(text.replace(old, new), "utf-8")


def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    """Run generate.py as a user would; returns the finished process."""
    return subprocess.run([sys.executable, str(REPO / "generate.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600)
