"""Packaging files: generated from the package, well-formed, consistent with each other."""

from __future__ import annotations

import configparser
import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

from journal import APP_ID, APP_NAME, __version__
from journal.resources import resource_path

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def _builder():
    spec = importlib.util.spec_from_file_location("build_metadata", PACKAGING / "build_metadata.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_files_match_the_package() -> None:
    """The committed .desktop and metainfo equal what the package's name and version give."""
    for path, text in _builder().outputs().items():
        assert path.read_text(encoding="utf-8") == text, (
            f"run packaging/build_metadata.py ({path.name})"
        )


def test_metainfo_is_well_formed_appstream() -> None:
    """The metainfo parses as XML and names the app id, version and desktop file."""
    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID and root.findtext("name") == APP_NAME
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert __version__ in [r.get("version") for r in root.iter("release")]
    assert root.findtext("metadata_license") == "CC0-1.0"


def test_desktop_entry_is_valid() -> None:
    """The desktop entry has the required keys, runs refill and uses the app icon."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"] == APP_NAME
    assert entry["Exec"] == "refill" and entry["Icon"] == APP_ID
    assert entry["Categories"].endswith(";")


def test_app_icon_is_an_svg() -> None:
    """The icon the desktop entry names exists and is well-formed SVG."""
    root = ET.parse(resource_path("icons", f"{APP_ID}.svg")).getroot()
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 128 128"


def test_pre_rendered_icons_exist_for_every_size() -> None:
    """The PNGs the window loads exist at every size the render script makes."""
    from PySide6.QtGui import QImage

    spec = importlib.util.spec_from_file_location("render_icons", PACKAGING / "render_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for size in module.SIZES:
        image = QImage(str(module.png_path(size)))
        assert (image.width(), image.height()) == (size, size)
