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
from .schema import MAX_NODES_VISITED, MISSING, Context, ListOf, Record, _AliasBomb, places
from .yamlio import compose

MIN_BYTES = 64 * 1024  # smaller files parse whole in a few milliseconds
_KEY_LINE = re.compile(r"[^\s#'\"\-?:,\[\]{}&*!|>%@`][^:#]*:[ ]*(#.*)?")
_FIRST_ITEM = re.compile(r"^( *)-(?: |$)", re.M)


def list_field(spec: Record):
    """The one field of a list-file spec (a record of a single list of records), else None."""
    fields = spec.fields
    if spec.check or spec.id_kind or len(fields) != 1:
        return None
    inner = fields[0].metadata["spec"]
    return fields[0] if isinstance(inner, ListOf) and isinstance(inner.item, Record) else None


def split(text: str) -> tuple[int, str, list[tuple[int, str]]] | None:
    """(key line number, key line, [(first line number, item text)]), or None if not a plain list file.

    Regular expressions over the whole text: this runs for every edit of a large file.
    """
    if "\r" in text or "\t" in text:
        return None
    first = _FIRST_ITEM.search(text)
    if first is None:
        return None
    header = [(number, line) for number, line in enumerate(text[:first.start()].split("\n"), 1)
              if line.strip() and not line.lstrip().startswith("#")]
    if len(header) != 1 or not _KEY_LINE.fullmatch(header[0][1]):
        return None
    key_line, key_text = header[0]
    indent = len(first.group(1))
    body = text[first.start():]
    # Past the first item, a line as little indented as the items is an item or a comment.
    if indent and re.search(rf"^ {{0,{indent - 1}}}[^ #\n]", body, re.M):
        return None
    if re.search(rf"^ {{{indent}}}(?!-(?: |$))[^ #\n]", body, re.M):
        return None
    starts = [m.start() for m in re.finditer(rf"^ {{{indent}}}-(?: |$)", body, re.M)]
    line = text.count("\n", 0, first.start()) + 1
    items = []
    for begin, end in zip(starts, starts[1:] + [len(body)]):
        items.append((line, body[begin:end]))
        line += body.count("\n", begin, end)
    return key_line, key_text, items


class ListFile:
    """One list file's items, kept in the parse cache as a single entry.

    The entry holds the file's digest, its items by key (text, first line, index)
    and their order, so the same bytes are answered without splitting, and an
    edited file reuses every item whose key is unchanged.
    """

    def __init__(self, display: str, spec: Record, previous: dict | None):
        self.display, self.spec = display, spec
        self.field = list_field(spec)
        self.entry = previous if isinstance(previous, dict) else {}

    def cached(self, digest: str):
        """The result for these exact bytes, if the entry was made from them."""
        return self._assemble(self.entry) if self.entry.get("digest") == digest else None

    def load(self, text: str, digest: str):
        """(value, problems, defs, refs, unreadable) as schema.load_document gives, or None.

        On success `entry` holds what the parse cache should keep for the next edit.
        """
        if self.field is None:
            return None
        parts = split(text)
        if parts is None:
            return None
        key_number, key_line, items = parts
        key = key_line.split(":", 1)[0].strip()
        if key != self.field.metadata["key"]:
            return None
        previous = self.entry.get("items", {})
        found, order = {}, []
        budget = self._budget(text)
        visited = 2  # the file's mapping and its list, as the whole-file parse counts them
        for index, (number, item_text) in enumerate(items, 1):
            item_key = hashlib.blake2b(f"{number}\x1f{index}\x1f{item_text}".encode("utf-8"), digest_size=16).digest()
            result = previous.get(item_key) or self._item(key_line, number, item_text, f"{key}[{index}]", budget)
            if result is None:
                return None
            found[item_key] = result
            order.append(item_key)
            visited += result[4]
        if visited > budget:
            return None  # an alias bomb spread over items: the whole-file parse reports it
        indent = len(_FIRST_ITEM.match(items[0][1]).group(1))
        self.entry = {"digest": digest, "items": found, "order": order,
                      "where": ((key_number, 1), (items[0][0], indent + 1))}
        return self._assemble(self.entry)

    def _assemble(self, entry: dict):
        values, problems, defs, refs = [], [], [], []
        items = entry["items"]
        for item_key in entry["order"]:
            value, item_problems, item_defs, item_refs, _ = items[item_key]
            if value is not MISSING:
                values.append(value)
            problems += item_problems
            defs += item_defs
            refs += item_refs
        record = self.spec.cls(**{self.field.name: values})
        (key_line, key_col), list_start = entry["where"]
        record.pos = Pos(self.display, key_line, key_col)
        record.where = places(self.spec.cls, {self.field.name: list_start})
        record.path = ""
        return record, problems, defs, refs, False

    def _item(self, key_line: str, number: int, item_text: str, path: str, budget: int):
        """One item parsed at its own line under the file's key; None if it cannot stand alone."""
        root, problems = compose(key_line + "\n" + item_text, self.display)
        if problems or not isinstance(root, yaml.MappingNode) or len(root.value) != 1:
            return None
        sequence = root.value[0][1]
        if not isinstance(sequence, yaml.SequenceNode) or len(sequence.value) != 1:
            return None
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
