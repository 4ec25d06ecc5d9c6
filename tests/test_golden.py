"""Every selected document of the example reads exactly as its golden text dump (`make golden` rewrites them)."""

from __future__ import annotations

import difflib

import pytest

from golden import GOLDEN, dump_text, golden_path, selected


def test_the_golden_set_matches_the_documents(built):
    documents = selected(built)
    assert len(documents) >= 20
    assert not any(d.startswith("涉密文档/") for d in documents)
    assert {golden_path(d) for d in documents} == set(GOLDEN.rglob("*.txt")), "run `make golden`"


def test_documents_read_as_their_golden_dumps(built):
    failures = []
    for document in selected(built):
        expected_file = golden_path(document)
        expected = expected_file.read_text("utf-8") if expected_file.exists() else ""
        actual = dump_text(built / document)
        if actual != expected:
            failures.append("".join(difflib.unified_diff(
                expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                f"golden/{expected_file.relative_to(GOLDEN)}", f"build/{document}")))
    if failures:
        pytest.fail("文档文字与快照不同（有意的改动请运行 make golden）：\n" + "\n".join(failures), pytrace=False)
