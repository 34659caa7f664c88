"""After a full run of the commands, no file but the requested export holds entry text.

A unique canary string goes into entry titles, bodies, tags and notes through every way of
writing; then every file under the journal's folder and the processes' TMPDIR is scanned for it
in UTF-8 and UTF-16-LE. The export the user asked for must contain it — proof the scan works.
"""

from __future__ import annotations

import json
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

FAKE_EDITOR = """\
import json, os, sys
with open(sys.argv[-1], "w", encoding="utf-8") as handle:
    handle.write(os.environ["FAKE_TEXT"])
with open(os.environ["FAKE_LOG"], "w") as handle:
    json.dump({"path": sys.argv[-1]}, handle)
"""

NEW_PASSPHRASE = "another long passphrase"


def _encodings(canary: str) -> list[bytes]:
    return [canary.encode("utf-8"), canary.encode("utf-16-le")]


def _files_under(*folders: Path) -> Iterator[Path]:
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink():
                yield path


def _holding(canary: str, *folders: Path) -> list[Path]:
    needles = _encodings(canary)
    return [path for path in _files_under(*folders) if any(n in path.read_bytes() for n in needles)]


def test_no_plaintext_left_after_a_full_session(refill, tmp_path: Path, passphrase: str) -> None:
    """After every command has run, only the requested export file contains the canary."""
    canary = f"canary{uuid.uuid4().hex}"
    folder = tmp_path / "journal-folder"
    folder.mkdir()
    temp = tmp_path / "tmp"
    temp.mkdir()
    tools = tmp_path / "tools"
    tools.mkdir()
    journal = folder / "journal.refill"
    second = folder / "second.refill"
    export = folder / "everything.json"
    script = tools / "fake_editor.py"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    new_secret = tools / "new-passphrase.txt"
    new_secret.write_text(NEW_PASSPHRASE, encoding="utf-8")
    env = {"TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}
    editor_env = {
        **env,
        "EDITOR": f"{sys.executable} {script}",
        "FAKE_TEXT": f"Edited text with {canary} in it.\n",
        "FAKE_LOG": str(tools / "editor.json"),
    }

    def run(*args: str, **kw: object) -> str:
        options = {"env": env, "journal": journal, **kw}
        result = refill(*args, **options)
        assert result.returncode == 0, (args, result.stderr)
        return result.stdout

    run("init")
    run("write", "--title", f"Title {canary}", "--tag", canary, input=f"Body {canary}\n")
    run("write", "--edit", "--include-in-summary", env=editor_env)
    run("log", "checkin", "--mood", "5", "--note", f"note {canary}")
    run("log", "sleep", "--bedtime", "23:00", "--wake_time", "07:00")
    run("log", "sessions", "--sessions", "4", "--trauma_sessions", "1")
    run("log", "activity", "--kind", "walk", "--minutes", "30")
    run("log", "cup", "--title", f"cup {canary}", "--note", f"cup note {canary}")
    assert canary in run("search", canary)
    assert canary in run("show", "--date", "today")
    daily = tools / "daily.csv"
    daily.write_text(f"date,mood,note\n2026-01-05,6,csv {canary}\n", encoding="utf-8")
    run("import", str(daily))
    assert canary in run("show", "--id", "2")
    assert canary in run("export", "--format", "csv")
    assert canary in run("export", "--format", "markdown")
    run("export", "--format", "json", "--out", str(export))
    refill_second = {"journal": second}
    run("init", **refill_second)
    run("import", str(export), **refill_second)
    run("backup")
    run("backup", "--list")
    snapshot = folder / "snapshot.refill-backup"
    run("backup", "--out", str(snapshot))
    run("restore", str(snapshot))
    run("passwd", "--new-passphrase-file", str(new_secret))
    run("check", passphrase=NEW_PASSPHRASE)

    draft = Path(json.loads((tools / "editor.json").read_text(encoding="utf-8"))["path"])
    assert not draft.exists() and not draft.parent.exists()
    scanned = list(_files_under(folder, temp))
    assert any(path.name.endswith(".refill-backup") for path in scanned)
    assert any(".replaced-" in path.name for path in scanned)
    ram = list(Path("/dev/shm").glob("refill-*")) if Path("/dev/shm").is_dir() else []
    assert _holding(canary, folder, temp, *ram) == [export]
