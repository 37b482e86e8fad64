"""Property tests on random stage data: no row lost or duplicated, one current step per request."""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import Any

from _factories import make_register
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_workflow_kit import MONDAY, intake_row, open_sheets

from automation.memory import apply_changes
from automation.reference import REF_BY_KEY
from automation.register import Register
from automation.schema import SHEET_BY_KEY, By, Column, T
from automation.workflow import plan_advance
from automation.workflow.routes import DIK, FINISHED, INTAKE, NAME, REQUEST_SHEETS

LONG = os.environ.get("PPID_LONG_TESTS") == "1"  # long fault/fuzz profile
TODAY = date(2026, 7, 9)
NOW = datetime(2026, 7, 9, 10, 0)
STEPS = ("new", "permohonan", *REQUEST_SHEETS, "finished")
EXEMPT = ("YA", "SEBAGIAN")


def value_for(col: Column) -> st.SearchStrategy[Any]:
    if col.type in (T.DATE, T.DATETIME):
        return st.sampled_from([MONDAY, date(2026, 7, 7), "08/07/2026", "31/02/2026"])
    if col.type is T.CHOICE and col.choices:
        return st.sampled_from([*REF_BY_KEY[col.choices].values, "lainnya"])
    if col.type is T.PASAL:
        return st.sampled_from(["17h3", "17h2, 17j", "Pasal 17"])
    if col.type in (T.INT, T.MONEY):
        return st.sampled_from([0.0, 3.0])
    if col.key == "jangka_waktu":
        return st.sampled_from(["5", "31/12/2030", "selesai proses hukum"])
    return st.sampled_from(["Isian staf", "=SUM(A1)", "Data A"])


def valid_for(col: Column) -> st.SearchStrategy[Any]:
    if col.type in (T.DATE, T.DATETIME):
        return st.sampled_from([MONDAY, date(2026, 7, 8)])
    if col.type is T.CHOICE and col.choices:
        return st.sampled_from(REF_BY_KEY[col.choices].values)
    if col.type is T.PASAL:
        return st.sampled_from(["17h3", "17h2, 17h3"])
    if col.type in (T.INT, T.MONEY):
        return st.just(3.0)
    return st.sampled_from(["Isian staf", "=SUM(A1)"])


@st.composite
def stage_values(draw: st.DrawFn, key: str) -> dict[str, Any]:
    """Staff columns of one stage row: all typed validly, or each typed (validly or not) or left empty."""
    out: dict[str, Any] = {}
    complete = draw(st.booleans())
    for col in SHEET_BY_KEY[key].columns:
        if col.by is not By.STAFF:
            continue
        if complete:
            out[col.key] = draw(valid_for(col))
        elif draw(st.sampled_from([True, True, True, False])):
            out[col.key] = draw(value_for(col))
    if complete and "jenis_jangka_waktu" in out:
        out["jenis_jangka_waktu"], out["jangka_waktu"] = draw(
            st.sampled_from([("Tahun", "5"), ("Tanggal", "31/12/2030")])
        )
    return out


def context(number: str) -> dict[str, Any]:
    return {
        "no_registrasi": number,
        "nama_pemohon": "Budi",
        "rincian_informasi": "Data gaji",
        "perangkat_daerah": "Dinas Sosial",
    }


def closed(number: str, target: str, **values: Any) -> dict[str, Any]:
    return {**context(number), **values, "status_tahap": "Selesai", "diteruskan_ke": target}


@st.composite
def registers(draw: st.DrawFn) -> Register:
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in (INTAKE, *REQUEST_SHEETS, DIK)}
    for i, step in enumerate(draw(st.lists(st.sampled_from(STEPS), min_size=1, max_size=8))):
        number = f"PPID-KOMINFO/2026/07/{i + 1:04d}"
        intake = intake_row("Data gaji pegawai")
        if step == "new":
            if draw(st.booleans()):
                intake.pop("alamat")
            rows[INTAKE].append(intake)
            continue
        rows[INTAKE].append(
            {**intake, "no_registrasi": number, "status_tahap": None if step == INTAKE else "Selesai"}
        )
        if step == "finished":
            rows["arsip"].append(closed(number, FINISHED))
            continue
        if step == INTAKE:
            continue
        if step in ("berita_acara", "persetujuan"):
            for verdict in draw(
                st.lists(st.sampled_from(["YA", "SEBAGIAN", "TIDAK"]), min_size=1, max_size=3)
            ):
                item = {
                    "informasi_diuji": "Data",
                    "dikecualikan": verdict,
                    "pasal17": "17h3",
                    "jenis_jangka_waktu": "Tahun",
                    "jangka_waktu": "5",
                    "konsekuensi": "K",
                    "kepentingan_publik": "P",
                }
                rows["klasifikasi"].append(closed(number, NAME["berita_acara"], **item))
        if step in ("tanda_terima", "arsip"):
            rows["keputusan"].append(
                closed(number, NAME["tanda_terima"], jenis_keputusan="Ditolak", tanggal_keputusan=MONDAY)
            )
        count = draw(st.integers(1, 3)) if step == "klasifikasi" else 1
        for _ in range(count):
            rows[step].append({**context(number), **draw(stage_values(step)), "status_tahap": "Dalam proses"})
    for until in draw(st.lists(st.sampled_from([None, date(2026, 7, 1), date(2030, 1, 1)]), max_size=3)):
        rows[DIK].append(
            {
                "no_dik": "DIK-2026-001",
                "informasi": "Data gaji pegawai",
                "status_dik": "Berlaku",
                "berlaku_sampai": until,
            }
        )
    return make_register(rows)


