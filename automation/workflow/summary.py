"""What one ``advance`` run did, per step, with Indonesian lines for the terminal and the status cell."""

from __future__ import annotations

from dataclasses import dataclass, field

from .routes import NAME, STEP

SHOWN = 5  # registration numbers listed per line before "dan N lainnya"


def numbers(items: list[str]) -> str:
    head = ", ".join(items[:SHOWN])
    rest = len(items) - SHOWN
    return head + (f", dan {rest} lainnya" if rest > 0 else "")


@dataclass
class AdvanceSummary:
    """Moves per (from sheet, to sheet) with registration numbers; blocked and registered counts."""

    moved: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # sheet names -> reg nos
    blocked: int = 0  # rows that could not move (reason written in their Catatan)
    blocked_rows: list[tuple[str, int, str]] = field(default_factory=list)  # (sheet name, row, reason)
    registered: list[str] = field(default_factory=list)  # new registration numbers
    dik_created: list[str] = field(default_factory=list)  # new Register DIK numbers
    dik_retest: list[str] = field(default_factory=list)  # entries whose period ended
    ba_numbered: list[str] = field(default_factory=list)  # berita acara numbers given at step 5

    @property
    def registered_count(self) -> int:
        return len(self.registered)

    def add_move(self, source: str, target: str, number: str) -> None:
        self.moved.setdefault((source, target), []).append(number)

    def block(self, sheet: str, row: int, reason: str) -> None:
        self.blocked += 1
        self.blocked_rows.append((sheet, row, reason))

    @property
    def moved_count(self) -> int:
        """Requests that moved at least one step."""
        return len({n for items in self.moved.values() for n in items})

    def lines(self) -> list[str]:
        out: list[str] = []
        if self.registered:
            out.append(f"Nomor registrasi baru: {len(self.registered)} ({numbers(self.registered)}).")
        for (source, target), items in sorted(self.moved.items(), key=lambda kv: _order(kv[0])):
            out.append(f"{source} → {target}: {len(items)} permohonan ({numbers(items)}).")
        if self.ba_numbered:
            out.append(
                f"Nomor berita acara diberikan: {len(self.ba_numbered)} ({numbers(self.ba_numbered)})."
            )
        if self.dik_created:
            out.append(f"Register DIK: {len(self.dik_created)} entri baru ({numbers(self.dik_created)}).")
        if self.dik_retest:
            out.append(
                f"Register DIK: {len(self.dik_retest)} entri telah berakhir masa berlakunya dan "
                f"ditandai Perlu uji ulang ({numbers(self.dik_retest)})."
            )
        if not self.moved:
            out.append("Tidak ada permohonan yang diteruskan.")
        if self.blocked:
            out.append(f"Belum dapat diteruskan: {self.blocked} baris; alasannya tertulis di kolom Catatan.")
        return out

    def status_text(self) -> str:
        """One line for the sheets' status cell."""
        return f"{self.moved_count} permohonan diteruskan, {self.blocked} baris belum dapat diteruskan."


def _order(pair: tuple[str, str]) -> tuple[int, int]:
    by_name = {name: STEP[key] for key, name in NAME.items()}
    return by_name.get(pair[0], 99), by_name.get(pair[1], 99)
