"""Geometry of the report's two charts, drawn as inline SVG by the templates.

Black and white on purpose: the trend is a black line with square markers, the per-step bars are
outlined with their share written at the end, and the threshold is a dashed line, so a printed
copy on a monochrome printer reads the same as the screen.
"""

from dataclasses import dataclass

WIDTH, HEIGHT = 720, 240
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
    row_height, label_width = 30, 250
    height = TOP + row_height * len(steps) + BOTTOM
    inner = WIDTH - label_width - RIGHT - 48
    bars = [{"y": TOP + row_height * index, "label": f"{s['number']}. {s['name']}", "share": s["share"],
             "width": round(inner * (s["share"] or 0) / 100, 1), "no_standard": s["standard_minutes"] is None,
             "below": s["share"] is not None and s["share"] < threshold}
            for index, s in enumerate(steps)]
    grid = [(round(label_width + inner * share / 100, 1), f"{share}%") for share in (0, 50, 100)]
    return Chart(WIDTH, height, bars, grid, threshold_x=round(label_width + inner * threshold / 100, 1))
