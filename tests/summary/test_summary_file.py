"""The summary file: AES-256 password, atomic writing, paper size, and the CLI."""

from __future__ import annotations

import io
import os

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError
from summary_support import END, MARKED_TEXT, START, pdf_text

from journal.summary import SummaryOptions, build_pdf, gather, write_atomically
from journal.summary.options import paper_for_country, system_country
from journal.summary.render import encrypt

PASSWORD = "tea and biscuits"


def test_password_protected_pdf_needs_the_password_and_uses_aes_256(filled):
    """With a password the PDF is encrypted (AES-256, R 6): wrong password fails, right opens."""
    options = SummaryOptions(
        start=START, end=END, sections=("note", "entries"), password=PASSWORD, note="hi"
    )
    data = build_pdf(gather(filled, options))
    reader = PdfReader(io.BytesIO(data))
    assert reader.is_encrypted
    encrypt_dict = reader.trailer["/Encrypt"]
    assert encrypt_dict["/Filter"] == "/Standard"
    assert encrypt_dict["/V"] == 5 and encrypt_dict["/R"] == 6
    assert encrypt_dict["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    assert not PdfReader(io.BytesIO(data)).decrypt("wrong password")
    assert MARKED_TEXT in pdf_text(data, PASSWORD)
    assert MARKED_TEXT.encode() not in data


def test_encrypted_metadata_names_only_refill():
    """Encrypting keeps Producer as Refill (not the library's name)."""
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    buffer = io.BytesIO()
    with PdfPages(buffer) as pdf:
        pdf.savefig(Figure())
    reader = PdfReader(io.BytesIO(encrypt(buffer.getvalue(), PASSWORD)))
    reader.decrypt(PASSWORD)
    assert reader.metadata.producer == "Refill"


def test_write_is_atomic_on_error(tmp_path, monkeypatch):
    """A failure while writing leaves neither a partial file nor a temporary one behind."""
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"old")

    def broken_fsync(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomically(target, b"%PDF-new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.pdf"]


def test_write_replaces_the_file_privately(tmp_path):
    """The written file holds the new bytes and is readable by its owner only."""
    target = tmp_path / "summary.pdf"
    write_atomically(target, b"%PDF-1.4 new")
    assert target.read_bytes() == b"%PDF-1.4 new"
    assert target.stat().st_mode & 0o077 == 0


def test_paper_follows_the_country():
    """US, Canada, Mexico and the Philippines use Letter, elsewhere A4; from the locale."""
    assert paper_for_country("US") == "letter" and paper_for_country("ph") == "letter"
    assert paper_for_country("DE") == "a4" and paper_for_country(None) == "a4"
    assert system_country({"LANG": "en_CA.UTF-8"}) == "CA"
    assert system_country({"LC_ALL": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}) == "DE"
    assert system_country({"LANG": "C"}) is None


def test_cli_writes_the_summary(refill, tmp_path):
    """`refill export summary` writes a PDF with the chosen sections and says it is unencrypted."""
    assert refill("init").returncode == 0
    out = tmp_path / "summary.pdf"
    result = refill(
        "export",
        "summary",
        "--from",
        START.isoformat(),
        "--to",
        END.isoformat(),
        "--out",
        str(out),
        "--sections",
        "overview,note",
        "--note",
        "Thursday planning",
    )
    assert result.returncode == 0, result.stderr
    assert "NOT encrypted" in result.stderr
    text = pdf_text(out.read_bytes())
    assert "Overview" in text and "Thursday planning" in text
    assert "Patterns worth noticing" not in text


def test_cli_password_file_and_bad_section(refill, tmp_path):
    """--password-file protects the PDF; an unknown section is refused and nothing is written."""
    assert refill("init").returncode == 0
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSWORD + "\n")
    out = tmp_path / "locked.pdf"
    result = refill(
        "export",
        "summary",
        "--out",
        str(out),
        "--sections",
        "overview",
        "--password-file",
        str(secret),
    )
    assert result.returncode == 0, result.stderr
    assert PdfReader(io.BytesIO(out.read_bytes())).is_encrypted
    bad = tmp_path / "bad.pdf"
    result = refill("export", "summary", "--out", str(bad), "--sections", "overview,moods")
    assert result.returncode != 0 and "unknown section 'moods'" in result.stderr
    assert not bad.exists()
