"""Hostile input in every column of every stage sheet, on real files, through the CLI and operations.

Values as staff could leave them in Excel: text starting with = + - @ (typed with an apostrophe, so
text), real formulas, control characters (stored by Excel as _xHHHH_ escapes), 32,767-character
text, wrong types, error values, dates far in the past and future, mixed scripts and emoji.
Promises checked: exit codes 0/1/3 only and no traceback, every row preserved, every finding
located, text stays text (in the workbook and in the reports), every document opens in python-docx.
Quick profile by default; ``PPID_LONG_TESTS=1`` runs many more examples.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from _factories import PINNED_NOW, PINNED_TODAY
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from test_faults import make_sample

from automation import operations
from automation.cli import main
from automation.excel.preserve import roundtrip_openpyxl
from automation.excel.reader import read_register
from automation.register import Register
from automation.schema import FIRST_DATA_ROW, STAGES, By, Sheet

LONG = os.environ.get("PPID_LONG_TESTS") == "1"
TODAY = PINNED_TODAY  # the CLI runs on the pinned clock (PPID_SEKARANG, set in conftest)
NAME = "register_ppid.xlsm"
NOTE_KEYS = {"catatan_validasi", "kolom_bermasalah"}
EXCEL_MAX = 32767


def examples(quick: int, long: int = 1000) -> Any:
    phases = (
        list(Phase) if LONG else [Phase.explicit, Phase.reuse, Phase.generate]
    )  # quick: no slow shrinking
    return settings(
        max_examples=long if LONG else quick,
        deadline=None,
        derandomize=not LONG,
        phases=phases,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# ---------------------------------------------------------------- hostile values
@dataclass(frozen=True)
class Formula:
    """A real formula, as typed in Excel without an apostrophe."""

    text: str


@dataclass(frozen=True)
class ErrorValue:
    """An Excel error value in a cell (#N/A, #DIV/0!, ...)."""

    text: str


LEADS = ("=", "+", "-", "@")
_TEXT = st.characters(codec="utf-8", exclude_categories=("Cs", "Co", "Cn"))
formula_like = st.one_of(
    st.builds(lambda lead, body: lead + body, st.sampled_from(LEADS), st.text(_TEXT, max_size=20)),
    st.sampled_from(
        [
            '=HYPERLINK("http://contoh.id","klik")',
            "=1+1",
            "+62 812 3456 7890",
            "-",
            "@",
            "=",
            "=cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A2)",
            "=NIK",
            "+6171010101900001",
        ]
    ),
)
control = st.text(st.characters(min_codepoint=0, max_codepoint=31), min_size=1, max_size=4).map(
    lambda s: f"a{s}b"
)
mixed = st.one_of(
    st.text(_TEXT, max_size=30),
    st.sampled_from(
        [
            "Ḡöödbye 世界 مرحبا 😀👍🏽",
            "جاكرتا Пётр 山田 🇮🇩",
            "\u202eRTL",
            "nol\u200blebar",
            "Ｆｕｌｌ　ｗｉｄｔｈ",
            "Dinas Pendidikan 🏫 & <b>Kebudayaan</b>",
            "{{ nama }} {% if %}",
            "' OR 1=1 --",
        ]
    ),
)
far_dates = st.one_of(
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 12, 31, 23, 59)),
    st.sampled_from(
        [
            "01/01/1800",
            "31/12/9999",
            "00/00/0000",
            "29/02/2025",
            "32 Desember 2026",
            "0001-01-01",
            "24 Nopember 2026",
            "2026-13-01",
        ]
    ),
)
wrong_types = st.one_of(
    st.integers(-(10**18), 10**18),
    st.booleans(),
    st.floats(min_value=-1e307, max_value=1e307, allow_nan=False, allow_subnormal=False),  # Excel's range
    st.times(),
    st.just(6171014506900001.0),
    st.just("  "),
)
errors = st.sampled_from(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]).map(ErrorValue)
formulas = st.sampled_from(["=1/0", "=NA()", "=A1", "=SUM(1,2)", '="teks"']).map(Formula)
hostile = st.one_of(formula_like, control, mixed, far_dates, wrong_types, errors, formulas)
long_text = st.sampled_from(["a", "é", "中", "😀", "=x", "\n"]).map(
    lambda unit: (unit * EXCEL_MAX)[:EXCEL_MAX]
)


