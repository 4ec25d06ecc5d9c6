"""The project's exceptions and the located problems that validation collects."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Pos(NamedTuple):
    """A place in a source file; line and column count from 1.

    A tuple, not a dataclass: a large enterprise has a million of them, and
    tuples pickle (parse cache) several times faster.
    """

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col}"
        return self.file


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning) in the data, with where it is."""

    pos: Pos
    path: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.pos}  "
        field = f"{self.path}: " if self.path else ""
        return f"{where}{field}{self.message}"

    def sort_key(self) -> tuple:
        return (self.pos.file, self.pos.line, self.pos.col, self.path, self.message)


class XinfangError(Exception):
    """Base of every error the CLI reports without a traceback (exit status 2)."""


class DataError(XinfangError):
    """Raised when the data has problems; carries all of them, found in one pass."""

    subject = "数据"  # what had the errors, and what the CLI says was left alone
    outcome = "未生成任何文件（原有输出保持不变）。"

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))


class TemplateError(XinfangError):
    """Raised when a template is malformed or refers to data that does not exist."""


class BuildLockedError(XinfangError):
    """Raised when another build holds the lock on the output folder."""
