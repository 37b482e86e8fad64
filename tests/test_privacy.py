"""Personal data never leaks: reports and exports hold no NIK, phone or e-mail; the Log and CLI mask NIKs.

A demo-like run on a real register (requests over every step, a few entry mistakes such as a
15-digit NIK and a NIK Excel turned into a number) through the real CLI; then every file under
output/laporan (xlsx, docx, pdf, text) is scanned, and so is everything the commands printed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from _factories import PINNED_TODAY
from click.testing import CliRunner
from python_calamine import CalamineWorkbook
from test_faults import make_sample

from automation.cli import main
from automation.excel.reader import read_register
from automation.letters.pdf import find_soffice
from automation.schema import LOG
from automation.values import as_text

TODAY = PINNED_TODAY  # the CLI runs on the pinned clock (PPID_SEKARANG, set in conftest)
NAME = "register_ppid.xlsm"
NIK_RUN = re.compile(r"(?<![\d.,])\d{16}(?!\d)")  # not the decimals of a ratio
LONG_DIGITS = re.compile(r"(?<!\d)\d{15,16}(?!\d)")  # a NIK, or one Excel cut to 15 digits
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w/])(?:\+?62|0)8[\d .-]{7,14}\d")
TEXT_SUFFIXES = {".csv", ".json", ".txt", ".md", ".html", ".xml"}

pytestmark = pytest.mark.xdist_group("privacy")
LONG_PROFILE = os.environ.get("PPID_LONG_TESTS") == "1"  # 40 requests instead of 16


def ppid(*args: object, cwd: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "automation", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.fixture(scope="session")
def run(built_once: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The register after validate, advance, documents, status and both reports; all CLI output."""
    folder = tmp_path_factory.mktemp("privasi")
    count = 40 if LONG_PROFILE else 16
    build = lambda p: make_sample(p, count=count, today=TODAY, rounds=8)  # noqa: E731
    path = built_once(f"sample-{count}-8", build, folder)
    # the first command and the first status as real processes; the others through the same click
    # command in this process (same output, no interpreter start)
    out = [
        ppid("validate", path, cwd=folder),
        ppid_in_process("validate", path, "--json"),
        ppid_in_process("advance", path),
        ppid_in_process("documents", path),
    ]
    pdf = ["--pdf"] if find_soffice() else []
    out.append(ppid_in_process("report", path, "--month", f"{TODAY:%Y-%m}", *pdf))
    out.append(ppid_in_process("report", path, "--year", TODAY.year))
    numbers = sorted({r.text("no_registrasi") for r in read_register(path).records("permohonan")})[:6]
    out.append(ppid("status", path, numbers[0], cwd=folder))
    out += [
        ppid_in_process("status", path, number) for number in numbers[1:]
    ]  # the same command, no start-up
    return path, "\n".join(out)


def ppid_in_process(*args: object) -> str:
    """The same click command in this process (stdout and stderr), for the repeated status lookups."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code in (0, 1), result.output
    return result.output


def personal(path: Path) -> dict[str, set[str]]:
    """Every requester's NIK, phone, e-mail and address as entered (NIKs also as digits only)."""
    found: dict[str, set[str]] = {"nik": set(), "telepon": set(), "email": set(), "alamat": set()}
    for rec in read_register(path).records("permohonan"):
        for key in found:
            text = as_text(rec.get(key))
            if len(text) >= 6:
                found[key].add(text)
    return found


def office_contacts(path: Path) -> set[str]:
    """The office's own e-mail and phone (Pengaturan): public, allowed in a report's letterhead."""
    settings = read_register(path).settings
    return {re.sub(r"\D", "", str(settings.get("telepon", ""))), str(settings.get("surel", "")).casefold()}


# ---------------------------------------------------------------- text of every output file
def xml_text(data: bytes) -> str:
    text = re.sub(rb"</w:p>|</a:p>|</si>|</c>|</row>|</w:tc>", b"\n", data)
    return re.sub(rb"<[^>]+>", b"", text).decode("utf-8", "replace")


