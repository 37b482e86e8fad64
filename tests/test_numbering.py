"""Document numbers: unique, sequential per type and year, never reused, stable on regeneration."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from _letters_data import REG1, apply, demo_register, request
from hypothesis import given
from hypothesis import strategies as st

from automation.letters.documents import MADE, REMADE, DocumentsRequest, make_documents
from automation.numbering import Numberer, PatternError, compile_pattern
from automation.register import Record

TODAY = date(2027, 1, 10)
PT = "{seq:03d}/PT/PPID-DISKOMINFO/{romawi}/{tahun}"


def requests_register(tmp_path, received: list[object]):
    rows = [
        request(f"PPID-KOMINFO/X/{i:04d}", f"Pemohon {i}", when) for i, when in enumerate(received, start=1)
    ]
    return demo_register(tmp_path, {"permohonan": rows})


def run(reg, tmp_path, **kw):
    return make_documents(reg, DocumentsRequest(tmp_path / "output", TODAY, **kw))


def numbers(changes, key="nomor_tanda_bukti"):
    return {row: cells[key] for (_, row), cells in changes.cells.items() if key in cells}


def test_sequential_per_year_in_date_order(tmp_path):
    reg = requests_register(
        tmp_path,
        [
            datetime(2026, 12, 30, 9),
            "02/01/2027 10:00",
            datetime(2026, 11, 3, 8),
            date(2026, 12, 1),
            "05/01/2027",
        ],
    )
    changes, result = run(reg, tmp_path)
    assert numbers(changes) == {
        7: "003/TBP/PPID-DISKOMINFO/XII/2026",
        8: "001/TBP/PPID-DISKOMINFO/I/2027",
        9: "001/TBP/PPID-DISKOMINFO/XI/2026",
        10: "002/TBP/PPID-DISKOMINFO/XII/2026",
        11: "002/TBP/PPID-DISKOMINFO/I/2027",
    }
    assert {r.path.parent.parent.name for r in result.rows} == {"2026", "2027"}


def test_regeneration_keeps_the_number_and_made_documents_are_skipped(tmp_path):
    reg = requests_register(tmp_path, ["01/12/2026 09:00", "02/12/2026 09:00", "03/12/2026 09:00"])
    changes, first = run(reg, tmp_path)
    apply(reg, changes)
    lost = first.rows[1].path
    lost.unlink()
    changes, again = run(reg, tmp_path)
    assert [(r.number, r.status) for r in again.rows] == [("002/TBP/PPID-DISKOMINFO/XII/2026", REMADE)]
    assert again.skipped == 2 and lost.is_file()
    assert changes.log == []  # no number issued
    assert "nomor_tanda_bukti" not in changes.cells.get(("permohonan", 8), {})
    changes, third = run(reg, tmp_path)
    assert not changes and third.rows == [] and third.skipped == 3


def test_a_cleared_number_is_never_reused(tmp_path):
    reg = requests_register(tmp_path, ["01/12/2026 09:00", "02/12/2026 09:00"])
    changes, _ = run(reg, tmp_path)
    apply(reg, changes)
    reg.sheets["permohonan"].records[0].values["nomor_tanda_bukti"] = None  # staff cleared the cell
    reg.sheets["permohonan"].records.append(
        Record(9, request("PPID-KOMINFO/X/0003", "Pemohon 3", "03/12/2026 09:00"))
    )
    changes, result = run(reg, tmp_path)
    assert numbers(changes) == {7: "003/TBP/PPID-DISKOMINFO/XII/2026", 9: "004/TBP/PPID-DISKOMINFO/XII/2026"}
    all_numbers = [e.text("keterangan").rpartition(": ")[2] for e in reg.records("log")] + list(
        numbers(changes).values()
    )
    assert len(all_numbers) == len(set(all_numbers))


def test_rejections_and_notices_have_separate_sequences(tmp_path):
    reg = demo_register(tmp_path)
    changes, _ = run(reg, tmp_path)
    surat = numbers(changes, "nomor_surat")
    assert surat == {
        7: "001/SK-TOLAK/PPID-DISKOMINFO/XII/2026",
        8: "001/PT/PPID-DISKOMINFO/XII/2026",
        9: "002/PT/PPID-DISKOMINFO/XII/2026",
    }


def test_same_pattern_for_two_types_still_gives_unique_numbers(tmp_path):
    reg = demo_register(tmp_path, settings={"pola_penolakan": PT})
    changes, _ = run(reg, tmp_path)
    surat = list(numbers(changes, "nomor_surat").values()) + list(
        numbers(changes, "nomor_penolakan").values()
    )
    assert sorted(surat) == [f"00{i}/PT/PPID-DISKOMINFO/XII/2026" for i in (1, 2, 3, 4)]


def test_bad_pattern_is_a_pengaturan_warning_and_the_default_numbers(tmp_path):
    # One fallback everywhere (automation.settings): the reader, the letters and the workflow all
    # use the schema default for an unusable pattern and say so on its Pengaturan row.
    reg = demo_register(tmp_path, settings={"pola_tanda_terima": "TT/{tahun}"})
    changes, result = run(reg, tmp_path, reg_no=REG1)
    assert [f.key for f in reg.config.findings] == ["pola_tanda_terima"]
    assert "tidak memuat {seq}" in reg.config.findings[0].message
    assert all(r.status == MADE for r in result.rows)
    made = numbers(changes, "nomor_tanda_terima").values()
    assert made and all("/TT/PPID-DISKOMINFO/" in n for n in made)


@pytest.mark.parametrize(
    "pattern, message",
    [
        ("{seq:03d}/{unit}/{tahun}", "{unit}"),
        ("{tahun}/PT", "{seq}"),
        ("{seq:03d}/PT/{tahun", "kurung kurawal"),
        ("{seq:zz}/PT", "tidak dapat dipakai"),
    ],
)
def test_compile_pattern_rejects(pattern, message):
    with pytest.raises(PatternError, match=message.replace("{", r"\{").replace("}", r"\}")):
        compile_pattern(pattern)


def test_pattern_parses_its_own_numbers():
    p = compile_pattern(PT)
    assert p.format(7, date(2026, 4, 2)) == "007/PT/PPID-DISKOMINFO/IV/2026"
    assert p.parse("007/PT/PPID-DISKOMINFO/IV/2026") == (7, 2026)
    assert p.parse(" 1234/pt/ppid-diskominfo/xii/2027 ") == (1234, 2027)
    assert p.parse("007/TBP/PPID-DISKOMINFO/IV/2026") is None


def test_pattern_without_year_numbers_across_years():
    p = compile_pattern("{seq:04d}/PPID")
    n = Numberer(["0009/PPID"])
    assert n.issue(p, date(2027, 1, 1)) == "0010/PPID"


@given(st.lists(st.integers(min_value=2025, max_value=2028), max_size=40))
def test_numberer_is_gapless_and_unique_per_year(years):
    p = compile_pattern(PT)
    n = Numberer([])
    issued = [n.issue(p, date(y, 6, 1)) for y in years]
    assert len(set(issued)) == len(issued)
    for y in set(years):
        seqs = [p.parse(x)[0] for x in issued if x.endswith(str(y))]
        assert seqs == list(range(1, len(seqs) + 1))


def test_issued_numbers_come_from_every_sheet_and_the_log():
    """One scan for all planners: registration, DIK and letter numbers, even of deleted rows (Log)."""
    from _factories import make_register

    from automation.numbering import issued_numbers

    reg = make_register(
        {
            "permohonan": [{"no_registrasi": "'REG/001"}],
            "keputusan": [{"no_registrasi": "REG/002", "nomor_surat": "001/PT/PPID-DISKOMINFO/XI/2026"}],
            "register_dik": [{"no_dik": "DIK-2026-004"}],
            "log": [
                {"no_registrasi": "REG/009", "keterangan": "Nomor Berita Acara Uji Konsekuensi: 007/BA/2026"}
            ],
        }
    )
    found = set(issued_numbers(reg))
    assert {
        "REG/001",
        "REG/002",
        "001/PT/PPID-DISKOMINFO/XI/2026",
        "DIK-2026-004",
        "REG/009",
        "007/BA/2026",
    } <= found
    assert (
        Numberer.from_register(reg).issue(compile_pattern(PT), date(2026, 11, 20))
        == "002/PT/PPID-DISKOMINFO/XI/2026"
    )
