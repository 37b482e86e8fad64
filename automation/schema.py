"""The one schema of the register: sheets in SOP order, their columns, settings and documents.

The tables themselves are data, ``automation/data/schema.toml``, read and checked once on import;
this module holds their types (the enums and dataclasses below), the layout constants and the
logic, and exposes the tables as typed objects.  Everything else reads this module: the workbook
builder (headers, widths, dropdowns, help texts, locking), the reader (columns found by header),
validation (types and requirements), the workflow (what a stage needs before it is complete, what
is carried forward), the letters (numbering and where document numbers are written back) and the
reports.  No other list of columns exists.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from enum import Enum, StrEnum
from functools import lru_cache
from importlib import resources
from types import UnionType
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin, get_type_hints

from .operation import Operation

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


class T(StrEnum):
    """Column types; each has one parser in ``automation.values``."""

    TEXT = "teks"
    LONGTEXT = "teks panjang"
    DATE = "tanggal"
    DATETIME = "tanggal dan jam"
    INT = "bilangan bulat"
    MONEY = "rupiah"
    CHOICE = "pilihan"
    NIK = "NIK"
    PHONE = "telepon"
    EMAIL = "surel"
    PASAL = "kode Pasal 17"
    REGNO = "nomor registrasi"


NUMBER_FORMATS: dict[T, str] = {
    T.DATE: "dd/mm/yyyy",
    T.DATETIME: "dd/mm/yyyy hh:mm",
    T.INT: "0",
    T.MONEY: "#,##0",
    T.TEXT: "@",
    T.LONGTEXT: "General",  # Excel shows #### for text-formatted cells over 255 characters
    T.NIK: "@",
    T.PHONE: "@",
    T.EMAIL: "@",
    T.PASAL: "@",
    T.REGNO: "@",
    T.CHOICE: "@",
}


class Need(StrEnum):
    """When a column becomes required."""

    OPTIONAL = "opsional"
    ENTRY = "wajib saat dicatat"
    COMPLETE = "wajib sebelum tahap selesai"


class By(StrEnum):
    """Who fills a column: staff type it, the system writes it (locked in the workbook)."""

    STAFF = "staf"
    SYSTEM = "sistem"


@lru_cache(maxsize=256)
def _folded(values: tuple[str, ...]) -> frozenset[str]:
    return frozenset(v.casefold() for v in values)


@dataclass(frozen=True)
class When:
    """A condition on another column of the same row (e.g. category == Badan Hukum)."""

    key: str
    values: tuple[str, ...]

    def applies(self, row: dict[str, Any]) -> bool:
        value = row.get(self.key)
        return isinstance(value, str) and value.strip().casefold() in _folded(self.values)

    def describe(self, header_of: dict[str, str]) -> str:
        return f"bila {header_of.get(self.key, self.key)} = {' / '.join(self.values)}"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    type: T
    help: str
    need: Need = Need.OPTIONAL
    when: When | None = None
    choices: str | None = None  # key of a reference list (automation.reference)
    width: int = 18
    by: By = By.STAFF
    hidden: bool = False

    def required_for(self, row: dict[str, Any], *, completing: bool) -> bool:
        if self.need is Need.OPTIONAL or (self.need is Need.COMPLETE and not completing):
            return False
        return self.when is None or self.when.applies(row)


class Kind(StrEnum):
    HOME = "beranda"
    STAGE = "tahap"
    HOLIDAYS = "hari libur"
    REFERENCE = "referensi"
    SETTINGS = "pengaturan"
    LOG = "log"


@dataclass(frozen=True)
class Sheet:
    key: str
    name: str
    kind: Kind
    title: str
    actor: str = ""
    inputs: str = ""
    output: str = ""
    step: int | None = None
    columns: tuple[Column, ...] = ()
    table: str = ""
    actions: tuple[Operation, ...] = ()  # operations offered on the sheet, in dropdown order
    action: Operation | None = None  # the operation chosen when the workbook is built (one of ``actions``)

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"{self.name} has no column {key!r}")

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    @property
    def button(self) -> str:
        """Caption of the sheet's one button: the operation itself, or "Jalankan pilihan" with a dropdown."""
        if not self.actions:
            return ""
        return self.actions[0].caption if len(self.actions) == 1 else RUN_CAPTION

    def operations_text(self) -> str:
        """The sheet's operations in one Indonesian sentence (Beranda guide, docs test)."""
        captions = ", ".join(f"'{a.caption}'" for a in self.actions)
        if self.has_choice:
            return f"Pilih di sel {CHOICE_CELL} lalu tekan '{RUN_CAPTION}': {captions}."
        return f"Tombol: {captions}." if captions else ""

    @property
    def has_choice(self) -> bool:
        """The sheet offers several operations: a dropdown cell (CHOICE_CELL) picks the one the button
        runs."""
        return len(self.actions) > 1

    @property
    def headers(self) -> dict[str, str]:
        return {c.key: c.header for c in self.columns}


