"""Load every data file, validate it, cross-check it, and return one Dataset.

All problems of all files are gathered in one pass; `load` raises a DataError
carrying every one of them, or returns a Dataset whose references all resolve.
"""

from __future__ import annotations

import difflib
import functools
import gc
import hashlib
import multiprocessing
from dataclasses import dataclass, field
from pathlib import Path

from . import model as m
from . import personrefs
from .clerkchecks import clerk_checks
from .cores import fork_workers
from .errors import DataError, Pos, Problem
from .layout import CONFIDENTIAL_DIR, RISKS_DIR
from .listfile import MIN_BYTES, ListFile, list_field
from .parsecache import ParseCache
from .schema import MAX_NODES_VISITED, MISSING, Context, Record, field_path, field_pos, load_document
from .yamlio import compose, decode


PARALLEL_MIN_FILES = 64  # fewer uncached files parse sooner than workers start

# file name → (spec, required); risks/ and confidential/ are handled apart.
SINGLE_FILES: dict[str, tuple[Record, bool]] = {
    "enterprise.yaml": (Record(m.Enterprise), True),
    "units.yaml": (Record(m.UnitsFile), True),
    "people.yaml": (Record(m.PeopleFile), True),
    "responsibilities.yaml": (Record(m.ResponsibilitiesFile), True),
    "key-groups.yaml": (Record(m.KeyGroupsFile), False),
    "emergency.yaml": (Record(m.EmergencyFile), True),
    "procedure.yaml": (m.PROCEDURE_RECORD, True),
    "contacts.yaml": (Record(m.ContactsFile), False),
    "campaigns.yaml": (Record(m.CampaignsFile), False),
    "reception.yaml": (Record(m.ReceptionFile), False),
    "holidays.yaml": (Record(m.HolidaysFile), False),
    "partners.yaml": (Record(m.PartnersFile), False),
}
RISK_FILE = Record(m.RiskFile)
KEY_PERSONS_FILE = Record(m.KeyPersonsFile)
HARDSHIP_FILE = Record(m.HardshipFile)
# confidential/ files read with a spec of their own; every other file there lists key persons.
CONFIDENTIAL_FILES = {"hardship.yaml": HARDSHIP_FILE}
ITEMS = "items"  # the parse cache's slot for a large list file (listfile), whatever its bytes
KIND_NAMES = {"unit": "单位", "person": "人员", "risk": "隐患", "campaign": "专项排查",
              "key-person": "重点人员", "case": "包案", "community": "联建社区", "hardship": "帮扶对象"}
LIAISON_REQUIRED = ("企业", "二级单位", "基层单位")
# Where each kind of ID is defined: when such a file cannot be read at all, its
# references are not checked (each would be a misleading "does not exist").
DEFINED_IN = {"unit": "units.yaml", "person": "people.yaml", "campaign": "campaigns.yaml",
              "case": "reception.yaml", "risk": f"{RISKS_DIR}/", "key-person": f"{CONFIDENTIAL_DIR}/",
              "community": "partners.yaml"}


