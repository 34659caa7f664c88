"""jrnl 4.6 as a peer: installed in its own throwaway venv, fed the demo journal's entries.

Everything lives under ``<workdir>/jrnl`` (venv, HOME, XDG folders and keyring file), so the
real home and keychain are never touched. jrnl keeps the encrypted journal's password in
keyrings.alt's plaintext keyring (selected with ``PYTHON_KEYRING_BACKEND``), so ``-contains``
runs without a prompt, as it does for a user who answered "yes" to storing it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import venv
from pathlib import Path

from benchmarks.processes import Finished, run_process
from journal.demo import COMMON_WORD
from journal.store import Journal

VERSION = "4.6"
PASSWORD = "jrnl benchmark password"
_TIME_FORMAT = "%Y-%m-%d %H:%M"
_HEADER = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} ", re.MULTILINE)


class JrnlUnavailable(RuntimeError):
    """jrnl could not be installed or set up (no network, unsupported Python…)."""


class Jrnl:
    def __init__(self, workdir: Path) -> None:
        self.root = workdir / "jrnl"
        self.venv = self.root / "venv"
        self.home = self.root / "home"
        self.exe = self.venv / "bin" / "jrnl"
        self.plain = self.root / "plain.txt"
        self.secret = self.root / "secret.txt"
        self.env = {
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "NO_COLOR": "1",
        }

    # ------------------------------------------------------------------ setting up
    def install(self) -> None:
        """Create the venv and ``pip install jrnl==4.6 keyrings.alt`` unless already there."""
        if self.exe.exists():
            return
        shutil.rmtree(self.venv, ignore_errors=True)
        venv.create(self.venv, with_pip=True)
        pip = [
            str(self.venv / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            f"jrnl=={VERSION}",
            "keyrings.alt",
        ]
        try:
            result = subprocess.run(pip, capture_output=True, text=True, timeout=900)
        except subprocess.TimeoutExpired:
            raise JrnlUnavailable("pip install jrnl timed out") from None
        if result.returncode != 0 or not self.exe.exists():
            lines = (result.stderr or result.stdout).strip().splitlines()
            shutil.rmtree(self.venv, ignore_errors=True)
            raise JrnlUnavailable(
                f"pip install jrnl=={VERSION} failed: {lines[-1] if lines else 'no output'}"
            )

    def load(self, journal_path: Path, passphrase: str) -> int:
        """Write the demo's entries as a plain jrnl journal and an encrypted copy; the number of
        entries. Reused while the demo journal is unchanged."""
        stamp_file = self.root / "source.stamp"
        source = journal_path.stat()
        stamp = f"{journal_path}:{source.st_size}:{source.st_mtime_ns}"
        if self.secret.exists() and stamp_file.exists() and stamp_file.read_text() == stamp:
            return self._text_count(self.plain)
        shutil.rmtree(self.home, ignore_errors=True)
        self._write_config()
        count = self._write_plain(journal_path, passphrase)
        shutil.copyfile(self.plain, self.secret)
        self._encrypt()
        stamp_file.write_text(stamp)
        return count

    def _write_config(self) -> None:
        config = self.home / ".config" / "jrnl" / "jrnl.yaml"
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text(
            "colors: {body: none, date: none, tags: none, title: none}\n"
            "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\n"
            "highlight: false\nindent_character: '|'\n"
            f"journals:\n  default: {{journal: {self.plain}}}\n"
            f"  secret: {{journal: {self.secret}, encrypt: false}}\n"
            "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
            f"timeformat: '{_TIME_FORMAT}'\nversion: v{VERSION}\n"
        )

    def _write_plain(self, journal_path: Path, passphrase: str) -> int:
        """jrnl's own file format: ``[YYYY-MM-DD HH:MM] Title`` then the body, blank-line apart."""
        with Journal.open(journal_path, passphrase=passphrase) as journal:
            entries = journal.entries.between()
        with self.plain.open("w", encoding="utf-8") as out:
            for entry in entries:
                stamp = (entry.created_at or f"{entry.date}T09:00")[:16].replace("T", " ")
                if not stamp.startswith(entry.date):
                    stamp = f"{entry.date} 09:00"
                out.write(f"[{stamp}] {entry.title}\n{entry.body}\n\n")
        return len(entries)

    def _text_count(self, path: Path) -> int:
        return len(re.findall(r"^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}\] ", path.read_text(), re.M))

    def _encrypt(self) -> None:
        """``jrnl secret --encrypt``: the password twice on stdin, then "yes, keep it"."""
        done = run_process(
            [str(self.exe), "secret", "--encrypt"],
            env=self.env,
            input=f"{PASSWORD}\n{PASSWORD}\ny\n",
            detach_tty=True,
        )
        if done.returncode != 0:
            raise JrnlUnavailable(f"jrnl --encrypt failed: {done.stderr.strip()[-200:]}")
        data = self.secret.read_bytes()
        if COMMON_WORD.encode() in data or data.startswith(b"["):
            raise JrnlUnavailable("jrnl --encrypt left the journal readable")

    # ------------------------------------------------------------------ searching
    def contains(self, text: str, *, encrypted: bool) -> tuple[Finished, int]:
        """One whole-process ``jrnl [secret] -contains TEXT`` and the number of entries shown."""
        command = [str(self.exe), *(["secret"] if encrypted else []), "-contains", text]
        done = run_process(command, env=self.env, detach_tty=True).check()
        return done, len(_HEADER.findall(done.stdout))
