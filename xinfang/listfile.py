"""Validate a large list file item by item, reusing every item that did not change.

The people.yaml of a provincial group holds ten thousand people, and parsing it
whole takes a second; a weekly edit touches one of them. A list file is one
top-level key holding a block list ("人员:" then "- 编号: …" items). Split at
its items' "- " lines, each item is parsed and validated on its own and kept
under its text, first line and index, so after an edit only the edited item
is parsed again. Positions and paths in messages are those of the whole file:
an item's lines are counted from its first line, its index from the file's.

A file of another shape, one with an item that does not parse on its own (an
alias to another item's anchor, a syntax error), or one whose items raise any
problem at the file level is parsed whole instead: the result is the same
either way, which the tests check.
"""

from __future__ import annotations

import hashlib
import re

import yaml

from .errors import Pos
from .schema import MAX_NODES_VISITED, MISSING, Context, ListOf, Record, _AliasBomb
from .yamlio import compose

MIN_BYTES = 64 * 1024  # smaller files parse whole in a few milliseconds
_KEY_LINE = re.compile(r"[^\s#'\"\-?:,\[\]{}&*!|>%@`][^:#]*:[ \t]*(#.*)?")
_ITEM = re.compile(r"( *)-( |$)")


def list_field(spec: Record):
    """The one field of a list-file spec (a record of a single list of records), else None."""
    fields = spec.fields
    if spec.check or spec.id_kind or len(fields) != 1:
        return None
    inner = fields[0].metadata["spec"]
    return fields[0] if isinstance(inner, ListOf) and isinstance(inner.item, Record) else None


def split(text: str) -> tuple[int, str, list[tuple[int, str]]] | None:
    """(key line number, key line, [(first line number, item text)]), or None if not a plain list file."""
    if "\r" in text or "\t" in text:
        return None
    lines = text.split("\n")
    content = [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    if len(content) < 2 or not _KEY_LINE.fullmatch(lines[content[0]]):
        return None
    first = _ITEM.match(lines[content[1]])
    if not first:
        return None
    indent = first.group(1)
    starts = []
    for i in content[1:]:
        line = lines[i]
        if line.startswith(indent + "-") and _ITEM.match(line) and len(_ITEM.match(line).group(1)) == len(indent):
            starts.append(i)
        elif not line.startswith(indent + " "):
            return None  # another key, a document marker, or an item out of line
    ends = starts[1:] + [len(lines)]
    items = [(start + 1, "\n".join(lines[start:end])) for start, end in zip(starts, ends)]
    return content[0] + 1, lines[content[0]], items


class ListFile:
    """Loads one list file, with the items of its previous version at hand."""

    def __init__(self, display: str, spec: Record, previous: dict | None):
        self.display, self.spec = display, spec
        self.field = list_field(spec)
        self.previous = previous or {}  # item key → (value, problems, defs, refs, nodes visited)
        self.items: dict[str, tuple] = {}
        self.text = ""

    def load(self, text: str):
        """(value, problems, defs, refs, unreadable) as schema.load_document gives, or None."""
        if self.field is None:
            return None
        self.text = text
        parts = split(text)
        if parts is None:
            return None
        key_number, key_line, items = parts
        key = key_line.split(":", 1)[0].strip()
        if key != self.field.metadata["key"]:
            return None
        values, problems, defs, refs = [], [], [], []
        visited = 2  # the file's mapping and its list, as the whole-file parse counts them
        for index, (number, item_text) in enumerate(items, 1):
            item_key = hashlib.sha256(f"{number}\x1f{index}\x1f{item_text}".encode("utf-8")).hexdigest()
            result = self.previous.get(item_key) or self._item(key_line, number, item_text, f"{key}[{index}]")
            if result is None:
                return None
            self.items[item_key] = result
            value, item_problems, item_defs, item_refs, item_visited = result
            visited += item_visited
            if value is not MISSING:
                values.append(value)
            problems += item_problems
            defs += item_defs
            refs += item_refs
        if visited > self._budget(text):
            return None  # an alias bomb spread over items: the whole-file parse reports it
        record = self.spec.cls(**{self.field.name: values})
        first_item = items[0][0]
        record.pos = Pos(self.display, key_number, 1)
        record.where = {self.field.name: (first_item, len(_ITEM.match(items[0][1]).group(1)) + 1)}
        record.path = ""
        return record, problems, defs, refs, False

    def _item(self, key_line: str, number: int, item_text: str, path: str):
        """One item parsed at its own line under the file's key; None if it cannot stand alone."""
        root, problems = compose(key_line + "\n" + item_text, self.display)
        if problems or not isinstance(root, yaml.MappingNode) or len(root.value) != 1:
            return None
        sequence = root.value[0][1]
        if not isinstance(sequence, yaml.SequenceNode) or len(sequence.value) != 1:
            return None
        budget = self._budget(self.text)
        ctx = Context(self.display, budget=budget, first_line=number - 1)
        try:
            value = self.field.metadata["spec"].item.load(sequence.value[0], path, ctx)
        except _AliasBomb:
            return None
        return value, ctx.problems, ctx.defs, ctx.refs, budget - ctx.budget

    @staticmethod
    def _budget(text: str) -> int:
        """The node budget loader._parse gives the whole file."""
        return min(MAX_NODES_VISITED, len(text) + 10_000)