@dataclass
class Dataset:
    """Everything the office's data says, validated and cross-linked."""

    enterprise: m.Enterprise
    units: dict[str, m.Unit]
    people: dict[str, m.Person]
    contacts: list
    responsibilities: m.ResponsibilitiesFile
    key_groups: m.KeyGroupsFile
    emergency: m.EmergencyFile
    procedure: m.ProcedureFile
    campaigns: list
    reception: m.ReceptionFile
    holidays: m.HolidaysFile
    risks: list
    key_persons: list
    has_confidential: bool
    warnings: list = field(default_factory=list)
    sources: dict = field(default_factory=dict)  # relative path → sha256 of its bytes
    uses: list = field(default_factory=list)  # personrefs.Use: every place a person is named
    partners: m.PartnersFile = field(default_factory=m.PartnersFile)
    hardship: list = field(default_factory=list)  # confidential/hardship.yaml: never published

    @property
    def root(self) -> m.Unit:
        return self.units[self.enterprise.root_unit]

    @property
    def today(self):
        return self.enterprise.data_date

    def descendants(self, unit: m.Unit) -> list[m.Unit]:
        """The unit and every unit below it, depth first in display order."""
        found, stack = [], [unit]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(reversed(current.children))
        return found

    @functools.cached_property
    def risk_by_id(self) -> dict:
        return {r.id: r for r in self.risks}

    @functools.cached_property
    def _own_risks(self) -> dict[str, list]:
        own: dict[str, list] = {}
        for risk in self.risks:
            own.setdefault(risk.unit, []).append(risk)
        return own

    @functools.cached_property
    def people_by_unit(self) -> dict[str, list]:
        found: dict[str, list] = {}
        for person in sorted(self.people.values(), key=lambda p: p.id):
            found.setdefault(person.unit, []).append(person)
        return found

    def people_in(self, unit: m.Unit) -> list:
        """The people whose unit is this one (not units below it), ordered by ID."""
        return self.people_by_unit.get(unit.id, [])

    def own_risks(self, unit: m.Unit) -> list:
        """The unit's own entries (not those of units below it), ordered by ID."""
        return self._own_risks.get(unit.id, [])

    def risks_under(self, unit: m.Unit) -> list:
        """The entries of the unit and every unit below it, ordered by ID.

        Indexed by unit, so forms for thousands of units stay linear, not quadratic.
        """
        found = [r for u in self.descendants(unit) for r in self.own_risks(u)]
        return sorted(found, key=lambda r: r.id)

    @functools.cached_property
    def _assignment_index(self) -> tuple[dict, dict]:
        """Unit ID → positions of the 责任分工 covering it; person ID → positions of those they hold."""
        covering: dict[str, list[int]] = {}
        held: dict[str, list[int]] = {}
        for position, assignment in enumerate(self.responsibilities.assignments):
            for unit_id in assignment.units:
                covering.setdefault(unit_id, []).append(position)
            held.setdefault(assignment.person, []).append(position)
        return covering, held

    def assignments_over(self, unit: m.Unit, *, held_here: bool = False) -> list:
        """The 责任分工 covering the unit or a unit above it, in the file's order; with `held_here`
        also those held by the unit's own people.

        Indexed, so a table per unit of a large group costs its own rows, not a pass over every
        assignment (20,000 units: 5,470 assignments for each of 5,480 tables).
        """
        people = self.people_in(unit) if held_here else []
        positions = self.assignment_positions([unit, *self.ancestors(unit)], people)
        return [self.responsibilities.assignments[i] for i in positions]

    def assignment_positions(self, units: list, people: list) -> list[int]:
        """Positions of the assignments covering any of `units` or held by any of `people`, in order."""
        covering, held = self._assignment_index
        found = {i for unit in units for i in covering.get(unit.id, ())}
        found.update(i for person in people for i in held.get(person.id, ()))
        return sorted(found)

    def ancestors(self, unit: m.Unit) -> list[m.Unit]:
        chain = []
        while unit.parent:
            unit = self.units[unit.parent]
            chain.append(unit)
        return chain