@dataclass
class Plan:
    """What to write: values cycled over every (sheet, row, column); a few 32,767-character cells."""

    values: list[Any]
    shift: int
    rows: int
    longs: list[tuple[int, int, str]]  # (sheet index, column index, text)

    def value(self, sheet: int, row: int, col: int) -> Any:
        return self.values[(sheet * 7 + row * 3 + col + self.shift) % len(self.values)]


plans = st.builds(
    Plan,
    st.lists(hostile, min_size=1, max_size=16),
    st.integers(0, 100),
    st.integers(1, 3),
    st.lists(st.tuples(st.integers(0, len(STAGES) - 1), st.integers(0, 60), long_text), max_size=2),
)


def excel_escape(text: str) -> str:
    """Control characters the way Excel stores them in the file (_xHHHH_), which openpyxl keeps."""
    return "".join(f"_x{ord(c):04X}_" if ord(c) < 32 and c not in "\t\n\r" else c for c in text)


def put(cell: Any, value: Any) -> None:
    if isinstance(value, Formula):
        cell.value = value.text
    elif isinstance(value, ErrorValue):
        cell.value = value.text
        cell.data_type = "e"
    elif isinstance(value, str):
        cell.value = excel_escape(value)
        cell.data_type = "s"
        cell.quotePrefix = value.startswith(LEADS)
    else:
        cell.value = value


def write_hostile(
    path: Path,
    plan: Plan,
    *,
    sheets: tuple[Sheet, ...] = STAGES,
    start: int | None = None,
    keys: set[str] | None = None,
    every_row: bool = False,
) -> dict[tuple[str, int, int], tuple[Any, Any]]:
    """Write ``plan`` into ``path`` (appended rows, or rows from ``start``); (sheet, row, col) -> (column,
    value)."""
    written: dict[tuple[str, int, int], tuple[Any, Any]] = {}
    last = last_rows(path)  # openpyxl's max_row of each sheet, read before the rows-only load
    spans = {}
    for spec in sheets:
        first = start or max(FIRST_DATA_ROW, last[spec.name] + 1)
        spans[spec.name] = (first, max(plan.rows, last[spec.name] - first + 1) if every_row else plan.rows)

    def mutate(wb: Any) -> None:
        for s_index, spec in enumerate(sheets):
            ws = wb[spec.name]
            first, count = spans[spec.name]
            for r in range(count):
                for c_index, column in enumerate(spec.columns):
                    if keys is not None and column.key not in keys:
                        continue
                    value = plan.value(s_index, r, c_index)
                    for li, lc, text in plan.longs:
                        if li == s_index and lc % len(spec.columns) == c_index and r == 0:
                            value = text
                    put(ws.cell(row=first + r, column=c_index + 1), value)
                    written[(spec.name, first + r, c_index + 1)] = (column, value)

    tmp = path.with_name(f"{path.stem}_tmp.xlsm")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = {name: set(range(first, first + count)) for name, (first, count) in spans.items()}
        roundtrip_openpyxl(path, tmp, mutate, rows=rows)
    tmp.replace(path)
    return written


def last_rows(path: Path) -> dict[str, int]:
    """Sheet name -> the last row holding a cell (what openpyxl's ``max_row`` says after a full load)."""
    from automation.excel.preserve import _sheet_entries

    with zipfile.ZipFile(path) as zf:
        entries = _sheet_entries(zf)
        return {name: _last_row(zf.read(entry)) for name, entry in entries}


def _last_row(xml: bytes) -> int:
    rows = [int(m.group(1)) for m in re.finditer(rb'<row\b[^>]*?\br="(\d+)"[^>]*>\s*<c\b', xml)]
    return max(rows, default=1)


# ---------------------------------------------------------------- invariants
def cells_of(path: Path) -> dict[tuple[str, int, int], tuple[str, Any]]:
    """(sheet, row, column) -> (openpyxl data type, value) of every non-empty cell (one read-only load)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(path, read_only=True, keep_vba=False)
    try:
        return {
            (ws.title, c.row, c.column): (c.data_type, c.value)
            for ws in wb.worksheets
            for row in ws.iter_rows()
            for c in row
            if getattr(c, "row", None) and c.value is not None
        }
    finally:
        wb.close()


def formulas(cells: dict[tuple[str, int, int], tuple[str, Any]]) -> set[tuple[str, int, int]]:
    return {k for k, (kind, _) in cells.items() if kind == "f"}


def expected_formulas(
    base: Path, written: dict[tuple[str, int, int], tuple[Any, Any]]
) -> set[tuple[str, int, int]]:
    """Formula cells allowed after a command: the base file's and the ones the test typed."""
    return BASE_FORMULAS.setdefault(base, formulas(cells_of(base))) | {
        k for k, (_, v) in written.items() if isinstance(v, Formula)
    }


