"""Golden text dumps of the example's documents: which ones, and `make golden` to rewrite them.

Every form's company-wide filled version, one unit's filled versions and that
unit's blanks. Confidential documents (涉密文档) are never dumped here.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent
GOLDEN = TESTS / "golden"
ROOT, UNIT = "北辰能源", "一矿"
# Folders whose documents (directly inside, not below) have a golden dump.
FOLDERS = (f"文档/{ROOT}", f"文档/{ROOT}/{UNIT}", f"空白模板/{ROOT}/{UNIT}", f"报送表/{ROOT}/{UNIT}")
# Documents made per record, in another unit's folder: one example of each.
SINGLE = (f"文档/{ROOT}/退管中心/退管中心-积案挂牌督办单-ba-2026-02.docx",
          f"文档/{ROOT}/退管中心/退管中心-一案一策化解方案-ba-2026-02.docx",
          f"文档/{ROOT}/退管中心/退管中心-退休人员社会化移交台账-2026年11月.docx",
          f"空白模板/{ROOT}/{ROOT}-困难退休人员帮扶档案卡.docx")


def selected(built: Path) -> list[str]:
    """The documents of a build that have a golden dump, as paths relative to it."""
    found = {p.relative_to(built).as_posix() for folder in FOLDERS for pattern in ("*.docx", "*.xlsx")
             for p in (built / folder).glob(pattern)}
    return sorted(found | {path for path in SINGLE if (built / path).exists()})


def golden_path(document: str) -> Path:
    """…/x.docx → …/x.txt; a workbook keeps its suffix (…/x.xlsx.txt), as the company
    ledger exists as both."""
    return GOLDEN / (document.removesuffix(".docx") + ".txt")


def dump_text(path: Path) -> str:
    """A document's text dump: DOCX and XLSX alike."""
    from xinfang.docx import textdump
    from xinfang.returns import textdump as xlsxdump
    return (xlsxdump if path.suffix == ".xlsx" else textdump).text(path)


def write_all(built: Path) -> list[Path]:
    """Rewrite every golden dump from a build of the example data; remove dumps of documents gone."""
    written = []
    for document in selected(built):
        target = golden_path(document)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dump_text(built / document), "utf-8")
        written.append(target)
    for stale in set(GOLDEN.rglob("*.txt")) - set(written):
        stale.unlink()
    return written


def main() -> int:
    sys.path.insert(0, str(TESTS))
    from conftest import DATA, QuietReporter
    from xinfang import loader
    from xinfang.build import build_documents

    with tempfile.TemporaryDirectory(prefix="xinfang-golden-") as temp:
        build_documents(loader.load(DATA), ["forms", "blanks"], Path(temp), QuietReporter())
        written = write_all(Path(temp))
    print(f"已重写 {len(written)} 个文本快照：{GOLDEN}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