class _Collector:
    """Reads files, remembering each one's hash and every problem found."""

    def __init__(self, data_dir: Path, cache: ParseCache | None, replaced: dict[str, str]):
        self.data_dir = data_dir
        self.cache = cache
        self.replaced = replaced  # relative path → text read instead of the file
        self.problems: list[Problem] = []
        self.defs: list = []
        self.refs: list = []
        self.sources: dict[str, str] = {}
        self.unreadable: set[str] = set()  # files of which nothing could be used
        self.parsed: dict[tuple[str, str], tuple] = {}  # (file, digest) → this process's own early parse
        self.read_early: dict[str, tuple[bytes, str]] = {}  # file → (bytes, digest) read before its load

    def display(self, path: Path) -> str:
        return path.relative_to(self.data_dir).as_posix()

    def _read(self, path: Path, display: str) -> tuple[bytes, str]:
        """The file's bytes (or its replacement's) and their digest; read once per load."""
        if display in self.read_early:
            return self.read_early[display]
        data = self.replaced[display].encode("utf-8") if display in self.replaced else path.read_bytes()
        return data, hashlib.sha256(data).hexdigest()

    def uncached(self, path: Path, spec: Record) -> bool:
        """Whether loading the file would parse it (a whole-file spec with no cache entry)."""
        display = self.display(path)
        try:
            data, digest = self.read_early[display] = self._read(path, display)
        except OSError:
            return False
        return not self.cache.has(display, digest, spec.cls.__name__)

    def parse_into_cache(self, path: Path, spec: Record) -> None:
        """Parse a whole-file spec's file into the cache, recording nothing yet (see _parse_on_all_cores);
        this process keeps its own results for the load that follows, instead of reading them back."""
        display = self.display(path)
        data, digest = self._read(path, display)
        result = self.parsed[(display, digest)] = self._parse(path, data, display, spec)
        self.cache.put(display, digest, spec.cls.__name__, result)

    def load(self, path: Path, spec: Record):
        display = self.display(path)
        try:
            data, digest = self._read(path, display)
        except OSError as exc:
            self.problems.append(Problem(Pos(display), "", f"无法读取文件：{exc.strerror}"))
            return MISSING
        self.read_early.pop(display, None)
        self.sources[display] = digest
        cached = self._load_items(data, digest, display, spec) or self.parsed.pop((display, digest), None)
        if cached is None:
            cached = self.cache.get(display, digest, spec.cls.__name__) if self.cache else None
        if cached is None:
            cached = self._parse(path, data, display, spec)
            if self.cache:
                self.cache.put(display, digest, spec.cls.__name__, cached)
        value, problems, defs, refs, unreadable = cached
        if unreadable:
            self.unreadable.add(display)
        self.problems.extend(problems)
        self.defs.extend(defs)
        self.refs.extend(refs)
        return value

    def _load_items(self, data: bytes, digest: str, display: str, spec: Record) -> tuple | None:
        """A large list file, from its items' cache entry: parsing only items its last version lacked.

        None for other files, and for list files of a shape listfile leaves to the whole parse.
        """
        if self.cache is None or len(data) < MIN_BYTES or list_field(spec) is None:
            return None
        items = ListFile(display, spec, self.cache.get(display, ITEMS, spec.cls.__name__))
        result = items.cached(digest)
        if result is None:
            try:
                result = items.load(data.decode("utf-8-sig"), digest)
            except UnicodeDecodeError:
                return None
            if result is not None:
                self.cache.put(display, ITEMS, spec.cls.__name__, items.entry)
        return result

    @staticmethod
    def _parse(path: Path, data: bytes, display: str, spec: Record) -> tuple:
        """(value, problems, defs, refs, unreadable) of one file's bytes."""
        text, problems = decode(path, data, display)
        if text is None:
            return MISSING, problems, [], [], True
        root, problems = compose(text, display)
        if problems:
            return MISSING, problems, [], [], True
        # Without aliases a file cannot hold more values than characters, so a
        # budget of its length bounds an alias bomb's work to the file's size.
        ctx = Context(display, budget=min(MAX_NODES_VISITED, len(text) + 10_000))
        value = load_document(root, spec, ctx)
        # empty, not a mapping, or an alias bomb: nothing of the file is usable
        unreadable = value is MISSING and any(not p.path for p in ctx.problems)
        return value, ctx.problems, ctx.defs, ctx.refs, unreadable