BASE_FORMULAS: dict[Path, set[tuple[str, int, int]]] = {}


def rows_of(
    path: Path | Register, *, ignore: set[str] = frozenset(), staff_only: bool = False
) -> dict[str, dict[int, dict]]:
    """Sheet key -> Excel row -> values (without ``ignore``; only staff columns with ``staff_only``)."""
    reg = path if isinstance(path, Register) else read_register(path)
    out = {}
    for key, data in reg.sheets.items():
        if not data.spec.columns:
            continue
        keep = {c.key for c in data.spec.columns if not staff_only or c.by is By.STAFF} - ignore
        out[key] = {
            r.row: {k: same_instant(v) for k, v in r.values.items() if k in keep} for r in data.records
        }
    return out


def same_instant(value: Any) -> Any:
    """Midnight datetimes as dates, no microseconds: an openpyxl save may round a serial (harmless)."""
    if isinstance(value, dt.datetime):
        value = value.replace(microsecond=0)
        return value.date() if value.time() == dt.time() else value
    return value


def assert_located(findings: list[dict[str, Any]], reg: Register) -> None:
    headers = {
        data.name: set(data.headers_found.values()) | {c.header for c in data.spec.columns}
        for data in reg.sheets.values()
    }
    for f in findings:
        assert f["sheet"] in headers, f
        assert f["row"] == 0 or f["row"] >= FIRST_DATA_ROW, f
        assert not f["column"] or f["column"] in headers[f["sheet"]], f
        assert f["message"].strip() and f["code"], f


def run_cli(*args: Any) -> Any:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 3), result.output
    return result


def no_new_formula_and_text_stays(
    path: Path,
    base: Path,
    written: dict[tuple[str, int, int], tuple[Any, Any]],
    *,
    ignore: set[str] = frozenset(),
    staff_only: bool = False,
) -> None:
    """No cell became a formula; text starting with = + - @ that the command had no reason to change is
    unchanged."""
    cells = cells_of(path)
    assert formulas(cells) <= expected_formulas(base, written), "a value became a formula"
    for where, (col, v) in written.items():
        if (
            not (isinstance(v, str) and v.startswith(LEADS))
            or col.key in ignore
            or (staff_only and col.by is not By.STAFF)
        ):
            continue
        kind, value = cells.get(where, ("n", None))
        assert kind == "s", f"{where}: {v!r} became {kind}"
        assert value == excel_escape(v)[:EXCEL_MAX], where


# ---------------------------------------------------------------- fixtures
@pytest.fixture(scope="session")
def empty(blank: Path) -> Path:
    return blank


