"""Edit YAML files as text at known positions, leaving every other byte as it was.

The loader knows where each value sits (line and column); replacing a scalar
there, removing a list item, or inserting lines keeps comments, blank lines,
quoting and layout untouched, which a YAML round trip would not promise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BOM = "\ufeff"
_ANCHOR = re.compile(r"&[^\s,\[\]{}]+\s+")


class EditConflict(Exception):
    """Raised when the text at an edit's position is not what the edit expects (the file changed)."""


@dataclass(frozen=True)
class Edit:
    """One change at a 1-based line and column: replace the scalar `old`, remove it, or insert lines."""

    line: int
    col: int
    old: str = ""
    new: str = ""
    action: str = "replace"  # "replace", "remove" (a list item) or "insert" (new lines after `line`)
    lines: tuple[str, ...] = ()


def apply(text: str, edits: list[Edit]) -> str:
    """`text` with every edit made; edits are applied bottom-up so positions stay valid."""
    bom = text.startswith(BOM)
    body = text[1:] if bom else text
    lines = body.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    for edit in sorted(edits, key=lambda e: (e.line, e.col, e.action != "insert"), reverse=True):
        if edit.action == "insert":
            if edit.line and not lines[edit.line - 1].endswith(("\n", "\r")):
                lines[edit.line - 1] += newline
            lines[edit.line:edit.line] = [f"{line}{newline}" for line in edit.lines]
            continue
        index = edit.line - 1
        if index >= len(lines):
            raise EditConflict(f"{edit.line}")
        lines[index:index + 1] = _edit_line(lines[index], edit)
    return (BOM if bom else "") + "".join(lines)


def _token(line: str, start: int, value: str) -> tuple[int, str, str]:
    """Where the scalar at `start` begins (past an anchor "&name "), as written (plain or quoted),
    and its quote character."""
    anchor = _ANCHOR.match(line, start)
    if anchor:
        start = anchor.end()
    for quote in ("", '"', "'"):
        written = f"{quote}{value}{quote}"
        if line.startswith(written, start):
            end = start + len(written)
            if quote or end == len(line) or line[end] in " \t\r\n,]}#":
                return start, written, quote
    raise EditConflict(f"“{value}”")


def _edit_line(line: str, edit: Edit) -> list[str]:
    start, written, quote = _token(line, edit.col - 1, edit.old)
    end = start + len(written)
    if edit.action == "replace":
        after = line[end:]
        aligned = re.match(r"( +)#", after)
        if aligned:  # keep a trailing comment in its column where there is room
            spaces = max(1, len(aligned.group(1)) + len(written) - len(edit.new) - 2 * len(quote))
            after = " " * spaces + after[len(aligned.group(1)):]
        return [line[:start] + f"{quote}{edit.new}{quote}" + after]
    before, after = line[:start], line[end:]
    if re.fullmatch(r"\s*-\s*", before) and re.fullmatch(r"\s*(#.*)?\r?\n?", after):
        return []  # a block list item on its own line
    following = re.match(r"\s*,\s*", after)
    if following:
        return [before + after[following.end():]]
    preceding = re.search(r",\s*$", before)
    if preceding:
        return [before[:preceding.start()] + after]
    return [before + after]  # the only item of a flow list: "[x]" becomes "[]"
