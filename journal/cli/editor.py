"""Writing an entry in the user's editor without leaving plaintext behind.

An editor needs a file. It lives in a private folder (0700) holding one file (0600), in RAM
(``/dev/shm``) when the system has it, and on the way out — normally, on an error, on Ctrl+C or
on SIGTERM/SIGHUP — every file in that folder (editors add swap and backup files beside the one
they edit) is overwritten with zeros and deleted, then the folder is removed.

What this cannot reach: copies an editor keeps elsewhere (vim's undo files and viminfo; these are
switched off for vi/vim/nvim), and blocks a copy-on-write or journaling disk keeps. Piping text to
``refill write`` avoids the file altogether.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from journal.cli.errors import CliError

_RAM_DIR = Path("/dev/shm")
#: vi-family editors: no swap file, no viminfo/shada, no undo or backup files.
_VIM_PRIVATE = ["-n", "-i", "NONE", "--cmd", "set noundofile nobackup nowritebackup"]
_VIM_NAMES = {"vi", "vim", "nvim", "gvim", "view"}


def editor_command() -> list[str]:
    """``$EDITOR``, then ``$VISUAL``, then nano or vi (notepad on Windows), split like a shell."""
    for variable in ("EDITOR", "VISUAL"):
        value = os.environ.get(variable, "").strip()
        if value:
            return shlex.split(value)
    if os.name == "nt":
        return ["notepad"]
    return [shutil.which("nano") or "vi"]


def _private_parent() -> str | None:
    """RAM when it is there and writable, else the system temp folder."""
    if _RAM_DIR.is_dir() and os.access(_RAM_DIR, os.W_OK | os.X_OK):
        return str(_RAM_DIR)
    return None


def shred(path: Path) -> None:
    """Overwrite a file's bytes with zeros in place, flush them to disk, and delete it."""
    with suppress(OSError):
        remaining = path.stat().st_size
        with path.open("r+b", buffering=0) as handle:
            while remaining > 0:
                remaining -= handle.write(b"\0" * min(remaining, 65536))
            os.fsync(handle.fileno())
    with suppress(FileNotFoundError):
        path.unlink()


def _shred_folder(folder: Path) -> None:
    for item in folder.iterdir():
        if item.is_symlink():
            item.unlink()
        elif item.is_dir():
            _shred_folder(item)
        else:
            shred(item)
    folder.rmdir()


class _Terminated(Exception):
    """SIGTERM or SIGHUP arrived while the editor was open."""


@contextmanager
def _signals_during_edit() -> Iterator[None]:
    """Ctrl+C belongs to the editor (as in git); a kill still cleans up before exiting.

    Installed only once the editor runs: an ignored SIGINT would be inherited by it.
    """

    def stop(signum: int, _frame: object) -> None:
        raise _Terminated(signum)

    wanted = {signal.SIGINT: signal.SIG_IGN, signal.SIGTERM: stop}
    if hasattr(signal, "SIGHUP"):
        wanted[signal.SIGHUP] = stop
    previous = {sig: signal.signal(sig, handler) for sig, handler in wanted.items()}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run_editor(argv: list[str]) -> int:
    """Run the editor to completion and return its exit status; stop it if we are killed."""
    try:
        editor = subprocess.Popen(argv)
    except OSError as exc:
        raise CliError(
            f"cannot start the editor {argv[0]!r} ({exc.strerror}); set $EDITOR, or pipe the "
            "text: echo '…' | refill write"
        ) from None
    try:
        with _signals_during_edit():
            return editor.wait()
    except _Terminated:
        editor.kill()
        editor.wait()
        raise CliError("stopped; the draft was wiped and nothing was saved", 130) from None


def edit_text(initial: str = "", suffix: str = ".md") -> str:
    """Open the user's editor on a private temporary file and return what they saved."""
    command = editor_command()
    if Path(command[0]).name in _VIM_NAMES:
        command = [*command, *_VIM_PRIVATE]
    folder = Path(tempfile.mkdtemp(prefix="refill-", dir=_private_parent()))
    try:
        os.chmod(folder, 0o700)
        path = folder / f"entry{suffix}"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial)
        status = run_editor([*command, str(path)])
        if status != 0:
            how = f"exited with status {status}" if status > 0 else "was stopped"
            raise CliError(f"the editor {how}; the draft was wiped and nothing was saved")
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise CliError("the editor saved text that is not UTF-8; nothing was saved") from None
    finally:
        _shred_folder(folder)