def _parse_on_all_cores(c: _Collector, paths: list[Path], spec: Record) -> None:
    """Put the files missing from the parse cache into it, parsed by this process and forked
    ones together, so that loading them next (one by one, as always) reads them from the cache.

    Parsing is most of a cold load: a first build of a large group, or the check of the
    2,000 risk files an import edited. Forked processes share the collector as it is and
    return nothing: their cache entries are the result, and any file they did not manage
    is parsed by the load that follows.
    """
    cores = fork_workers()
    if c.cache is None or c.cache.key is None or cores < 2:
        return
    todo = [p for p in paths if c.uncached(p, spec)]
    if len(todo) < PARALLEL_MIN_FILES:
        return
    fork = multiprocessing.get_context("fork")
    others = [fork.Process(target=_parse_into_cache, args=(c, spec, todo[i::cores])) for i in range(1, cores)]
    for process in others:
        process.start()
    _parse_into_cache(c, spec, todo[0::cores])
    for process in others:
        process.join()


def _parse_into_cache(c: _Collector, spec: Record, paths: list[Path]) -> None:
    for path in paths:
        c.parse_into_cache(path, spec)


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load(data_dir: Path, cache_dir: Path | None = None, *, prune: bool = True,
         replaced: dict[str, str] | None = None) -> Dataset:
    """Load and check the whole data folder; raise DataError listing every problem.

    With `cache_dir`, each file's validated content is reused while its bytes are unchanged;
    entries this load did not use are removed unless `prune` is False (a trial load of
    edits that may never be written must not evict the current files' entries).
    `replaced` ({risks/<unit>.yaml: text}) is read instead of those files, or as new ones:
    the data as it would be after edits not yet written.
    """
    # Loading allocates millions of small objects and no cycles worth collecting;
    # the cyclic collector would otherwise rescan them over and over (3x slower).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(Path(data_dir), cache_dir, prune, replaced or {})
    finally:
        if enabled:
            gc.enable()


def _load(data_dir: Path, cache_dir: Path | None, prune: bool, replaced: dict[str, str]) -> Dataset:
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise DataError([Problem(Pos(str(data_dir)), "", "数据目录不存在")])
    c = _Collector(data_dir, ParseCache(cache_dir) if cache_dir else None, replaced)
    loaded: dict[str, object] = {}
    for name, (spec, required) in SINGLE_FILES.items():
        path = data_dir / name
        if path.exists():
            loaded[name] = c.load(path, spec)
        elif required:
            c.problems.append(Problem(Pos(name), "", "缺少必需的数据文件"))
            c.unreadable.add(name)
            loaded[name] = MISSING
        else:
            loaded[name] = spec.cls()
    known = set(SINGLE_FILES)
    for path in _yaml_files(data_dir):
        if path.name not in known:
            hint = difflib.get_close_matches(path.name, sorted(known), n=1, cutoff=0.6)
            extra = f"，是否应为“{hint[0]}”？" if hint else "，已忽略"
            c.problems.append(Problem(Pos(path.name), "", f"未识别的数据文件{extra}", warning=not hint))

    risk_files = []
    added = {data_dir / name for name in replaced if name.startswith(f"{RISKS_DIR}/")}
    paths = sorted(set(_yaml_files(data_dir / RISKS_DIR)) | added)
    _parse_on_all_cores(c, paths, RISK_FILE)
    for path in paths:
        value = c.load(path, RISK_FILE)
        if value is not MISSING:
            risk_files.append((path, value))
    key_files, hardship_files = [], []
    for path in _yaml_files(data_dir / CONFIDENTIAL_DIR):
        spec = CONFIDENTIAL_FILES.get(path.name, KEY_PERSONS_FILE)
        value = c.load(path, spec)
        if value is not MISSING:
            (hardship_files if spec is HARDSHIP_FILE else key_files).append(value)

    people = loaded["people.yaml"]
    people = {} if people is MISSING else {p.id: p for p in people.people}
    units = loaded["units.yaml"]
    units = {} if units is MISSING else {u.id: u for u in units.units}
    if any(v is MISSING for v in loaded.values()):
        # Cross-checks need every required file; report what we have so far.
        _check_ids(c, people, units)
        raise DataError(c.problems)
    risks = []
    for path, risk_file in risk_files:
        if risk_file.unit != path.stem:
            c.problems.append(Problem(field_pos(risk_file, "unit"), "单位",
                                      f"文件名应与单位编号一致：此文件应命名为 {RISKS_DIR}/{risk_file.unit}.yaml"))
        for entry in risk_file.entries:
            entry.unit = risk_file.unit
            risks.append(entry)

    uses = _check_ids(c, people, units)
    names = personrefs.ids_for_names(uses)
    named_in = {use.pos.file for use in uses if use.written != use.person}
    for value in [*loaded.values(), *(f for _, f in risk_files), *key_files, *hardship_files]:
        personrefs.rewrite(value, names)
    for name in named_in:
        # A name stands for whoever people.yaml gives it to: such a file reads people.yaml too
        # (xinfang.reads re-reads a file's keys when its digest changes).
        both = c.sources[name] + c.sources.get("people.yaml", "")
        c.sources[name] = hashlib.sha256(both.encode("ascii")).hexdigest()
    data = Dataset(
        enterprise=loaded["enterprise.yaml"],
        units=units,
        people=people,
        contacts=loaded["contacts.yaml"].contacts,
        responsibilities=loaded["responsibilities.yaml"],
        key_groups=loaded["key-groups.yaml"],
        emergency=loaded["emergency.yaml"],
        procedure=loaded["procedure.yaml"],
        campaigns=loaded["campaigns.yaml"].campaigns,
        reception=loaded["reception.yaml"],
        holidays=loaded["holidays.yaml"],
        risks=sorted(risks, key=lambda r: r.id),
        key_persons=[p for f in key_files for p in f.persons],
        has_confidential=bool(key_files),
        partners=loaded["partners.yaml"],
        hardship=[h for f in hardship_files for h in f.cases],
        sources=dict(sorted(c.sources.items())),
        uses=uses,
    )
    _check_tree(data, c.problems)
    _check_rules(data, c.problems)
    c.problems += clerk_checks(data)
    errors = _errors_only(c.problems)
    if errors:
        raise DataError(errors)
    data.warnings = sorted((p for p in c.problems if p.warning), key=Problem.sort_key)
    if c.cache and prune:
        c.cache.prune()
    return data


