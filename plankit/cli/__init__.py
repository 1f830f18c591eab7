"""The ``plankit`` command: one subcommand per public verb, same names and defaults.

Each subcommand lives in its own module of this package and exposes ``register(subparsers)``.
Errors become exit codes here and only here: a :class:`~plankit.errors.PlankitError` prints one
line on stderr (``plankit: lỗi / error: ...``) and exits 2; batch commands exit 1 when a file
could not be read, lint also when a finding is an error. Output is UTF-8 whatever the console's
code page, so that a redirected CSV opens in Excel with its Vietnamese intact.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from ..errors import PlankitError

__all__ = ["build_parser", "main"]

#: The line Ctrl-C leaves: every output is written whole or not at all (``plankit.output``).
INTERRUPTED = ("đã dừng (Ctrl-C), không có tệp nào ghi dở / interrupted (Ctrl-C), "
               "no file left half-written")

# Commands in the order the help lists them; modules not listed come after, by name.
ORDER = ("read", "cite", "graph", "diff", "lint", "restore", "draft", "template", "report", "demo")


@functools.cache
def _command_modules() -> tuple[str, ...]:
    """The command modules, listed once per process (the package's folder is read once: a
    second ``main`` in the same process, a notebook's or a test's, does not list it again)."""
    found = {m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")}
    return (*(n for n in ORDER if n in found), *sorted(found - set(ORDER)))


#: argparse's own usage errors, each given its Vietnamese before the English words.
_ARGPARSE_VIETNAMESE = (
    ("the following arguments are required:", "thiếu đối số bắt buộc"),
    ("unrecognized arguments:", "đối số không nhận ra"),
    ("invalid choice:", "giá trị không hợp lệ"),
    ("expected one argument", "thiếu giá trị"),
    ("expected 2 arguments", "thiếu giá trị"),
    ("ambiguous option:", "tùy chọn chưa rõ"),
)


class _Parser(argparse.ArgumentParser):
    """argparse with the usage errors in the convention of every other message, on one line
    (no usage block; the line says where the usage is), exit 2; every help in one layout
    (:class:`~plankit.cli._common.HelpFormatter`) with its headings in Vietnamese and English.
    Subcommands' parsers are of this class too (argparse makes them with the parent's class)."""

    def __init__(self, *args, **kwargs) -> None:
        from ._common import HelpFormatter

        kwargs["formatter_class"] = HelpFormatter
        super().__init__(*args, **kwargs)
        self._positionals.title = "đối số / positional arguments"
        self._optionals.title = "tùy chọn / options"
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = "in trợ giúp này / show this help message and exit"

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        """As argparse's, but an unrecognized argument is refused by the subcommand it was
        given to, so that the line names that command's help (``plankit cite --help``: the
        options it does take), not the list of commands."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            self._innermost(parsed).error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed

    def _innermost(self, parsed: argparse.Namespace) -> argparse.ArgumentParser:
        """The (sub)command parser the parsed arguments reached: ``plankit template check``."""
        parser: argparse.ArgumentParser = self
        while True:
            sub = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
            name = getattr(parsed, sub.dest, None) if sub else None
            if sub is None or name not in sub.choices:
                return parser
            parser = sub.choices[name]

    def error(self, message: str):  # type: ignore[override]
        from ._common import ERROR

        for english, vietnamese in _ARGPARSE_VIETNAMESE:
            message = message.replace(english, f"{vietnamese} / {english}", 1)
        self.exit(2, f"{self.prog}: {ERROR}: {message} (see: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    from ..version import __version__
    from ._common import example

    parser = _Parser(
        prog="plankit",
        description="Đọc, trích dẫn, so sánh, soát lỗi, khôi phục dấu và soạn thảo kế hoạch tuyên "
        "truyền cải cách hành chính.\n\n"
        "Read, cite, diff, lint, restore and draft Vietnamese CCHC communication plans.",
        epilog=example("plankit read plans/ --format table\n"
                       "  plankit demo --copy-plans plans   # the sample plans, from an installed wheel"),
    )
    parser.add_argument("--version", action="version", version=f"plankit {__version__}",
                        help="in số phiên bản / show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="lệnh / commands")
    for name in _command_modules():
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def _utf8(stream) -> None:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")


def _one_line_terminal(process: bool) -> None:
    """Print what the terminal cannot encode as U+FFFD / '?'; end on SIGTERM through ``finally``.

    File names that are not UTF-8 reach Python as lone surrogates; printing them would raise
    UnicodeEncodeError. SIGTERM becomes SystemExit so that writers remove their temporary files.
    """
    import codecs
    import contextlib
    import signal

    def replace(exc: UnicodeError):
        if isinstance(exc, UnicodeEncodeError):
            try:  # an encoder takes a non-ASCII replacement only as bytes
                mark = "\ufffd".encode(exc.encoding)
            except UnicodeError:
                mark = b"?"
            return mark * (exc.end - exc.start), exc.end
        raise exc

    codecs.register_error("plankit.replace", replace)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="plankit.replace")
    if not process:  # main(argv) from a test or a notebook: leave the host's signals alone
        return
    with contextlib.suppress(ValueError):  # ValueError: not the main thread
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 some file failed or lint errors found,
    2 usage error)."""
    from ._common import INPUT_ARGUMENTS, error, on_disk

    _utf8(sys.stdout)
    _utf8(sys.stderr)
    _one_line_terminal(process=argv is None)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    for name in INPUT_ARGUMENTS:  # a Mac's NFD file name typed in NFC still opens
        value = getattr(args, name, None)
        if isinstance(value, str):
            setattr(args, name, on_disk(value))
        elif isinstance(value, list):
            setattr(args, name, [on_disk(v) if isinstance(v, str) else v for v in value])
    try:
        return int(args.func(args) or 0)
    except PlankitError as exc:
        error(str(exc))
        return 2
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a system refusal no module turned into a PlankitError
        from ..errors import _shown
        from ..output import os_reason

        where = f"{_shown(exc.filename)}: " if exc.filename else ""
        error(f"{where}{os_reason(exc)}")
        return 2
    except KeyboardInterrupt:  # writers removed their temporary files on the way out
        from ._common import note

        note(INTERRUPTED)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
