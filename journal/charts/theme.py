"""Colours and line styles for the charts, light and dark, readable with colour-blindness.

Series colours come from the Okabe–Ito palette, which stays distinguishable for the common
forms of colour-blindness; every series also has its own line style and marker, so colour is
never the only cue (and a greyscale print still reads). The dark palette keeps the same hues
but swaps black for light grey and lifts the blue, which is too dark on a dark background.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Style:
    """How one series is drawn."""

    color: str
    linestyle: str
    marker: str


@dataclass(frozen=True)
class ChartTheme:
    """Everything a figure function needs to know about colours."""

    name: str
    background: str
    foreground: str
    muted: str  # secondary text, target lines
    grid: str
    band_alpha: float
    heatmap: str  # a perceptually uniform, colour-blind-safe colormap
    series: dict[str, Style] = field(default_factory=dict)

    def style(self, name: str) -> Style:
        return self.series[name]


_OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}


def _series(blue: str, neutral: str) -> dict[str, Style]:
    c = _OKABE_ITO
    return {
        "mood": Style(blue, "-", "o"),
        "energy": Style(c["orange"], "--", "s"),
        "stress": Style(c["vermillion"], ":", "^"),
        "sleep_hours": Style(blue, "-", "o"),
        "trauma_hours": Style(c["vermillion"], "-", "s"),
        "other_hours": Style(c["sky"], "-", "o"),
        "activity_minutes": Style(c["green"], "-", "o"),
        "day_off": Style(c["purple"], "", "v"),
        "cup_actions": Style(c["green"], "", "o"),
        "exhaustion": Style(c["vermillion"], "-", "o"),
        "detachment": Style(c["orange"], "--", "s"),
        "secondary_trauma": Style(c["purple"], "-.", "^"),
        "satisfaction": Style(c["green"], ":", "D"),
        "target": Style(neutral, "--", ""),
    }


LIGHT = ChartTheme(
    name="light",
    background="#FFFFFF",
    foreground="#1A1A1A",
    muted="#5F5F5F",
    grid="#E3E3E3",
    band_alpha=0.18,
    heatmap="viridis",
    series=_series(_OKABE_ITO["blue"], "#4D4D4D"),
)

DARK = ChartTheme(
    name="dark",
    background="#1E1F22",
    foreground="#E8E8E8",
    muted="#ABABAB",
    grid="#3A3C40",
    band_alpha=0.28,
    heatmap="viridis",
    series=_series("#5AA9E6", "#C8C8C8"),
)


def theme_for(dark: bool) -> ChartTheme:
    return DARK if dark else LIGHT
