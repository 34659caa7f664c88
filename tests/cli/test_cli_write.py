"""`refill write`: from stdin or an editor, never leaving the draft on disk."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from journal.cli.editor import shred

FAKE_EDITOR = """\
import json, os, signal, stat, sys, time
path = sys.argv[-1]
folder = os.path.dirname(path)
info = {"path": path, "file_mode": stat.S_IMODE(os.stat(path).st_mode),
        "dir_mode": stat.S_IMODE(os.stat(folder).st_mode),
        "ctrl_c_ignored": signal.getsignal(signal.SIGINT) == signal.SIG_IGN}
with open(path, "w", encoding="utf-8") as handle:
    handle.write(os.environ["FAKE_TEXT"])
with open(path + ".swp", "w") as handle:
    handle.write("swap copy: " + os.environ["FAKE_TEXT"])
with open(os.environ["FAKE_LOG"], "w") as handle:
    json.dump(info, handle)
if os.environ.get("FAKE_HANG"):
    time.sleep(120)
sys.exit(int(os.environ.get("FAKE_STATUS", "0")))
"""


@pytest.fixture
def editor(tmp_path: Path) -> Callable[..., dict[str, str]]:
    """``editor(text, status=0, hang=False)`` → env running a fake $EDITOR that writes ``text``
    (and a swap file beside it) and logs the path and modes it was given to ``FAKE_LOG``."""
    script = tmp_path / "fake_editor.py"
    script.write_text(FAKE_EDITOR, encoding="utf-8")

    def env(text: str, status: int = 0, hang: bool = False) -> dict[str, str]:
        values = {
            "EDITOR": f"{sys.executable} {script}",
            "FAKE_TEXT": text,
            "FAKE_LOG": str(tmp_path / "editor-log.json"),
            "FAKE_STATUS": str(status),
        }
        if hang:
            values["FAKE_HANG"] = "1"
        return values

    return env


def _editor_log(tmp_path: Path) -> dict[str, object]:
    return json.loads((tmp_path / "editor-log.json").read_text(encoding="utf-8"))


def test_stdin_entry_is_saved_with_its_options(refill, made: Path, reopen) -> None:
    """Piped text is the body, with title, tags, prompt and summary flag; it is not echoed."""
    result = refill(
        "write",
        "--date",
        "2026-03-02",
        "--title",
        "After the tribunal",
        "--tag",
        "Work",
        "--tag",
        "#hard day",
        "--prompt",
        "what_drained",
        "--include-in-summary",
        input="Long day. I noticed my shoulders again.\n",
    )
    assert result.returncode == 0, result.stderr
    assert "Saved entry 1 for 2026-03-02: After the tribunal #work #hard-day" in result.stdout
    assert "shoulders" not in result.stdout + result.stderr
    with reopen(made) as journal:
        entry = journal.entries.get(1)
    assert entry.body == "Long day. I noticed my shoulders again.\n"
    assert (entry.tags, entry.prompt_id, entry.include_in_summary) == (
        ("work", "hard-day"),
        "what_drained",
        True,
    )


def test_markdown_heading_becomes_the_title(refill, made: Path, reopen) -> None:
    """Without --title, a first line '# Title' is the title and leaves the body."""
    result = refill("write", input="# Quiet evening\n\nRead for an hour.\n")
    assert result.returncode == 0, result.stderr
    with reopen(made) as journal:
        entry = journal.entries.get(1)
    assert (entry.title, entry.body) == ("Quiet evening", "Read for an hour.")


def test_empty_entry_is_refused(refill, made: Path, digest: Callable[[Path], str]) -> None:
    """Whitespace only: a clear message, exit 1, nothing written."""
    before = digest(made)
    result = refill("write", "--title", "nothing", input=" \n\n")
    assert result.returncode == 1
    assert result.stderr == "refill: the entry is empty; nothing was saved\n"
    assert digest(made) == before


def test_stdin_that_is_not_utf8_is_refused(made: Path, passphrase: str, digest) -> None:
    """Bytes that are not UTF-8 on stdin: a clear message, exit 1, nothing written."""
    before = digest(made)
    result = subprocess.run(
        [sys.executable, "-m", "journal", "write", "--journal", str(made)],
        input=b"caf\xe9 latin-1 text\n",
        capture_output=True,
        env={**os.environ, "REFILL_PASSPHRASE": passphrase},
    )
    assert result.returncode == 1
    assert result.stderr == b"refill: the text on stdin is not UTF-8; nothing was saved\n"
    assert digest(made) == before


def test_too_long_title_is_refused_before_anything_opens(refill, made: Path) -> None:
    """An over-long title is named with its limit and needs no passphrase."""
    result = refill("write", "--title", "x" * 301, input="text", passphrase=None)
    assert result.returncode == 1
    assert result.stderr.startswith("refill: title: is too long (301 characters, at most 300)")


def test_editor_entry_is_saved_and_its_files_are_gone(
    refill, made: Path, reopen, editor, tmp_path: Path
) -> None:
    """The editor gets a 0600 file in a 0700 folder and Ctrl+C; then both (and its swap) go."""
    result = refill("write", "--edit", "--title", "From vim", env=editor("Written in an editor\n"))
    assert result.returncode == 0, result.stderr
    log = _editor_log(tmp_path)
    assert (log["file_mode"], log["dir_mode"]) == (0o600, 0o700)
    assert log["ctrl_c_ignored"] is False
    draft = Path(str(log["path"]))
    assert not draft.exists() and not draft.parent.exists()
    if Path("/dev/shm").is_dir():
        assert str(draft).startswith("/dev/shm/")
    with reopen(made) as journal:
        assert journal.entries.get(1).body == "Written in an editor\n"


def test_failed_editor_saves_nothing_and_wipes_the_draft(
    refill, made: Path, digest: Callable[[Path], str], editor, tmp_path: Path
) -> None:
    """An editor exiting with an error: exit 1, nothing saved, the draft folder removed."""
    before = digest(made)
    result = refill("write", "--edit", env=editor("half a thought", status=3))
    assert result.returncode == 1
    assert "the editor exited with status 3; the draft was wiped" in result.stderr
    assert not Path(str(_editor_log(tmp_path)["path"])).parent.exists()
    assert digest(made) == before


def test_missing_editor_is_explained(refill, made: Path) -> None:
    """An $EDITOR that does not exist: a message suggesting $EDITOR or piping."""
    result = refill("write", "--edit", env={"EDITOR": "/nonexistent/editor"})
    assert result.returncode == 1
    assert "cannot start the editor '/nonexistent/editor'" in result.stderr


def _run_in_background(made: Path, passphrase: str, env: dict[str, str], **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "journal", "write", "--journal", str(made), *kw.pop("args", ())],
        env={**os.environ, "REFILL_PASSPHRASE": passphrase, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def _wait_for(path: Path, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the editor never started"
        time.sleep(0.02)


def test_terminated_while_editing_wipes_the_draft(
    made: Path, passphrase: str, editor, tmp_path: Path, digest: Callable[[Path], str]
) -> None:
    """SIGTERM while editing stops the editor, wipes the draft folder and saves nothing."""
    before = digest(made)
    process = _run_in_background(
        made,
        passphrase,
        editor("private words", hang=True),
        args=["--edit"],
        stdin=subprocess.DEVNULL,
    )
    _wait_for(tmp_path / "editor-log.json", process)
    draft = Path(str(_editor_log(tmp_path)["path"]))
    assert draft.exists()
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "the draft was wiped and nothing was saved" in err
    assert not draft.parent.exists()
    assert digest(made) == before


def test_terminal_stdin_opens_the_editor(made: Path, passphrase: str, editor, reopen) -> None:
    """When stdin is a terminal (a pty here) the editor opens without --edit."""
    controller, terminal = os.openpty()
    try:
        process = _run_in_background(
            made, passphrase, editor("typed in a terminal"), stdin=terminal
        )
        _out, err = process.communicate(timeout=60)
    finally:
        os.close(terminal)
        os.close(controller)
    assert process.returncode == 0, err
    with reopen(made) as journal:
        assert journal.entries.get(1).body == "typed in a terminal"


def test_shred_overwrites_before_deleting(tmp_path: Path) -> None:
    """shred() zeroes the file's bytes in place (seen through a second link) and unlinks it."""
    draft = tmp_path / "draft.md"
    draft.write_bytes(b"secret words " * 1000)
    other_name = tmp_path / "other-link"
    os.link(draft, other_name)
    shred(draft)
    assert not draft.exists()
    assert other_name.read_bytes() == b"\0" * len(b"secret words " * 1000)
