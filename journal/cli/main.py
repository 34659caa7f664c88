"""Entry point of ``refill``: sub-commands for headless use, the window without one.

Sub-command modules live in ``journal.cli.commands`` and are discovered, so adding a command
never edits this file. Nothing here imports Qt or matplotlib: the window is imported only when
no sub-command is given.

A launch of the window pays for as little of the command line as possible: without a command
word it parses the top-level options alone (no command module, no early key derivation).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from journal import __version__
from journal.cli import commands
from journal.cli.errors import CliError
from journal.hardening import disable_core_dumps


def common_options() -> argparse.ArgumentParser:
    """Options every sub-command takes."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--journal", metavar="PATH", help="journal file (default: the user data folder)"
    )
    common.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the passphrase from the first line of FILE (else REFILL_PASSPHRASE or a prompt)",
    )
    return common


EXIT_STATUS = """exit status:
  0    done
  1    bad input (nothing was written)
  2    wrong passphrase, or a command-line usage error
  3    no journal (or no such file) there
  4    not a Refill journal, or damaged
  5    written by a newer Refill
  6    open in another Refill window
  7    already exists
  8    cannot write there: a read-only place or a full disk (nothing was changed)
  130  interrupted"""


def command_modules() -> dict[str, str]:
    """Sub-command name → module name, read from the folder without importing anything.

    A module is named after its command; ``_cmd`` is appended where the name is a Python keyword
    (``import_cmd`` registers ``import``).
    """
    folder = Path(commands.__file__).parent
    return {
        path.stem.removesuffix("_cmd"): path.stem
        for path in sorted(folder.glob("*.py"))
        if not path.stem.startswith("_")
    }


#: Options that take a value (``--journal PATH``): the word after one is never a command.
VALUE_OPTIONS = ("--journal", "--passphrase-file")


def _takes_value(arg: str) -> bool:
    """``arg`` is a value-taking option without its value attached (argparse also accepts any
    unambiguous prefix, such as ``--jour``)."""
    return len(arg) > 2 and "=" not in arg and any(o.startswith(arg) for o in VALUE_OPTIONS)


def command_word(argv: Sequence[str]) -> str | None:
    """The first word of ``argv`` that is neither an option nor an option's value: the command
    (or a mistyped one); ``None`` when there is none (the window)."""
    value_next = False
    for arg in argv:
        if value_next:
            value_next = False
        elif arg.startswith("-"):
            value_next = _takes_value(arg)
        else:
            return arg
    return None


def _modules_needed(argv: Sequence[str]) -> list[str]:
    """Only the module of the command being run: importing all of them would cost every
    ``refill search`` and every window launch about 100 ms."""
    word = command_word(argv)
    if word is None and not any(arg in ("-h", "--help") for arg in argv):
        return []  # the window: top-level options only
    known = command_modules()
    if word in known:
        return [known[word]]
    return list(known.values())  # help, or a mistyped command: argparse lists them all


def build_parser(modules: Iterable[str] | None = None) -> argparse.ArgumentParser:
    """The ``refill`` parser with the given command modules (default: all of them); with none,
    the top-level options alone, which is all a launch of the window needs."""
    parser = argparse.ArgumentParser(
        prog="refill",
        description="Refill — an offline, encrypted journal for clinicians' own wellbeing. "
        "Without a command, opens the window.",
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"refill {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open the window on a fresh demo journal"
    )
    parser.add_argument("--journal", metavar="PATH", help="journal file to open in the window")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    names = list(command_modules().values() if modules is None else modules)
    common = common_options() if names else None
    for name in names:
        module = importlib.import_module(f"{commands.__name__}.{name}")
        module.register(sub, common)
    return parser


def _run_window(args: argparse.Namespace) -> int:
    try:
        from journal.ui.app import run_app
    except ImportError as exc:
        raise CliError(f"the window cannot start: {exc}") from None
    return int(run_app(journal=args.journal, demo=args.demo))


def main(argv: Sequence[str] | None = None) -> int:
    disable_core_dumps()
    arguments = list(sys.argv[1:] if argv is None else argv)
    modules = _modules_needed(arguments)
    if modules:  # a command (or help): start deriving its key at once; never for the window
        from journal.cli import early_key

        early_key.start(arguments)
    args = build_parser(modules).parse_args(arguments)
    try:
        run = getattr(args, "run", None)
        if run is None:
            return _run_window(args)
        return int(run(args) or 0)
    except CliError as exc:
        print(f"refill: {exc.message}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("refill: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file the user named cannot be written or read: say which
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"refill: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
