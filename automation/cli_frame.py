"""The frame around every ``ppid`` command: Indonesian click texts, one-line usage errors, safe console
streams.

Click marks its own texts for gettext; :func:`_translate` answers those look-ups from a small
Indonesian table, so a command added to the group later gets the same frame without any work.
The console streams are set to write what the console's encoding cannot show as a plain ASCII
stand-in (a cp1252 console on Windows turns "→" into "->") instead of raising.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any

import click
from click import core, decorators, exceptions, formatting, parser, types

# click's own message ids (English) -> what staff read. Keys must match click's text exactly;
# tests/test_cli.py walks every command's help and usage errors to catch a missing entry.
CLICK_TEXTS = {
    "Usage:": "Penggunaan:",
    "Options": "Opsi",
    "Commands": "Perintah",
    "Positional arguments": "Argumen",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "Error: {message}": "Gagal: {message}",
    "Try '{command} {option}' for help.": "Lihat '{command} {option}' untuk bantuan.",
    "Missing argument": "Argumen belum diisi:",
    "Missing option": "Opsi belum diisi:",
    "Missing parameter": "Parameter belum diisi:",
    "Missing {param_type}": "{param_type} belum diisi:",
    "Missing parameter: {param_name}": "Parameter belum diisi: {param_name}",
    "Missing command.": "Perintah belum disebutkan.",
    "No such option {name!r}.": "Opsi {name!r} tidak dikenal.",
    "No such command {name!r}.": "Perintah {name!r} tidak dikenal.",
    "Did you mean {possibility}?": "Mungkin maksudnya {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Mungkin maksudnya salah satu dari: {possibilities}?)",
    "Got unexpected extra argument ({args})": "Ada argumen berlebih ({args}).",
    "Got unexpected extra arguments ({args})": "Ada argumen berlebih ({args}).",
    "Invalid value for {param_hint}: {message}": "Nilai {param_hint} tidak sah: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "Argument {name!r} takes {nargs} values.": "Argumen {name!r} memerlukan {nargs} nilai.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan bilangan bulat yang sah.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} bukan nilai ya/tidak yang sah."
    ),
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "Choose from:\n\t{choices}": "Pilih dari:\n\t{choices}",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulis.",
    "file": "Berkas",
    "directory": "Folder",
    "path": "Jalur",
    "Aborted!": "Dibatalkan.",
    "default: {default}": "bawaan: {default}",
}

_ASCII = {
    "→": "->",
    "←": "<-",
    "—": "-",
    "–": "-",
    "…": "...",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "•": "*",
    "×": "x",
    "≤": "<=",
    "≥": ">=",
    "\u00a0": " ",
}


def _translate(message: str) -> str:
    return CLICK_TEXTS.get(message, message)


def _ntranslate(singular: str, plural: str, n: int) -> str:
    return _translate(singular if n == 1 else plural)


for _module in (core, decorators, exceptions, formatting, parser, types):
    _module._ = _translate  # type: ignore[attr-defined]
    if hasattr(_module, "ngettext"):
        _module.ngettext = _ntranslate  # type: ignore[attr-defined]


# ---------------------------------------------------------------- console streams
def _ascii_stand_in(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: "→" becomes "->", "é" becomes "e", anything else "?"."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    out = []
    for char in text:
        plain = _ASCII.get(char) or unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        out.append(plain or "?")
    return "".join(out), error.end


codecs.register_error("ppid-ascii", _ascii_stand_in)


def safe_streams() -> None:
    """Never fail on a character the console (or the file output is redirected to) cannot encode."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, OSError):  # a closed or detached stream: nothing to protect
                stream.reconfigure(errors="ppid-ascii")


# ---------------------------------------------------------------- click classes
class _ContextInErrors(click.Command):
    """The parser's usage errors carry no context; give them the command's, for the hint."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            if exc.ctx is None:
                exc.ctx = ctx
            raise


class Command(_ContextInErrors):
    """A command whose usage line reads "[OPSI]"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)


class Group(_ContextInErrors, click.Group):
    """The ``ppid`` group: every subcommand gets :class:`Command`; a usage error is one line plus a hint."""

    command_class = Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        kwargs.setdefault("context_settings", {}).setdefault("help_option_names", ["-h", "--help"])
        super().__init__(*args, **kwargs)

    def main(  # type: ignore[override]  # click's overloads; this one always exits
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        safe_streams()
        extra.pop("standalone_mode", None)
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
        except exceptions.NoArgsIsHelpError as exc:  # plain `ppid`: the help, as click does
            sys.stdout.write(exc.ctx.get_help() + "\n")
            sys.exit(2)
        except click.UsageError as exc:
            sys.stderr.write(usage_line(exc) + "\n")
            sys.exit(2)
        except click.ClickException as exc:
            sys.stderr.write(f"Gagal: {exc.format_message()}\n")
            sys.exit(exc.exit_code)
        except click.Abort:
            sys.stderr.write("Dibatalkan oleh pengguna; register tidak diubah.\n")
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


def usage_line(exc: click.UsageError) -> str:
    """``Gagal: <why>. Bantuan: ppid <command> --help`` on one line."""
    message = " ".join(exc.format_message().split())
    where = exc.ctx.command_path if exc.ctx is not None else "ppid"
    return f"Gagal: {message} Bantuan: {where} --help"