def file_text(path: Path) -> str | None:
    """Everything a reader could see in ``path`` (cells, paragraphs, headers, charts); None when not text."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        book = CalamineWorkbook.from_path(str(path))
        cells = "\n".join(
            str(v)
            for name in book.sheet_names
            for line in book.get_sheet_by_name(name).to_python()
            for v in line
            if v not in ("", None)
        )
        with zipfile.ZipFile(path) as zf:
            extra = "\n".join(
                xml_text(zf.read(n))
                for n in zf.namelist()
                if n.endswith(".xml") and ("chart" in n or "comment" in n or "docProps" in n)
            )
        return cells + "\n" + extra
    if suffix == ".docx":
        with zipfile.ZipFile(path) as zf:
            return "\n".join(xml_text(zf.read(n)) for n in zf.namelist() if n.endswith(".xml"))
    if suffix == ".pdf":
        if shutil.which("pdftotext") is None:
            return None
        done = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, timeout=60
        )
        return done.stdout
    if suffix in TEXT_SUFFIXES:
        return path.read_text(encoding="utf-8", errors="replace")
    return None


def leaks(text: str, data: dict[str, set[str]], allowed: set[str]) -> list[str]:
    out = [f"NIK-like number {m}" for m in NIK_RUN.findall(text)]
    digits_only = {k: {re.sub(r"\D", "", v) for v in vals} for k, vals in data.items()}
    out += [f"e-mail {m}" for m in EMAIL.findall(text) if m.casefold() not in allowed]
    for m in PHONE.findall(text):
        if re.sub(r"\D", "", m) not in allowed:
            out.append(f"phone {m}")
    out += [
        f"requester NIK {v}" for v in digits_only["nik"] if len(v) >= 15 and v in re.sub(r"[ .-]", "", text)
    ]
    out += [f"requester {k} {v!r}" for k in ("email", "alamat") for v in data[k] if v in text]
    out += [
        f"requester phone {v}"
        for v in digits_only["telepon"]
        if len(v) >= 9 and v in re.sub(r"[ .-]", "", text)
    ]
    return out


# ---------------------------------------------------------------- tests
def report_files(path: Path) -> list[Path]:
    folder = path.parent / "output" / "laporan"
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_reports_exist_for_month_and_year(run: tuple[Path, str]) -> None:
    names = [p.name for p in report_files(run[0])]
    assert any("bulanan" in n and n.endswith(".xlsx") for n in names), names
    assert any("bulanan" in n and n.endswith(".docx") for n in names), names
    assert any("tahunan" in n for n in names), names


def test_no_personal_data_in_any_report_or_export(run: tuple[Path, str]) -> None:
    path = run[0]
    data, allowed = personal(path), office_contacts(path)
    assert data["nik"] and data["telepon"] and data["email"], "the sample has no personal data to look for"
    problems = []
    for file in report_files(path):
        text = file_text(file)
        if text is not None:
            problems += [f"{file.name}: {leak}" for leak in leaks(text, data, allowed)]
    assert not problems, problems[:20]


def test_cli_output_never_prints_a_full_nik(run: tuple[Path, str]) -> None:
    path, output = run
    flat = re.sub(r"[\s│|]", "", output)  # rich tables may wrap a long number over two lines
    niks = {re.sub(r"\D", "", n) for n in personal(path)["nik"]}
    assert niks
    assert not LONG_DIGITS.findall(output)
    assert not [n for n in niks if len(n) >= 15 and n in flat]
    assert re.search(r"\d{4}\*{4,}\d{4}", output), "no masked NIK printed: the sample lost its NIK mistakes"


def test_log_sheet_never_holds_a_full_nik(run: tuple[Path, str]) -> None:
    path = run[0]
    book = CalamineWorkbook.from_path(str(path))
    log = "\n".join(
        str(v) for line in book.get_sheet_by_name(LOG.name).to_python() for v in line if v not in ("", None)
    )
    niks = {re.sub(r"\D", "", n) for n in personal(path)["nik"]}
    assert len(log.splitlines()) > 10
    assert not LONG_DIGITS.findall(log)
    assert not [n for n in niks if len(n) >= 15 and n in log]


# -------------------------------------------------------------- the one redaction function (generated corpus)
# Fast and in-process: no register needed.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from automation.privacy import MASK, OTHER, allowed_values, controlled, redact  # noqa: E402

CORPUS_EXAMPLES = 400 if __import__("os").environ.get("PPID_LONG_TESTS") == "1" else 80
SEPARATORS = st.sampled_from(["", " ", ".", "-"])
FILLER = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,;:()", max_size=20)


@st.composite
def grouped_digits(draw: st.DrawFn, digits: str) -> str:
    """``digits`` split into groups of 2-6 joined by one separator kind (or none), as people type them."""
    sep = draw(SEPARATORS)
    out, i = [], 0
    while i < len(digits):
        step = draw(st.integers(2, 6))
        out.append(digits[i : i + step])
        i += step
    return sep.join(out)


@st.composite
def nik(draw: st.DrawFn) -> tuple[str, str]:
    digits = draw(st.text(alphabet="0123456789", min_size=draw(st.sampled_from([15, 16, 17])), max_size=17))
    digits = digits[: draw(st.sampled_from([15, 16, 17]))].ljust(15, "7")
    return draw(grouped_digits(digits)), digits


@st.composite
def mobile(draw: st.DrawFn) -> tuple[str, str]:
    body = "8" + draw(st.text(alphabet="0123456789", min_size=8, max_size=11))
    prefix = draw(st.sampled_from(["0", "+62", "62", "+62 "]))
    return prefix + draw(grouped_digits(body)), body


@st.composite
def landline(draw: st.DrawFn) -> tuple[str, str]:
    area = draw(st.sampled_from(["0561", "021", "0562", "0274"]))
    local = draw(st.text(alphabet="0123456789", min_size=6, max_size=8))
    style = draw(st.sampled_from(["{a}{s}{l}", "({a}){s}{l}", "({a}) {l}", "+62 {a1}{s}{l}"]))
    sep = draw(SEPARATORS)
    text = style.format(a=area, a1=area[1:], s=sep, l=draw(grouped_digits(local)))
    return text, local


@st.composite
def email(draw: st.DrawFn) -> tuple[str, str]:
    user = draw(st.from_regex(r"[a-z][a-z0-9._]{1,12}[a-z0-9]", fullmatch=True))
    domain = draw(st.sampled_from(["gmail.com", "kalbarprov.go.id", "yahoo.co.id", "mail.example.org"]))
    at = draw(st.sampled_from(["@", " @ ", " (at) ", "[at]"]))
    dot = draw(st.sampled_from([".", " (dot) ", "[dot]"]))
    return user + at + domain.replace(".", dot), user


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


@settings(max_examples=CORPUS_EXAMPLES, deadline=None)
@given(st.one_of(nik(), mobile(), landline()), FILLER, FILLER)
def test_numbers_in_any_typed_form_are_masked(secret: tuple[str, str], before: str, after: str) -> None:
    typed, digits = secret
    out = redact(f"{before} {typed} {after}")
    assert MASK in out, out
    assert digits not in _digits(out), out


@settings(max_examples=CORPUS_EXAMPLES, deadline=None)
@given(email(), FILLER, FILLER)
def test_email_addresses_in_any_typed_form_are_masked(
    secret: tuple[str, str], before: str, after: str
) -> None:
    typed, user = secret
    out = redact(f"{before} {typed} {after}")
    assert MASK in out and "gmail" not in out and "kalbarprov" not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "NIK 6171 0145 0690 0001",
        "NIK: 61.71.01.450690.0001",
        "617101450690001",
        "61710145069000012",
        "hubungi (0561) 734567",
        "telp 0561-734-567",
        "+62 561 734567",
        "0812-3456-7890",
        "+62 812 3456 7890",
        "6281234567890",
        "budi.santoso@example.com",
        "budi (at) gmail (dot) com",
    ],
)
def test_known_variants_are_masked(text: str) -> None:
    assert MASK in redact(text) and not re.search(r"\d{5,}", re.sub(r"\D", "", redact(text)) or "x")


@pytest.mark.parametrize(
    "text",
    [
        "PPID-KOMINFO/2026/07/0001",
        "001/TBP/PPID-DISKOMINFO/XI/2026",
        "DIK-2026-004",
        "24/11/2026",
        "12 permohonan",
        "90,0%",
        "Pasal 17 huruf b",
        "1.234",
        "Rp 15.000",
        "jam 07:30–16:00",
        "2025-2026",
        "Dinas Kesehatan",
    ],
)
def test_controlled_report_text_is_left_alone(text: str) -> None:
    assert redact(text) == text


def test_values_outside_the_referensi_list_become_lainnya() -> None:
    from _factories import make_register

    from automation.register import Record, SheetData
    from automation.schema import REFERENSI

    reg = make_register({})
    reg.sheets["referensi"] = SheetData(
        spec=REFERENSI, records=[Record(7, {"perangkat_daerah": "Dinas Baru Kota"})]
    )
    pd = allowed_values(reg, "perangkat_daerah")
    assert controlled("dinas  kesehatan", pd) == "Dinas Kesehatan"
    assert controlled("Dinas Baru Kota", pd) == "Dinas Baru Kota"  # staff added it to Referensi
    assert controlled("Budi Santoso", pd) == OTHER
    assert controlled("Siti 081234567890", allowed_values(reg, "saluran")) == OTHER
    assert controlled(None, pd) == "Tidak diisi"
