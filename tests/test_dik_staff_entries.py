"""Staff-typed Register DIK rows become first-class on ``advance``: numbered, in force, dated, precedent,
expiry."""

from __future__ import annotations

from datetime import date

from test_workflow_kit import MONDAY, advance, intake_row, register

from automation.register import Register

TYPED = {
    "informasi": "Daftar gaji dan tunjangan ASN",
    "perangkat_daerah": "Dinas Komunikasi dan Informatika",
    "pasal17": "17h3",
    "konsekuensi": "Membuka data keuangan pribadi.",
    "kepentingan_publik": "Perlindungan data pribadi.",
    "jenis_jangka_waktu": "Tahun",
    "jangka_waktu": "5",
    "tanggal_mulai": date(2025, 1, 2),
}


def dik(reg: Register) -> list[dict[str, object]]:
    return [r.values for r in reg.records("register_dik")]


def test_a_typed_entry_gets_number_status_end_date_and_a_log_row() -> None:
    reg = register([], register_dik=[TYPED])
    changes, summary = advance(reg)
    entry = dik(reg)[0]
    assert entry["no_dik"] == "DIK-2026-001" and entry["status_dik"] == "Berlaku"
    assert entry["berlaku_sampai"] == date(2030, 1, 2)
    assert summary.dik_created == ["DIK-2026-001"]
    assert any(r["keterangan"] == "Nomor DIK: DIK-2026-001" for r in changes.log)
    again, _ = advance(reg)
    assert not again.cells  # idempotent: nothing left to adopt


def test_an_event_or_unlimited_entry_gets_no_end_date_and_a_typed_number_is_kept() -> None:
    event = {
        **TYPED,
        "pasal17": "17a1",
        "jenis_jangka_waktu": "Peristiwa",
        "jangka_waktu": "Sampai penyidikan selesai",
        "no_dik": "DIK-LAMA-07",
    }
    unlimited = {**TYPED, "pasal17": "17h2", "jenis_jangka_waktu": "Tidak terbatas", "jangka_waktu": None}
    reg = register([], register_dik=[event, unlimited])
    advance(reg)
    first, second = dik(reg)
    assert (
        first["no_dik"] == "DIK-LAMA-07"
        and first["status_dik"] == "Berlaku"
        and first.get("berlaku_sampai") is None
    )
    assert second["no_dik"] == "DIK-2026-001" and second.get("berlaku_sampai") is None


def test_pasal_20_violations_wait_until_fixed() -> None:
    wrong = {**TYPED, "pasal17": "17c6", "jenis_jangka_waktu": "Tidak terbatas", "jangka_waktu": None}
    reg = register([], register_dik=[wrong])
    _changes, summary = advance(reg)
    assert not dik(reg)[0].get("no_dik") and not dik(reg)[0].get("status_dik")
    assert summary.dik_created == []


def test_a_typed_entry_is_a_precedent_and_expires() -> None:
    reg = register([intake_row("data penggajian pegawai")], register_dik=[TYPED])
    advance(reg)
    assert reg.records("permohonan")[0].get("preseden_dik").startswith("mirip DIK-2026-001 (skor 100)")
    ended = {**TYPED, "jangka_waktu": "1", "tanggal_mulai": date(2025, 1, 2)}
    reg = register([], register_dik=[ended])
    _changes, summary = advance(reg, MONDAY)
    assert dik(reg)[0]["status_dik"] == "Perlu uji ulang" and summary.dik_retest == ["DIK-2026-001"]
