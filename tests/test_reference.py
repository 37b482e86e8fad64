"""Controlled values: one StrEnum per list, one canonical() for every typed spelling."""

from __future__ import annotations

import ast
from enum import StrEnum
from pathlib import Path

import pytest

from automation import reference
from automation.reference import (
    REF_BY_KEY,
    JangkaWaktu,
    Keputusan,
    Klasifikasi,
    StatusTahap,
    YaTidak,
    canonical,
    is_,
)

# Referensi list -> the enum it is generated from.
GENERATED = {
    "kategori_pemohon": reference.KategoriPemohon,
    "ya_tidak": YaTidak,
    "penguasaan": reference.Penguasaan,
    "klasifikasi": Klasifikasi,
    "persetujuan": reference.Persetujuan,
    "keputusan": Keputusan,
    "jangka_waktu": JangkaWaktu,
    "status_dik": reference.StatusDik,
    "jenis_libur": reference.JenisLibur,
}


@pytest.mark.parametrize(("key", "kind"), GENERATED.items())
def test_referensi_lists_are_the_enums(key: str, kind: type[StrEnum]) -> None:
    values = REF_BY_KEY[key].values
    assert values == tuple(m.value for m in kind)
    assert all(type(v) is str for v in values)  # plain text in the workbook, never an enum object


@pytest.mark.parametrize(
    ("kind", "typed", "member"),
    [
        (Klasifikasi, " ya ", Klasifikasi.YA),
        (Klasifikasi, "Sebagian", Klasifikasi.SEBAGIAN),
        (StatusTahap, "SELESAI", StatusTahap.SELESAI),
        (StatusTahap, "dalam   proses", StatusTahap.DALAM_PROSES),
        (Keputusan, "'diberikan sebagian", Keputusan.DIBERIKAN_SEBAGIAN),
        (JangkaWaktu, "tidak terbatas", JangkaWaktu.TIDAK_TERBATAS),
        (YaTidak, True, YaTidak.YA),
        (YaTidak, False, YaTidak.TIDAK),
        (Klasifikasi, "Selesai", None),
        (Klasifikasi, None, None),
        (Klasifikasi, 1.0, None),
    ],
)
def test_canonical_maps_a_typed_variant_to_its_member(
    kind: type[StrEnum], typed: object, member: object
) -> None:
    assert canonical(kind, typed) is member


def test_is_compares_a_cell_with_a_member() -> None:
    assert is_("selesai", StatusTahap.SELESAI)
    assert not is_("Dalam proses", StatusTahap.SELESAI)
    assert not is_("Ya", Klasifikasi.TIDAK)


def test_members_are_their_text() -> None:
    assert Keputusan.DITOLAK == "Ditolak" and f"{Keputusan.DITOLAK}" == "Ditolak"
    assert {"YA": 1}[Klasifikasi.YA] == 1  # dictionaries keyed by text find members


# ---------------------------------------------------------------- no hand-spelled controlled values
_FOLDERS = ("casefold", "lower", "upper", "strip")


def _folded_literal_comparisons(path: Path) -> list[str]:
    """``x.casefold() == "ya"``-style comparisons of a folded cell with a controlled value's spelling."""
    spelled = {m.value.casefold() for kind in GENERATED.values() for m in kind}
    spelled |= {m.value.casefold() for m in StatusTahap} | {m.value.casefold() for m in reference.StatusWaktu}
    hits = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        folded = any(
            isinstance(s, ast.Call) and isinstance(s.func, ast.Attribute) and s.func.attr in _FOLDERS
            for s in sides
        )
        literals = [
            c.value
            for s in sides
            for c in ast.walk(s)
            if isinstance(c, ast.Constant) and isinstance(c.value, str)
        ]
        if folded and any(text.casefold() in spelled for text in literals):
            hits.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:70]}")
    return hits


def test_controlled_values_are_compared_through_canonical() -> None:
    package = Path(reference.__file__).parent
    hits = [hit for path in package.rglob("*.py") for hit in _folded_literal_comparisons(path)]
    assert hits == [], "compare controlled values with reference.canonical()/is_(), not a hand-typed spelling"
