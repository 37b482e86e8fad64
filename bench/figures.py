"""The benchmark figures: each measures a command and its baseline on the same file, same run."""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .measure import Figure, Run, Series, fresh_copy, ratio, repeat, run_process, timed

BIG, SMALL, TINY = 10000, 1000, 100


@dataclass
class Context:
    sizes: dict[int, Path]
    work: Path
    today: dt.date
    quick: bool = False
    log: Callable[[str], None] = print
    seconds: dict[tuple[str, int], float] = field(default_factory=dict)  # (operation, size) -> median
    peaks: list[tuple[str, int, float]] = field(default_factory=list)  # (operation, size, MB)

    def reps(self, full: int) -> int:
        return 1 if self.quick else full

    def record(self, op: str, size: int, series: Series) -> float:
        self.seconds[(op, size)] = series.median
        self.peaks.append((op, size, series.peak_mb))
        return series.median


def _copy_for(ctx: Context, size: int, tag: str) -> Callable[[int], None]:
    def before(_: int) -> None:
        fresh_copy(ctx.sizes[size], ctx.work / tag)

    return before


def _target(ctx: Context, tag: str) -> str:
    return str(ctx.work / tag / "register_bench.xlsm")


def _digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def calamine(ctx: Context, size: int) -> float:
    """Median seconds for python-calamine to read every sheet (cached per size)."""
    if ("calamine", size) not in ctx.seconds:
        series = repeat(ctx.reps(5), lambda _: ["-m", "bench.baselines", "calamine", str(ctx.sizes[size])])
        ctx.record("calamine", size, series)
    return ctx.seconds[("calamine", size)]


def _checked(series: Series, what: str, allowed: tuple[int, ...] = (0,)) -> None:
    problem = series.failed(allowed)
    if problem:
        raise RuntimeError(f"{what} gagal ({problem})")


def _paired_with_calamine(ctx: Context, size: int, args: list[str], tag: str) -> Series:
    """Runs of ``args`` each right after a calamine read of the same file: the machine's load
    (other work on a shared machine) then weighs on both sides of the ratio alike."""
    base, series = Series(), Series()
    for i in range(ctx.reps(5)):
        base.runs.append(run_process(["-m", "bench.baselines", "calamine", str(ctx.sizes[size])]))
        _copy_for(ctx, size, tag)(i)
        series.runs.append(run_process(args))
    ctx.record("calamine", size, base)
    return series


# ---------------------------------------------------------------- validate
def validate(ctx: Context) -> list[Figure]:
    notes = []
    for size in (SMALL, BIG):
        tag = f"validate{size}"
        series = _paired_with_calamine(ctx, size, ["-m", "automation", "validate", _target(ctx, tag)], tag)
        base = ctx.seconds[("calamine", size)]
        _checked(series, f"ppid validate ({size})", allowed=(0, 1))
        ctx.record("validate", size, series)
        wrote = _digest(_target(ctx, tag)) != _digest(ctx.sizes[size])
        clean = series.codes == {0}
        notes.append(
            f"{size}: {series.median:.2f} s vs calamine {base:.2f} s"
            f"{'' if clean else ', ADA TEMUAN (register tidak bersih)'}"
            f"{', MENULIS register' if wrote else ''}"
        )
    value = ratio(ctx.seconds[("validate", BIG)], ctx.seconds[("calamine", BIG)])
    return [
        Figure(
            "validate_clean_vs_calamine_read",
            value,
            "x",
            ctx.seconds[("calamine", BIG)],
            "ppid validate (proses CLI penuh) / baca semua lembar dengan python-calamine, register bersih "
            f"10.000 permohonan. {'; '.join(notes)}.",
            "<= 2.0",
        )
    ]


# ---------------------------------------------------------------- advance
def advance(ctx: Context) -> list[Figure]:
    notes = []
    for size in (SMALL, BIG):
        tag = f"advance{size}"
        base = repeat(
            ctx.reps(3),
            lambda _, t=tag: ["-m", "bench.baselines", "openpyxl", _target(ctx, t)],
            before=_copy_for(ctx, size, tag),
        )
        _checked(base, f"openpyxl load+save ({size})")
        ctx.record("openpyxl", size, base)
        series = repeat(
            ctx.reps(3),
            lambda _, t=tag: ["-m", "automation", "advance", _target(ctx, t)],
            before=_copy_for(ctx, size, tag),
        )
        _checked(series, f"ppid advance ({size})")
        ctx.record("advance", size, series)
        moved = _moved_rows(ctx.sizes[size], Path(_target(ctx, tag)))
        notes.append(f"{size}: {series.median:.1f} s vs {base.median:.1f} s, {moved} baris diteruskan")
    value = ratio(ctx.seconds[("advance", BIG)], ctx.seconds[("openpyxl", BIG)])
    return [
        Figure(
            "advance_vs_openpyxl_roundtrip",
            value,
            "x",
            ctx.seconds[("openpyxl", BIG)],
            "ppid advance (~5% baris siap diteruskan) / openpyxl load(keep_vba=True)+save berkas yang sama. "
            f"{'; '.join(notes)}.",
            "<= 1.3",
        )
    ]