def snapshot(reg: Register) -> dict[tuple[str, int], dict[str, Any]]:
    staff = {k: [c.key for c in SHEET_BY_KEY[k].columns if c.by is By.STAFF] for k in reg.sheets}
    return {
        (k, r.row): {c: r.values.get(c) for c in staff[k]} for k, d in reg.sheets.items() for r in d.records
    }


def requests(reg: Register) -> list[str]:
    return [str(r.get("no_registrasi")) for r in reg.records(INTAKE) if r.get("no_registrasi")]


@settings(max_examples=2000 if LONG else 120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers())
def test_no_row_lost_or_duplicated_and_one_current_step(reg: Register) -> None:
    before = snapshot(reg)
    sizes = {k: len(d.records) for k, d in reg.sheets.items()}
    numbers_before = requests(reg)
    changes, summary = plan_advance(reg, today=TODAY, now=NOW)
    apply_changes(reg, changes)

    # Rows read stay where they were, with what staff typed; appended rows are the only new ones.
    after = snapshot(reg)
    assert all(after[spot] == values for spot, values in before.items())
    for key, data in reg.sheets.items():
        expected = sizes[key] + len(changes.appends.get(key, [])) + (len(changes.log) if key == "log" else 0)
        assert len(data.records) == expected
        assert len({r.row for r in data.records}) == len(data.records)

    # Every request is in exactly one current step (or archived); numbers are kept and never doubled.
    numbers_after = requests(reg)
    assert numbers_after[: len(numbers_before)] == numbers_before or set(numbers_before) <= set(numbers_after)
    assert len(numbers_after) == len(set(numbers_after)) == len(numbers_before) + len(summary.registered)
    for number in numbers_after:
        current = open_sheets(reg, number)
        has_later_rows = any(
            str(r.get("no_registrasi")) == number for k in REQUEST_SHEETS for r in reg.records(k)
        )
        archived = any(
            r.get("diteruskan_ke") == FINISHED
            for r in reg.records("arsip")
            if r.get("no_registrasi") == number
        )
        assert len(current) == 1 or (not current and (archived or not has_later_rows)), (number, current)

    # One move, one Log row (plus one per new DIK entry, per ended entry and per BA number given).
    moved = sum(len(v) for (_, target), v in summary.moved.items() if target != NAME[DIK])
    assert len(changes.log) == moved + len(summary.dik_created) + len(summary.dik_retest) + len(
        summary.ba_numbered
    )

    # Running again on the result changes nothing.
    again, _ = plan_advance(reg, today=TODAY, now=NOW)
    assert not again, (again.cells, again.appends)


def staff_fill(reg: Register, plan: dict[str, tuple[str, str, bool]]) -> None:
    """Staff complete every open row the way its request's scenario says (only empty cells)."""
    for key in REQUEST_SHEETS:
        for rec in reg.records(key):
            number = str(rec.get("no_registrasi") or "")
            if number not in plan or rec.get("status_tahap") == "Selesai":
                continue
            held, verdict, revise = plan[number]
            values = {
                c.key: VALID[c.key] for c in SHEET_BY_KEY[key].columns if c.by is By.STAFF and c.key in VALID
            }
            values.update(status_penguasaan=held, dikecualikan=verdict)
            rounds = sum(1 for r in reg.records("persetujuan") if r.get("no_registrasi") == number)
            values["keputusan_atasan"] = "Revisi" if revise and rounds == 1 else "Disetujui"
            if values["keputusan_atasan"] == "Revisi":
                values["catatan_atasan"] = "Uraikan konsekuensinya."
            for col, value in values.items():
                if col in rec.values and rec.values[col] in (None, ""):
                    rec.values[col] = value


VALID: dict[str, Any] = {
    **{c.key: MONDAY for s in SHEET_BY_KEY.values() for c in s.columns if c.type is T.DATE},
    **{
        c.key: "Isian staf"
        for s in SHEET_BY_KEY.values()
        for c in s.columns
        if c.type in (T.TEXT, T.LONGTEXT)
    },
    "pasal17": "17h3",
    "jenis_jangka_waktu": "Tahun",
    "jangka_waktu": "5",
    "nama_atasan": "Samuel",
    "jenis_keputusan": "Diberikan seluruhnya",
    "termasuk_dip": "Tidak",
    "cara_penyampaian": "Surel",
    "bentuk_informasi": "Softcopy",
    "cara_diterima": "Surel",
    "biaya": 0.0,
    "waktu_penyediaan": 3.0,
}
VALID.pop("catatan_atasan")
VALID.pop("tanggal_keberatan")


@settings(max_examples=200 if LONG else 25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Dikuasai", "Dikuasai", "Tidak dikuasai", "Belum didokumentasikan"]),
            st.sampled_from(["YA", "TIDAK", "SEBAGIAN"]),
            st.booleans(),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_every_request_reaches_the_archive_when_staff_complete_each_step(
    scenarios: list[tuple[str, str, bool]],
) -> None:
    reg = make_register({INTAKE: [intake_row(f"Informasi nomor {i}") for i in range(len(scenarios))]})
    plan: dict[str, tuple[str, str, bool]] = {}
    for run in range(16):
        changes, _ = plan_advance(reg, today=TODAY, now=NOW)
        apply_changes(reg, changes)
        if run == 0:
            plan = dict(zip(requests(reg), scenarios, strict=True))
        for number in requests(reg):
            assert len(open_sheets(reg, number)) <= 1
        staff_fill(reg, plan)
    entries = {r.get("no_registrasi"): r for r in reg.records(DIK)}
    for number, (held, verdict, _revise) in plan.items():
        (intake,) = [r for r in reg.records(INTAKE) if r.get("no_registrasi") == number]
        assert intake.get("tahap_saat_ini") == FINISHED, (number, intake.get("tahap_saat_ini"))
        assert (number in entries) == (held == "Dikuasai" and verdict != "TIDAK")
