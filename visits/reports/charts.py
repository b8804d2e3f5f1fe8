"""Geometry of the report's two charts, drawn as inline SVG by the templates.

Black and white on purpose: the trend is a black line with square markers, the per-step bars are
outlined with their share written at the end, and the threshold is a dashed line, so a printed
copy on a monochrome printer reads the same as the screen.
"""

import textwrap
from dataclasses import dataclass

WIDTH, HEIGHT = 720, 240
# The step chart sits in the narrower column (5 of 12 at 1366 px): a viewBox about as wide as it is
# drawn keeps its 12-unit type at about 12 px instead of the 8 px a 720-wide one shrank to.
STEP_WIDTH, STEP_LABEL_WIDTH, STEP_ROW = 520, 200, 40
LABEL_CHARS = 27  # a step's name wraps onto two lines of this many characters, never cut
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 36
MAX_X_LABELS = 16


@dataclass
class Chart:
    width: int
    height: int
    marks: list  # what the chart draws: points or bars
    grid: list  # (y, label) of the horizontal grid lines
    threshold_y: float | None = None
    threshold_x: float | None = None
    line: str = ""  # the trend's polyline points


def _y(share: float, height: int) -> float:
    return round(TOP + (height - TOP - BOTTOM) * (1 - share / 100), 1)


def trend_chart(by_day: list[dict], threshold: int) -> Chart:
    """Compliance per day; a day without a verdict gets no marker (not a false zero)."""
    inner = WIDTH - LEFT - RIGHT
    step = inner / max(len(by_day) - 1, 1)
    every = max(1, -(-len(by_day) // MAX_X_LABELS))
    points = []
    for index, row in enumerate(by_day):
        x = round(LEFT + (step * index if len(by_day) > 1 else inner / 2), 1)
        points.append({"x": x, "y": _y(row["share"], HEIGHT) if row["share"] is not None else None,
                       "share": row["share"], "day": row["day"],
                       "label": row["day"].strftime("%d/%m") if index % every == 0 else ""})
    line = " ".join(f"{p['x']},{p['y']}" for p in points if p["y"] is not None)
    grid = [(_y(share, HEIGHT), f"{share}%") for share in (0, 25, 50, 75, 100)]
    return Chart(WIDTH, HEIGHT, points, grid, threshold_y=_y(threshold, HEIGHT), line=line)


def step_chart(steps: list[dict], threshold: int) -> Chart:
    """One horizontal bar per SOP step: its share within standard (no bar for a step without one)."""
    height = TOP + STEP_ROW * len(steps) + BOTTOM
    inner = STEP_WIDTH - STEP_LABEL_WIDTH - RIGHT - 150  # room after a bar for "85,0% (di bawah ambang)"
    bars = [{"y": TOP + STEP_ROW * index, "lines": _label_lines(f"{s['number']}. {s['name']}"),
             "share": s["share"], "width": round(inner * (s["share"] or 0) / 100, 1),
             "no_standard": s["standard_minutes"] is None, "below": s["share"] is not None and s["share"] < threshold}
            for index, s in enumerate(steps)]
    grid = [(round(STEP_LABEL_WIDTH + inner * share / 100, 1), f"{share}%") for share in (0, 50, 100)]
    return Chart(STEP_WIDTH, height, bars, grid, threshold_x=round(STEP_LABEL_WIDTH + inner * threshold / 100, 1))


def _label_lines(label: str) -> list[str]:
    lines = textwrap.wrap(label, LABEL_CHARS)
    return lines if len(lines) <= 2 else [lines[0], textwrap.shorten(" ".join(lines[1:]), LABEL_CHARS, placeholder="…")]
