"""The trust tests' summary lines: how many URL x role x method combinations the walk checked."""

from .walk import CHECKED, COUNTED


def pytest_terminal_summary(terminalreporter):
    if CHECKED:
        terminalreporter.write_line(
            f"trust walk: {sum(CHECKED.values())} URL x role x method combinations checked "
            f"({len(CHECKED)} roles)")
    for what, count in sorted(COUNTED.items()):
        terminalreporter.write_line(f"trust: {count} {what}")
