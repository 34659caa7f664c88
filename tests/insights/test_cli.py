"""``refill insights``, ``refill selfcheck`` and ``refill snooze`` as a user runs them."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from personas import START, make
from test_report import check_shape

from journal.insights.selfcheck import QUESTIONS
from journal.store import Journal

AS_OF = (START + dt.timedelta(129)).isoformat()


def _fill(path: Path, passphrase: str) -> None:
    data = make("burnout", 4, days=130).data
    journal = Journal.create(path, passphrase)
    for r in data.checkins:
        journal.checkins.save(r)
    for r in data.sleep:
        journal.sleep.save(r)
    for r in data.sessions:
        journal.sessions.save(r)
    for a in data.activities:
        journal.activities.add(a)
    for c in data.cup_actions:
        journal.cup_actions.add(c)
    journal.close(backup_if_changed=False)


def test_insights_json_matches_design_and_exits_0(refill, journal_path, passphrase) -> None:  # type: ignore[no-untyped-def]
    """`refill insights --json --as-of D` prints one DESIGN-shaped object and exits 0."""
    _fill(journal_path, passphrase)
    result = refill("insights", "--json", "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    check_shape(doc)
    assert doc["as_of"] == AS_OF and doc["flags"]


def test_insights_text_groups_flags_and_says_not_diagnosis(
    refill, journal_path, passphrase
) -> None:  # type: ignore[no-untyped-def]
    """The default text output groups flags by kind, shows actions and the disclaimer."""
    _fill(journal_path, passphrase)
    result = refill("insights", "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    assert "Burnout — load, recovery and strain" in result.stdout
    assert "Might help:" in result.stdout
    assert "Reflection, not diagnosis" in result.stdout


def test_empty_journal_exits_0_and_bad_date_is_an_error(refill, journal) -> None:  # type: ignore[no-untyped-def]
    """With no data insights still exit 0; a malformed --as-of is a usage error."""
    journal.close(backup_if_changed=False)
    ok = refill("insights")
    assert ok.returncode == 0 and "Not enough data yet" in ok.stdout
    bad = refill("insights", "--as-of", "yesterday")
    assert bad.returncode == 2 and "--as-of" in bad.stderr


def test_selfcheck_reads_stdin_and_shows_previous(
    refill, journal, passphrase, journal_path
) -> None:  # type: ignore[no-untyped-def]
    """Answers piped one per line are scored and stored; the second run shows the first."""
    journal.close(backup_if_changed=False)
    first = refill("selfcheck", input="\n".join(["4"] * len(QUESTIONS)) + "\n")
    assert first.returncode == 0, first.stderr
    assert "exhaustion" in first.stdout and "100/100" in first.stdout
    second = refill("selfcheck", input="\n".join(["0"] * len(QUESTIONS)) + "\n")
    assert "(previous 100)" in second.stdout
    bad = refill("selfcheck", input="9\n")
    assert bad.returncode == 2 and "nothing was saved" in bad.stderr
    with Journal.open(journal_path, passphrase=passphrase) as opened:
        assert len(opened.self_checks.between()) == 2


def test_snooze_hides_a_flag_for_a_week(refill, journal_path, passphrase) -> None:  # type: ignore[no-untyped-def]
    """`refill snooze ID` moves that flag to `snoozed`; an unknown id is refused."""
    _fill(journal_path, passphrase)
    before = json.loads(refill("insights", "--json", "--as-of", AS_OF).stdout)
    flag_id = before["flags"][0]["id"]
    assert refill("snooze", flag_id).returncode == 0
    after = json.loads(refill("insights", "--json", "--as-of", AS_OF).stdout)
    assert flag_id not in {f["id"] for f in after["flags"]}
    assert [f["id"] for f in after["snoozed"]] == [flag_id]
    assert after["snoozed"][0]["snoozed_until"] == (dt.date.today() + dt.timedelta(7)).isoformat()
    refused = refill("snooze", "not_a_flag")
    assert refused.returncode == 2 and "is not a flag" in refused.stderr


def test_insights_never_import_qt_or_matplotlib() -> None:
    """Importing and running the insights loads neither PySide6 nor matplotlib."""
    code = (
        "import sys, datetime; import journal.insights as i; import journal.service.insights;"
        "i.analyse(i.JournalData(), datetime.date(2026, 1, 1));"
        "assert 'PySide6' not in sys.modules and 'matplotlib' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
