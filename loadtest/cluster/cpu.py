"""The CPU each part of make load-cluster used while locust ran: which one saturates the machine.

    python loadtest/cluster/cpu.py RUN_DIR      (in the background; SIGTERM ends it)

Every second it reads /proc: the CPU time of each process (user + system) of the app servers (gunicorn),
PostgreSQL, locust, nginx and Redis, and the machine's total from /proc/stat; the rest ("other") is
everything else on the machine: other people's work, the kernel. On SIGTERM it writes RUN_DIR/cpu.txt:
the cores each used on average over the whole run and since every browser had started (RUN_DIR/all_started,
written by the locustfile). A process that ends loses at most its last second. Standard library only.
"""

import os
import signal
import sys
import time
from pathlib import Path

PARTS = ("gunicorn", "postgres", "locust", "nginx", "redis")
TICK = os.sysconf("SC_CLK_TCK")


def part_of(pid: str) -> str | None:
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        name = Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return None
    return next((part for part in PARTS if part in command or name.startswith(part)), None)


def machine_busy() -> int:
    fields = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields) - fields[3] - fields[4]  # all but idle and iowait


class Sampler:
    def __init__(self):
        self.seen: dict[tuple, int] = {}  # (pid, start time) -> its ticks at the last sample
        self.parts: dict[tuple, str | None] = {}  # (pid, start time) -> the part it is of, if any
        self.used = dict.fromkeys(PARTS, 0)
        self.started_busy = machine_busy()
        self.samples: list[tuple[float, dict, int]] = []
        self.sample(first=True)

    def sample(self, first: bool = False) -> None:
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            key, ticks = (pid, stat[19]), int(stat[11]) + int(stat[12])
            if key not in self.parts:
                self.parts[key] = part_of(pid)
            part = self.parts[key]
            if part is None:
                continue
            before = self.seen.get(key, ticks if first else 0)  # a process new since the start: all its time
            self.used[part] += ticks - before
            self.seen[key] = ticks
        self.samples.append((time.time(), dict(self.used), machine_busy() - self.started_busy))

    def summary(self, since: float | None) -> list[str]:
        lines = []
        windows = [("the whole run", self.samples[0])]
        if since is not None:
            windows.append(("since every browser had started",
                            next((s for s in self.samples if s[0] >= since), self.samples[-1])))
        end_at, end_used, end_busy = self.samples[-1]
        for what, (at, used, busy) in windows:
            seconds = max(end_at - at, 1e-9)
            cores = {part: (end_used[part] - used[part]) / TICK / seconds for part in PARTS}
            cores["other"] = max(0.0, (end_busy - busy) / TICK / seconds - sum(cores.values()))
            total = sum(cores.values())
            lines.append(f"CPU, {what} ({seconds:.0f} s), in cores of {os.cpu_count()}: "
                         + ", ".join(f"{part} {n:.2f}" for part, n in cores.items()) + f"; in all {total:.2f}")
        return lines


def main(run_dir: Path) -> None:
    sampler = Sampler()
    running = [True]
    signal.signal(signal.SIGTERM, lambda *_: running.clear())
    while running:
        time.sleep(1)
        sampler.sample()
    cue = run_dir / "all_started"
    since = float(cue.read_text()) if cue.exists() else None
    (run_dir / "cpu.txt").write_text("\n".join(sampler.summary(since)) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