def _errors_only(problems: list[Problem]) -> list[Problem]:
    errors = [p for p in problems if not p.warning]
    return errors and problems  # warnings ride along with errors when there are any


def _check_ids(c: _Collector, people: dict, units: dict) -> list:
    """Duplicate IDs per kind, and references that point nowhere; returns the uses of people."""
    defined: dict[str, dict[str, Pos]] = {}
    for kind, ident, pos, path in c.defs:
        first = defined.setdefault(kind, {}).get(ident)
        if first:
            c.problems.append(Problem(pos, path, f"{KIND_NAMES[kind]}编号“{ident}”重复（已在 {first} 定义）"))
        else:
            defined[kind][ident] = pos
    blind = {kind for kind, source in DEFINED_IN.items()
             if any(name.startswith(source) for name in c.unreadable)}
    uses = []
    if "person" not in blind:
        uses, problems = personrefs.resolve(c.refs, people, set(defined.get("person", {})), units)
        c.problems += problems
    for kind, ident, pos, path in c.refs:
        names = defined.get(kind, {})
        if kind != "person" and ident not in names and kind not in blind:
            close = difflib.get_close_matches(ident, sorted(names), n=1, cutoff=0.6)
            hint = f"，是否应为“{close[0]}”？" if close else ""
            c.problems.append(Problem(pos, path, f"引用的{KIND_NAMES[kind]}“{ident}”不存在{hint}"))
    return uses