@pytest.fixture(scope="session")
def sample(built_once: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    build = lambda p: make_sample(p, count=16, today=TODAY, rounds=8)  # noqa: E731
    return built_once("sample-16-8", build, tmp_path_factory.mktemp("contoh"))


def fresh(src: Path, folder: str) -> Path:
    target = Path(folder) / NAME
    shutil.copyfile(src, target)
    return target


# ---------------------------------------------------------------- validate
@examples(quick=4)  # about 1 s per example on one idle core
@given(plan=plans)
def test_validate_survives_hostile_values_in_every_column(empty: Path, plan: Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = fresh(empty, folder)
        written = write_hostile(path, plan)
        before = rows_of(path, ignore=NOTE_KEYS)
        before.pop("log", None)  # a validation that writes notes appends one Log row
        result = run_cli("validate", path, "--json")
        if result.exit_code == 3:
            assert result.output.strip()
            return
        findings = json.loads(result.stdout)
        register = read_register(path)  # read once for both checks
        assert_located(findings, register)
        assert (result.exit_code == 0) == (not [f for f in findings if f.get("level", "galat") == "galat"])
        after = rows_of(register, ignore=NOTE_KEYS)
        assert len(after.pop("log", {})) <= 1, "at most one Log row per validation"
        assert after == before, "a value other than the notes changed"
        no_new_formula_and_text_stays(path, empty, written, ignore=NOTE_KEYS)


# ---------------------------------------------------------------- advance
CARRIED_TEXT = {
    "nama_pemohon",
    "rincian_informasi",
    "alamat",
    "tujuan",
    "pekerjaan",
    "hasil_kajian",
    "konsekuensi",
    "kepentingan_publik",
    "dokumen_terkait",
    "draf_dik",
    "kesimpulan",
    "lokasi_arsip",
    "petugas_pd",
}


@examples(quick=3, long=300)
@given(plan=plans, wreck=st.booleans())
def test_advance_carries_hostile_text_as_text(sample: Path, plan: Plan, wreck: bool) -> None:
    """Hostile text in the free-text columns of ready rows (and, with ``wreck``, rows of nonsense)."""
    with tempfile.TemporaryDirectory() as folder:
        path = fresh(sample, folder)
        written = write_hostile(path, plan, start=FIRST_DATA_ROW, keys=CARRIED_TEXT, every_row=True)
        if wreck:
            written |= write_hostile(path, plan)
        before = rows_of(path, staff_only=True)
        run_cli("advance", path)
        after = rows_of(path, staff_only=True)
        for key, rows in before.items():
            assert rows.items() <= after[key].items(), f"{key}: a row was lost or a staff value changed"
        no_new_formula_and_text_stays(path, sample, written, staff_only=True)


def test_advance_carries_formula_like_text_exactly(sample: Path, tmp_path: Path) -> None:
    """Formula-like text in every request reaches the rows advance creates as the same text."""
    path = fresh(sample, str(tmp_path))
    texts = ['=HYPERLINK("http://contoh.id","klik")', "+62 812 3456 7890", "-2+3", "@SUM(A1:A2)"]
    written = write_hostile(
        path,
        Plan(texts, 0, 1, []),
        sheets=(STAGES[0],),
        start=FIRST_DATA_ROW,
        keys={"nama_pemohon", "rincian_informasi"},
        every_row=True,
    )
    before = cells_of(path)
    run_cli("advance", path)
    after = cells_of(path)
    new = {k: v for k, v in after.items() if k not in before and isinstance(v[1], str) and v[1] in texts}
    assert new, "advance moved nothing: the sample has no ready rows"
    assert all(kind == "s" for kind, _ in new.values()), new
    no_new_formula_and_text_stays(path, sample, written, staff_only=True)


# ---------------------------------------------------------------- documents and reports
LETTER_TEXT = {
    "nama_pemohon",
    "rincian_informasi",
    "alamat",
    "tujuan",
    "pekerjaan",
    "konsekuensi",
    "tempat_uji",
    "anggota_hadir",
    "kesimpulan",
    "nama_penerima",
    "uu_lain",
    "bagian_dikecualikan",
    "kepentingan_publik",
}


@examples(quick=3, long=150)
@given(plan=plans)
def test_every_generated_document_opens(sample: Path, plan: Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = fresh(sample, folder)
        write_hostile(path, plan, start=FIRST_DATA_ROW, keys=LETTER_TEXT, every_row=True)
        before = rows_of(path, staff_only=True)
        outcome = operations.documents(path, now=PINNED_NOW)
        assert outcome.result.rows, "no document was due in the sample"
        assert all(r.path or r.message for r in outcome.result.rows)
        made = [r.path for r in outcome.result.made if r.path]
        for file in made:
            docx.Document(str(file))
            with zipfile.ZipFile(file) as zf:
                assert zf.testzip() is None
        after = rows_of(path, staff_only=True)
        assert all(rows.items() <= after[key].items() for key, rows in before.items())


REPORT_KEYS = {
    "perangkat_daerah",
    "saluran",
    "kategori_pemohon",
    "jenis_keputusan",
    "pasal17",
    "dikecualikan",
    "status_penguasaan",
    "alasan_keberatan",
    "putusan_keberatan",
    "rincian_informasi",
    "informasi",
}


@examples(quick=3, long=100)
@given(
    values=st.lists(st.one_of(formula_like, mixed, errors, wrong_types), min_size=1, max_size=8),
    shift=st.integers(0, 20),
)
def test_report_keeps_hostile_text_as_text(sample: Path, values: list[Any], shift: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = fresh(sample, folder)
        plan = Plan(values, shift, 1, [])
        written = write_hostile(path, plan, start=FIRST_DATA_ROW + 1, keys=REPORT_KEYS)
        result = run_cli("report", path, "--month", f"{TODAY:%Y-%m}")
        assert result.exit_code == 0, result.output
        injected = {v for _, v in written.values() if isinstance(v, str) and v.startswith(LEADS)}
        for report in (Path(folder) / "output").rglob("*.xlsx"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                wb = load_workbook(report)
            for ws in wb.worksheets:
                for row in ws.iter_rows():
                    for cell in row:
                        if cell.data_type == "f":
                            assert str(cell.value) not in injected, (
                                f"{report.name} {ws.title}!{cell.coordinate}"
                            )
        for report in (Path(folder) / "output").rglob("*.docx"):
            docx.Document(str(report))