def _moved_rows(before: Path, after: Path) -> int:
    """Stage rows that became 'Selesai' between the two files."""
    from automation.excel.reader import read_register
    from automation.schema import STAGES

    def done(path: Path) -> int:
        reg = read_register(path)
        return sum(1 for s in STAGES for r in reg.records(s.key) if r.text("status_tahap") == "Selesai")

    return done(after) - done(before)


# ---------------------------------------------------------------- report
def report(ctx: Context) -> list[Figure]:
    month = f"{ctx.today:%Y-%m}"
    notes = []
    for size in (SMALL, BIG):
        base = calamine(ctx, size)
        tag = f"report{size}"
        series = repeat(
            ctx.reps(3),
            lambda _, t=tag: ["-m", "automation", "report", _target(ctx, t), "--month", month],
            before=_copy_for(ctx, size, tag),
        )
        _checked(series, f"ppid report ({size})")
        ctx.record("report", size, series)
        made = sorted(p.name for p in (ctx.work / tag / "output" / "laporan").rglob("*") if p.is_file())
        notes.append(f"{size}: {series.median:.2f} s vs calamine {base:.2f} s ({len(made)} berkas)")
    value = ratio(ctx.seconds[("report", BIG)], ctx.seconds[("calamine", BIG)])
    return [
        Figure(
            "report_vs_calamine_read",
            value,
            "x",
            ctx.seconds[("calamine", BIG)],
            f"ppid report --month {month} (xlsx + docx, tanpa PDF) / baca semua lembar dengan"
            f" python-calamine. {'; '.join(notes)}.",
            "<= 3.0",
        )
    ]


# ---------------------------------------------------------------- letters
def _rejection_letters(ctx: Context, count: int, folder: Path) -> list[Path]:
    """Render ``count`` rejection letters from the 1,000-request register (distinct rows when possible)."""
    from .letters import rejection_contexts, render_rejection

    contexts = rejection_contexts(ctx.sizes[SMALL], ctx.today, count)
    folder.mkdir(parents=True, exist_ok=True)
    return [render_rejection(c, folder / f"penolakan_{i:02d}.docx") for i, c in enumerate(contexts)]


def pdf_batch(ctx: Context) -> list[Figure]:
    from automation.letters.pdf import convert_to_pdf, find_soffice

    if find_soffice() is None:
        return [
            Figure(
                "pdf_batch_vs_per_file", None, "x", None, "LibreOffice (soffice) tidak terpasang.", "<= 0.35"
            )
        ]
    letters = _rejection_letters(ctx, 10, ctx.work / "pdf" / "docx")
    batch, single = [], []
    for i in range(ctx.reps(3)):
        out_b, out_s = ctx.work / "pdf" / f"batch{i}", ctx.work / "pdf" / f"single{i}"
        batch += timed(1, lambda o=out_b: _expect(convert_to_pdf(letters, o), len(letters)))
        single += timed(1, lambda o=out_s: [_expect(convert_to_pdf([p], o), 1) for p in letters])
    b, s = statistics.median(batch), statistics.median(single)
    return [
        Figure(
            "pdf_batch_vs_per_file",
            ratio(b, s),
            "x",
            s,
            f"10 surat penolakan ke PDF: satu panggilan LibreOffice {b:.1f} s / satu panggilan per surat"
            f" {s:.1f} s (automation.letters.pdf.convert_to_pdf).",
            "<= 0.35",
        )
    ]


def _expect(made: list[Path], count: int) -> None:
    if len(made) != count:
        raise RuntimeError(f"konversi PDF menghasilkan {len(made)} dari {count} berkas")


def letter_render(ctx: Context) -> list[Figure]:
    from .letters import bare_docxtpl_ms, render_ms

    ours = render_ms(ctx.sizes[SMALL], ctx.today, ctx.work / "render", repeats=10 if ctx.quick else 40)
    bare = bare_docxtpl_ms(
        ctx.sizes[SMALL], ctx.today, ctx.work / "render_bare", repeats=10 if ctx.quick else 40
    )
    return [
        Figure(
            "letter_render_ms",
            ours,
            "ms",
            bare,
            "median satu Keputusan Penolakan: konteks dari register + render oleh automation.letters (templat"
            " yang sudah diproses disimpan di cache); pembanding = docxtpl polos (DocxTemplate + render"
            " autoescape + simpan) dengan konteks yang sama.",
        )
    ]