def _check_tree(data: Dataset, problems: list[Problem]) -> None:
    """One root, every other unit under it, and no cycles; then link children."""
    root_id = data.enterprise.root_unit
    for unit in data.units.values():
        if unit.id == root_id and unit.parent:
            problems.append(Problem(field_pos(unit, "parent"), field_path(unit, "parent"),
                                    "企业本部单位不能有上级"))
        elif unit.id != root_id and not unit.parent:
            problems.append(Problem(unit.pos, field_path(unit, "parent"),
                                    f"缺少上级（只有本部单位“{root_id}”可以不填上级）"))
    reported: set[str] = set()
    for unit in data.units.values():
        chain, current = [unit.id], unit
        while current.parent in data.units and current.parent not in reported:
            if current.parent in chain:
                cycle = chain[chain.index(current.parent):] + [current.parent]
                problems.append(Problem(field_pos(unit, "parent"), field_path(unit, "parent"),
                                        "单位上下级关系形成循环：" + " → ".join(cycle)))
                reported.update(cycle)
                break
            chain.append(current.parent)
            current = data.units[current.parent]
    for unit in sorted(data.units.values(), key=lambda u: (u.order, u.id)):
        if unit.parent in data.units and unit.id not in reported:
            data.units[unit.parent].children.append(unit)


def _check_rules(data: Dataset, problems: list[Problem]) -> None:
    """Business rules that span records."""
    for unit in data.units.values():
        if unit.kind in LIAISON_REQUIRED and not unit.liaison:
            problems.append(Problem(unit.pos, field_path(unit, "liaison"),
                                    "缺少信访联络员（企业本部、二级单位和基层单位都须设信访联络岗）"))
    for rule in data.reception.rules:
        if rule.cycle == "每月" and rule.week_of_month is None:
            problems.append(Problem(rule.pos, field_path(rule, "week_of_month"),
                                    "周期为“每月”时须填写第几周（1—4）"))
    risks = {r.id: r for r in data.risks}
    for case in data.reception.cases:
        risk = risks.get(case.risk)
        if risk and risk.state == "已销号":
            problems.append(Problem(field_pos(case, "risk"), field_path(case, "risk"),
                                    f"隐患“{case.risk}”已销号，不应再列入积案包案", warning=True))
    for risk in data.risks:
        if risk.status(data.today) == "超期":
            problems.append(Problem(field_pos(risk, "deadline"), field_path(risk, "deadline"),
                                    f"隐患“{risk.id}”已超过化解时限（{risk.deadline.isoformat()}）仍未销号",
                                    warning=True))
    levels = [level.level for level in data.responsibilities.levels]
    problems += _repeated(data.responsibilities.levels, "level", "{}责任重复")
    for assignment in data.responsibilities.assignments:
        if assignment.level not in levels:
            problems.append(Problem(field_pos(assignment, "level"), field_path(assignment, "level"),
                                    f"“三级责任体系”中没有“{assignment.level}”（已写：{'、'.join(levels)}）；"
                                    "两级管理的企业只用已写的层级"))
    problems += _repeated(data.key_groups.policies, "cls", "{} 类的稳控政策重复")
    classes = {policy.cls for policy in data.key_groups.policies}
    for person in data.key_persons:
        if person.cls not in classes:
            problems.append(Problem(field_pos(person, "cls"), field_path(person, "cls"),
                                    f"key-groups.yaml 的“分类稳控”中没有 {person.cls} 类的稳控政策"))
    problems += _repeated(data.enterprise.figures, "year", "{} 年的信访统计重复")
    problems += _repeated(data.emergency.post.unit_funds, "unit", "单位“{}”的备用金重复")
    for risk in data.risks:
        if risk.screening == "专项排查" and not risk.campaign:
            problems.append(Problem(field_pos(risk, "screening"), field_path(risk, "screening"),
                                    f"隐患“{risk.id}”的排查方式是专项排查，但未填在哪次专项排查中发现（专项排查编号），"
                                    "不会计入任何专项排查报告", warning=True))


def _repeated(records: list, attr: str, message: str) -> list[Problem]:
    """A problem for each record whose `attr` an earlier record of the list already has."""
    seen, found = set(), []
    for record in records:
        value = getattr(record, attr)
        if value in seen:
            found.append(Problem(field_pos(record, attr), field_path(record, attr), message.format(value)))
        seen.add(value)
    return found
