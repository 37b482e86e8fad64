"""Letters reach output/ only after the register is saved (issue 12 item 4): staging folder, publish,
discard."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from _remote import files_under, make_register

from automation import operations
from automation.errors import WriteRefused
from automation.excel.reader import read_register
from automation.letters.documents import DISCARDED, STAGING_PREFIX, due_documents
from automation.schema import DOCUMENTS

TODAY = dt.date(2026, 11, 20)
NOW = dt.datetime(2026, 11, 20, 10, 0)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_register(
        tmp_path_factory.mktemp("staging") / "register_ppid.xlsm",
        count=12,
        today=TODAY,
        rounds=3,
        ready=True,
        mistakes=False,
    )


def _copy(sample: Path, tmp_path: Path) -> Path:
    target = tmp_path / sample.name
    target.write_bytes(sample.read_bytes())
    return target


def _pending(path: Path) -> list[str]:
    """Registration numbers with a letter due and no number yet, in register order."""
    reg = read_register(path)
    out: list[str] = []
    for due in due_documents(reg):
        if not due.record.text(f"nomor_{due.doc.prefix}") and due.reg_no not in out:
            out.append(due.reg_no)
    return out


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml.replace("<w:noBreakHyphen/>", "-"))  # letter numbers never break


def _letters_match_register(path: Path) -> None:
    """Every .docx in output/ is one the register records, and no number is on two files."""
    reg = read_register(path)
    recorded: dict[Path, str] = {}
    for doc in DOCUMENTS:
        for rec in reg.records(doc.sheet):
            number, file = rec.text(f"nomor_{doc.prefix}"), rec.text(f"berkas_{doc.prefix}")
            if number and file:
                recorded[(path.parent / file).resolve()] = number
    files = {p.resolve() for p in (path.parent / "output").rglob("*.docx")}
    assert files == set(recorded), (
        f"letters the register does not know: {sorted(map(str, files - set(recorded)))}"
    )
    assert len(set(recorded.values())) == len(recorded)
    for file, number in recorded.items():
        assert number in _docx_text(file)


def _excel_opens_mid_run(path: Path):
    """A progress callback that opens the workbook 'in Excel' (its owner file) while letters render."""
    owner = path.with_name(f"~${path.name}")

    def progress(done: int, total: int, label: str) -> None:
        owner.write_bytes(b"\x05staff" + b"\x00" * 60)

    return progress, owner


def test_failed_save_leaves_no_letters_and_no_number_is_reused(sample: Path, tmp_path: Path) -> None:
    path = _copy(sample, tmp_path)
    first, second = _pending(path)[:2]
    progress, owner = _excel_opens_mid_run(path)
    with pytest.raises(WriteRefused) as refused:
        operations.documents(path, now=NOW, reg_no=first, progress=progress)
    assert "dibuka di Excel" in str(refused.value) and DISCARDED in str(refused.value)
    assert files_under(path.parent / "output") == set()  # before: the letters of `first` stayed, numbered
    owner.unlink()
    operations.documents(path, now=NOW, reg_no=second)  # before: got the number already on `first`'s letter
    operations.documents(path, now=NOW, reg_no=first)
    _letters_match_register(path)
    assert not list((path.parent / "output").glob(f"{STAGING_PREFIX}*"))


def test_letters_appear_only_after_the_save(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy(sample, tmp_path)
    seen: list[set[str]] = []
    from automation.excel import safety

    real_save = safety.WriteSession.save

    def save(self: safety.WriteSession, write_fn):  # type: ignore[no-untyped-def]
        seen.append({p for p in files_under(path.parent / "output") if not p.startswith(STAGING_PREFIX)})
        return real_save(self, write_fn)

    monkeypatch.setattr(safety.WriteSession, "save", save)
    outcome = operations.documents(path, now=NOW)
    assert seen == [set()] and outcome.result.made
    _letters_match_register(path)


def test_stale_staging_of_a_killed_run_is_removed(sample: Path, tmp_path: Path) -> None:
    path = _copy(sample, tmp_path)
    stale = path.parent / "output" / f"{STAGING_PREFIX}99999" / "2026" / "X"
    stale.mkdir(parents=True)
    (stale / "tanda_bukti.docx").write_bytes(b"half")
    operations.documents(path, now=NOW)
    assert not list((path.parent / "output").glob(f"{STAGING_PREFIX}*"))
    _letters_match_register(path)


def test_disk_full_while_rendering_removes_the_letters_made(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from automation.letters import documents

    path = _copy(sample, tmp_path)
    calls = {"n": 0}
    real = documents.write_docx

    def write(data, out):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(data, out)

    monkeypatch.setattr(documents, "write_docx", write)
    before = path.read_bytes()
    with pytest.raises(WriteRefused) as refused:
        operations.documents(path, now=NOW)
    assert "Ruang disk penuh" in str(refused.value) and DISCARDED in str(refused.value)
    assert files_under(path.parent / "output") == set() and path.read_bytes() == before


def test_the_planners_write_nothing_only_the_operations_do(sample: Path, tmp_path: Path) -> None:
    """The registry's documents and report planners return letters and a report draft; no file appears."""
    from automation.operation import Operation
    from automation.operations import Request, planner_for, write_report

    path = _copy(sample, tmp_path)
    reg = read_register(path)
    request = Request(path, NOW, "CLI", month="2026-10")
    changes, letters = planner_for(Operation.DOCUMENTS, request)(reg)
    _, draft = planner_for(Operation.REPORT, request)(reg)
    assert changes and letters.files and draft.home_rows()[-1] == ["Berkas", "laporan-bulanan-2026-10.xlsx"]
    assert files_under(tmp_path) == {path.name}
    made = write_report(path, draft)
    assert made.xlsx.is_file() and made.home_rows() == draft.home_rows()


def test_letters_that_cannot_be_written_refuse_the_run(sample: Path, tmp_path: Path) -> None:
    """A file named ``output`` beside the register: no letter can be staged, so nothing is numbered."""
    path = _copy(sample, tmp_path)
    (tmp_path / "output").write_text("bukan folder", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(WriteRefused, match="tidak dapat ditulis") as refused:
        operations.documents(path, now=NOW)
    assert "register tidak diubah" in str(refused.value) and path.read_bytes() == before