# ---------------------------------------------------------------- buttons
def buttons(ctx: Context) -> list[Figure]:
    from .buttons import actions_per_click

    counts = {size: actions_per_click(ctx.sizes[size], ctx.today) for size in (TINY, BIG)}
    ratios = {a: ratio(counts[BIG][a], counts[TINY][a]) for a in counts[TINY] if counts[TINY][a]}
    worst = max(ratios.values(), key=lambda r: abs((r or 0) - 1.0)) if ratios else None
    detail = ", ".join(f"{a}: {counts[TINY][a]}→{counts[BIG][a]}" for a in counts[TINY])
    return [
        Figure(
            "button_actions_10k_vs_100",
            worst,
            "x",
            None,
            f"aksi xlwings per klik, 10.000 / 100 permohonan (rasio terjauh dari 1,0). {detail}.",
            "== 1.0",
        )
    ]


# ---------------------------------------------------------------- memory and growth
def documents_once(ctx: Context) -> None:
    """``ppid documents --reg`` on the big register: one full read and write, for peak memory."""
    from automation.excel.reader import read_register

    reg = read_register(ctx.sizes[BIG])
    number = next((r.text("no_registrasi") for r in reg.records("keputusan") if r.text("no_registrasi")), "")
    if not number:
        return
    tag = "documents10000"
    _copy_for(ctx, BIG, tag)(0)
    run: Run = run_process(["-m", "automation", "documents", _target(ctx, tag), "--reg", number])
    ctx.seconds[("documents_reg", BIG)] = run.seconds
    ctx.peaks.append(("documents --reg", BIG, run.rss_mb))


def peak_rss(ctx: Context) -> Figure:
    try:
        documents_once(ctx)
    except Exception as exc:  # noted, the other commands still count
        ctx.log(f"   documents --reg tidak terukur: {exc}")
    commands = [(op, mb) for op, size, mb in ctx.peaks if size == BIG and op not in ("calamine", "openpyxl")]
    if not commands:
        return Figure(
            "peak_rss_mb_10k", None, "MB", None, "tidak ada perintah yang terukur pada register 10.000."
        )
    op, mb = max(commands, key=lambda x: x[1])
    base = max((m for o, s, m in ctx.peaks if s == BIG and o == "openpyxl"), default=None)
    listing = ", ".join(f"{o} {m:.0f}" for o, m in sorted(commands, key=lambda x: -x[1]))
    return Figure(
        "peak_rss_mb_10k",
        mb,
        "MB",
        base,
        f"memori resident terbesar satu perintah pada register 10.000 ({op}); pembanding = openpyxl "
        f"load+save berkas yang sama. Per perintah (MB): {listing}.",
    )


WRITERS = ("advance", "documents --reg")  # commands that save the register


def peak_rss_ratio(ctx: Context) -> Figure:
    """Largest peak of a command that writes the 10,000 register / peak of the bare openpyxl load+save.

    Both peaks come from the same run, each the kernel's high-water mark of its own process.
    """
    name, target = "peak_rss_vs_openpyxl_roundtrip", "<= 1.0"
    writers = [(op, mb) for op, size, mb in ctx.peaks if size == BIG and op in WRITERS]
    base = max((m for o, s, m in ctx.peaks if s == BIG and o == "openpyxl"), default=None)
    if not writers or not base:
        return Figure(
            name,
            None,
            "x",
            base,
            "advance dan openpyxl load+save 10.000 harus diukur dalam run yang sama.",
            target,
        )
    op, mb = max(writers, key=lambda x: x[1])
    listing = ", ".join(f"{o} {m:.0f} MB" for o, m in writers)
    return Figure(
        name,
        mb / base,
        "x",
        base,
        f"puncak memori perintah yang menulis register 10.000 ({op}, {mb:.0f} MB) / openpyxl "
        "load+save "
        f"berkas yang sama ({base:.0f} MB). Per perintah: {listing}.",
        target,
    )


def growth(ctx: Context) -> list[Figure]:
    out = []
    for op in ("validate", "advance", "report", "calamine", "openpyxl"):
        small, big = ctx.seconds.get((op, SMALL)), ctx.seconds.get((op, BIG))
        if small and big:
            out.append(
                Figure(
                    f"growth_{op}_1k_to_10k",
                    big / small,
                    "x",
                    small,
                    f"{op}: {small:.2f} s (1.000) -> {big:.2f} s (10.000); 10 = linier.",
                )
            )
    return out


FIGURES: dict[str, Callable[[Context], list[Figure]]] = {
    "validate_clean_vs_calamine_read": validate,
    "advance_vs_openpyxl_roundtrip": advance,
    "report_vs_calamine_read": report,
    "pdf_batch_vs_per_file": pdf_batch,
    "letter_render_ms": letter_render,
    "button_actions_10k_vs_100": buttons,
}
