"""Locate the data files in ``resources/`` (catalogue, prompts, crisis lines, styles).

They live beside the package in the source tree, which is what the editable install the README
uses sees; ``REFILL_RESOURCES`` points elsewhere for packaged builds.
"""

from __future__ import annotations

import os
from pathlib import Path


def resources_dir() -> Path:
    """The folder holding Refill's data files."""
    override = os.environ.get("REFILL_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of one data file, e.g. ``resource_path("cup_actions.json")``."""
    return resources_dir().joinpath(*parts)