# ---------------------------------------------------------------- layout of every table sheet
TITLE_ROWS = 4  # rows 1-4: title, actor, inputs, output
STATUS_ROW = 5  # row 5: "Hasil terakhir" status cell written by commands and buttons
HEADER_ROW = 6
FIRST_DATA_ROW = 7
BUTTON_COLUMN = 6  # the button sits right of the title block, over columns F-H of rows 1-3
# The operation map (issue 13): what each sheet's button can do (captions: automation.operation).
# A sheet with one operation has a button captioned with it; a sheet with several has a dropdown
# (CHOICE_CELL, merged over CHOICE_SPAN columns, label above it) and one button "Jalankan pilihan"
# right of the dropdown.
# Every button runs xlwings' SampleCall; Python reads the active sheet and its dropdown (docs/excel.md).
RUN_CAPTION = "Jalankan pilihan"
CHOICE_CELL = "F2"  # the dropdown (rows 1-4 are the title block; the label goes one row above)
CHOICE_LABEL = "Pilih operasi, lalu tekan 'Jalankan pilihan':"
CHOICE_SPAN = 3  # F2:H2 merged; the button sits right of it (column I)
CHECK = (Operation.VALIDATE,)
CHECK_MOVE = (Operation.VALIDATE, Operation.ADVANCE)
CHECK_MOVE_LETTERS = (Operation.VALIDATE, Operation.ADVANCE, Operation.DOCUMENTS)
REPORT = (Operation.REPORT,)
BERANDA_MONTH_CELL = "C5"  # month (YYYY-MM) used by the "Buat laporan bulanan" button
BERANDA_SUMMARY_ROW = 8  # the Beranda summary block is written from A8 down
BERANDA_SUMMARY_WIDTH = 6  # columns A-F of that block
BERANDA_SUMMARY_HEIGHT = 120  # rows cleared before the block is rewritten
BERANDA_REPORT_ROW = 30  # "Laporan terakhir" block: H30:I49, below the guide in column H
BERANDA_REPORT_COLUMN = 8
BERANDA_REPORT_HEIGHT = 20
BERANDA_REPORT_WIDTH = 2


# ---------------------------------------------------------------- settings (Pengaturan sheet)
@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    default: Any
    help: str


# ---------------------------------------------------------------- documents (letters)
@dataclass(frozen=True)
class Document:
    key: str
    title: str
    template: str  # file name in templates/
    sheet: str  # sheet key whose row gets number/date/path
    prefix: str  # document_columns prefix on that sheet
    pattern: str  # settings key of the numbering pattern
    required: tuple[str, ...] = field(default=())  # row keys that must be filled to render


# ---------------------------------------------------------------- the tables, read from data/schema.toml
_D = TypeVar("_D", bound="DataclassInstance")
SCHEMA_FILE = "schema.toml"  # automation/data/: sheets, columns, settings and documents as data
_KEY = re.compile(r"[a-z][a-z0-9_]*")


class SchemaFileError(ValueError):
    """automation/data/schema.toml does not describe a schema: a developer's mistake, found on import."""


@dataclass(frozen=True)
class Tables:
    """What a schema file holds, checked and typed: the column groups, sheets, settings and documents."""

    groups: dict[str, list[dict[str, Any]]]
    sheets: tuple[Sheet, ...]
    settings: tuple[Setting, ...]
    documents: tuple[Document, ...]

    def group(self, name: str, where: str = "", **params: str) -> tuple[Column, ...]:
        """The columns of ``[[group.<name>]]``; ``params`` fill its ``{placeholders}``."""
        if name not in self.groups:
            raise SchemaFileError(f"{where or name}: unknown group {name!r}; known: {', '.join(self.groups)}")
        entries = self.groups[name]
        if params:
            entries = [{k: _filled(v, params, where) for k, v in e.items()} for e in entries]
        return _columns(self, entries, f"{where or SCHEMA_FILE}, group {name!r}")


