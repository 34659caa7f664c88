"""Write the desktop entry and AppStream metainfo from the package's own name and version.

    python packaging/build_metadata.py      # rewrites the two files beside this script

The files are committed (distributions read them from the source tree); a test renders them
again and fails when they have drifted from ``journal.__version__`` / ``APP_ID``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from journal import APP_ID, APP_NAME, __version__  # noqa: E402

SUMMARY = "Private, encrypted self-care journal for clinicians"
#: Release dates by version; a new version needs its line here (and in the metainfo).
RELEASES = {"0.1.0": "2026-11-23"}
DESCRIPTION = (
    "Refill is an offline journal where clinicians (therapists, counsellors, school "
    "psychologists) look after their own wellbeing.",
    "Write daily reflections, log sleep, movement and session load, do a quick check-in, and "
    "see private trends and gentle signs of burnout and compassion fatigue, each with its "
    "evidence and matched actions to fill your cup. A supervisor summary can be exported as a "
    "PDF.",
    "Everything stays in one encrypted file on your own computer: no account and no network "
    "connections. Refill offers reflection, never diagnosis.",
)


def desktop_entry() -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            f"Name={APP_NAME}",
            "GenericName=Wellbeing Journal",
            f"Comment={SUMMARY}",
            "Exec=refill",
            f"Icon={APP_ID}",
            "Terminal=false",
            "Categories=Office;Utility;",
            "Keywords=journal;diary;wellbeing;burnout;therapist;clinician;encrypted;",
            f"StartupWMClass={APP_NAME}",
            "",
        ]
    )


def metainfo() -> str:
    if __version__ not in RELEASES:
        raise SystemExit(f"add a release date for {__version__} to RELEASES")
    paragraphs = "\n".join(f"    <p>{escape(p)}</p>" for p in DESCRIPTION)
    releases = "\n".join(
        f'    <release version="{version}" date="{date}"/>'
        for version, date in sorted(RELEASES.items(), reverse=True)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>{APP_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>GPL-3.0-or-later</project_license>
  <name>{escape(APP_NAME)}</name>
  <summary>{escape(SUMMARY)}</summary>
  <description>
{paragraphs}
  </description>
  <launchable type="desktop-id">{APP_ID}.desktop</launchable>
  <icon type="stock">{APP_ID}</icon>
  <categories>
    <category>Office</category>
    <category>Utility</category>
  </categories>
  <content_rating type="oars-1.1"/>
  <provides>
    <binary>refill</binary>
  </provides>
  <releases>
{releases}
  </releases>
</component>
"""


def outputs() -> dict[Path, str]:
    """Each packaging file and the text it should hold."""
    return {
        HERE / f"{APP_ID}.desktop": desktop_entry(),
        HERE / f"{APP_ID}.metainfo.xml": metainfo(),
    }


if __name__ == "__main__":
    for path, text in outputs().items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parent)}")