def parse_schema(text: str) -> Tables:
    """The tables of a schema file (TOML); SchemaFileError names the place of the first mistake."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise SchemaFileError(f"{SCHEMA_FILE}: not TOML: {err}") from None
    _known_keys(data, ("group", "sheet", "setting", "document"), SCHEMA_FILE)
    groups = data.get("group", {})
    tables = Tables(groups, (), (), ())
    sheets = tuple(_sheet(tables, raw, i) for i, raw in enumerate(data.get("sheet", []), 1))
    settings = tuple(
        _build(Setting, raw, f"{SCHEMA_FILE}, setting {i}")
        for i, raw in enumerate(data.get("setting", []), 1)
    )
    documents = tuple(
        _build(Document, raw, f"{SCHEMA_FILE}, document {i}")
        for i, raw in enumerate(data.get("document", []), 1)
    )
    return Tables(groups, sheets, settings, documents)


def _sheet(tables: Tables, raw: dict[str, Any], number: int) -> Sheet:
    where = f"{SCHEMA_FILE}, sheet {raw.get('key', number)!r}"
    rest = {k: v for k, v in raw.items() if k != "column"}
    sheet = _build(Sheet, rest, where, columns=_columns(tables, raw.get("column", []), where))
    if sheet.action is not None and sheet.action not in sheet.actions:
        raise SchemaFileError(f"{where}: action {sheet.action.value!r} is not one of its actions")
    return sheet


def _columns(tables: Tables, entries: list[dict[str, Any]], where: str) -> tuple[Column, ...]:
    """A column list: column tables and ``include = "<group>"`` entries."""
    columns: list[Column] = []
    for i, entry in enumerate(entries, 1):
        place = f"{where}, column {entry.get('key', i)!r}"
        if "include" in entry:
            params = {k: v for k, v in entry.items() if k != "include"}
            columns.extend(tables.group(entry["include"], place, **params))
        else:
            columns.append(_build(Column, entry, place))
    seen: dict[str, str] = {}
    for column in columns:
        if not _KEY.fullmatch(column.key):
            raise SchemaFileError(f"{where}: column key {column.key!r} is not lower_case_with_underscores")
        if column.key in seen:  # the reader maps a key to one column: the other would be ignored
            raise SchemaFileError(
                f"{where}: columns {seen[column.key]!r} and {column.header!r} share the key {column.key!r}"
            )
        seen[column.key] = column.header
    return tuple(columns)


def _filled(value: Any, params: dict[str, str], where: str) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return value.format_map(params)
    except (KeyError, ValueError) as err:
        raise SchemaFileError(f"{where}: cannot fill {value!r} with {sorted(params)}: {err}") from None


def _known_keys(raw: dict[str, Any], known: Iterable[str], where: str) -> None:
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise SchemaFileError(f"{where}: unknown key {unknown[0]!r}; known: {', '.join(known)}")


def _build(cls: type[_D], raw: Any, where: str, **given: Any) -> _D:
    """Dataclass ``cls`` from a TOML table: every key a field, every field without a default given."""
    if not isinstance(raw, dict):
        raise SchemaFileError(f"{where}: expected a table, got {raw!r}")
    types, required = _fields(cls)
    _known_keys(raw, [name for name in types if name not in given], where)
    missing = sorted(required - raw.keys() - given.keys())
    if missing:
        raise SchemaFileError(f"{where}: missing key {missing[0]!r}")
    return cls(**{k: _value(types[k], v, f"{where}, {k}") for k, v in raw.items()}, **given)


_FIELDS: dict[type, tuple[dict[str, Any], frozenset[str]]] = {}


def _fields(cls: type[DataclassInstance]) -> tuple[dict[str, Any], frozenset[str]]:
    """The field types of dataclass ``cls`` by name, and the fields without a default (resolved once)."""
    if cls not in _FIELDS:
        hints = get_type_hints(cls)
        types = {f.name: hints[f.name] for f in fields(cls)}
        required = frozenset(
            f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING
        )
        _FIELDS[cls] = types, required
    return _FIELDS[cls]


@lru_cache(maxsize=8)
def _members(enum: type[Enum]) -> dict[str, Enum]:
    return {m.name.lower(): m for m in enum}


def _value(hint: Any, raw: Any, where: str) -> Any:
    """``raw`` as the field type ``hint``: enums by lower-case member name, lists as tuples."""
    hint = _narrowed(hint, raw)
    if type(raw) is hint:
        return raw
    if get_origin(hint) is tuple:
        return _tuple(get_args(hint)[0], raw, where)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _member(hint, raw, where)
    if isinstance(hint, type) and is_dataclass(hint):
        return _build(hint, raw, where)
    raise SchemaFileError(f"{where}: expected {getattr(hint, '__name__', hint)}, got {raw!r}")


def _narrowed(hint: Any, raw: Any) -> Any:
    """The one type ``raw`` must have: optional fields lose None (TOML has no null: absent is None);
    a union that already holds ``raw``'s type is that type; a setting's default is text or a number."""
    if hint is Any:
        hint = str | int
    if isinstance(hint, UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return type(raw) if len(options) > 1 and type(raw) in options else options[0]
    return hint


def _tuple(item: Any, raw: Any, where: str) -> tuple[Any, ...]:
    if not isinstance(raw, list):
        raise SchemaFileError(f"{where}: expected a list, got {raw!r}")
    return tuple(_value(item, element, where) for element in raw)


def _member(enum: type[Enum], raw: Any, where: str) -> Enum:
    names = _members(enum)
    if raw not in names:
        raise SchemaFileError(f"{where}: unknown value {raw!r}; one of: {', '.join(names)}")
    return names[raw]


def _read() -> Tables:
    return parse_schema(
        resources.files("automation").joinpath("data", SCHEMA_FILE).read_text(encoding="utf-8")
    )


_TABLES = _read()
# Workbook order: start page, the ten stages, then support sheets (the order of the schema file).
SHEETS: tuple[Sheet, ...] = _TABLES.sheets
(
    BERANDA, PERMOHONAN, KOORDINASI, KAJIAN, KLASIFIKASI, BERITA_ACARA, PERSETUJUAN, REGISTER_DIK, KEPUTUSAN,
    TANDA_TERIMA, ARSIP, KEBERATAN, HARI_LIBUR, REFERENSI, PENGATURAN, LOG,
) = SHEETS  # fmt: skip
SHEET_BY_KEY: dict[str, Sheet] = {s.key: s for s in SHEETS}
STAGES: tuple[Sheet, ...] = tuple(
    sorted((s for s in SHEETS if s.step is not None), key=lambda s: s.step or 0)
)
STAGE_BY_STEP: dict[int, Sheet] = {s.step: s for s in STAGES if s.step is not None}
TABLE_SHEETS: tuple[Sheet, ...] = tuple(s for s in SHEETS if s.columns)
SETTINGS: tuple[Setting, ...] = _TABLES.settings
SETTING_BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}
DOCUMENTS: tuple[Document, ...] = _TABLES.documents
DOCUMENT_BY_KEY: dict[str, Document] = {d.key: d for d in DOCUMENTS}
REG: Column = _TABLES.group("registration")[0]


def carried() -> tuple[Column, ...]:
    """Context carried by ``advance`` from the request onto every later stage sheet."""
    return _TABLES.group("carried")


def stage_status() -> tuple[Column, ...]:
    """System columns at the right end of every stage sheet."""
    return _TABLES.group("stage_status")


def document_columns(prefix: str, title: str) -> tuple[Column, ...]:
    """Number, date and file of a generated letter: ``nomor_``, ``tanggal_`` and ``berkas_<prefix>``."""
    return _TABLES.group("document", prefix=prefix, title=title)


def _condition(sheet: Sheet, key: str) -> When:
    when = sheet.column(key).when
    if when is None:
        raise SchemaFileError(f"{SCHEMA_FILE}: column {key!r} of sheet {sheet.key!r} has no `when`")
    return when


IDENTITY_NIK: When = _condition(PERMOHONAN, "nik")  # the requesters who give a NIK

# Columns that hold personal data: never printed in full, never in a report.
PERSONAL_KEYS = frozenset({"nik", "telepon", "email", "alamat", "dokumen_badan_hukum", "surat_kuasa"})


def stage_label(step: int) -> str:
    return STAGE_BY_STEP[step].name
