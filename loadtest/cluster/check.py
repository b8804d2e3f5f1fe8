"""What make load-cluster proves once the day is over, with the servers stopped. Exits 1 on any failure.

    .venv/bin/python loadtest/cluster/check.py RUN_DIR      (the run's environment: DATABASE_URL, ...)

1. Nothing acknowledged is lost, and every office keeps its own: every check-in and move the app said it
   made (RUN_DIR/acknowledged.json, noted by loadtest/locustfile.py: the redirect to the slip, or the
   move's success message) is in the database, in the office of the person who made it: the visit with
   its guest and queue number, the history row of the move by that person, and the step it ended (or,
   for "receive", the official who received). No visit, history row or step names a person of another
   office, and no office gave one queue number twice on a day.
2. No error beyond the killed server's requests in flight: each request (RUN_DIR/requests.csv) is placed
   against the kill (RUN_DIR/kill.json). In the kill window (started before the server was dead, ended
   after the kill was sent) a 502 is allowed: nginx's answer to a request the dying server had taken
   (no more of them than nginx's log counts). Any other failure, and any exception in a simulated
   browser, fails the run. nginx's log says which requests it passed on to the other server.
3. Every figure of each office's SOP report matches its history: `manage.py sop_report --office KODE
   --format json` (the app's report code) against figures.py (the same tables from the raw rows of that
   office), for the whole seeded history with the run and for the run's day alone, office by office.
"""

import csv
import io
import json
import os
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pojok.settings")
django.setup()

import figures  # noqa: E402  (beside this file)
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from visits.models import Channel  # noqa: E402  (its labels name the rows of the channel table)

SLACK = 0.1  # seconds: between the clock readings of the fault and of locust, around one event
STEP_ENDED_BY = {"greet": 2, "report": 3, "route": 4, "finish": 5, "see_out": 6}  # the step each move ends
SETUP = ("login", "device pairing")  # requests of the start only, left out of the figures per phase


def _rows(sql: str, params=()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# --- 1. nothing acknowledged is lost ------------------------------------------------------------------

def lost_acknowledgements(acknowledged: list[dict]) -> list[str]:
    visits = sorted({a["visit"] for a in acknowledged})
    found = {pk: (guest, seq, by) for pk, guest, seq, by in _rows(
        "SELECT v.id, v.guest_name, v.queue_seq, u.username FROM visits_visit v "
        "LEFT JOIN pojok_user u ON u.id = v.created_by_id WHERE v.id = ANY(%s)", [visits])}
    office_of = dict(_rows("SELECT v.id, o.code FROM visits_visit v JOIN offices_office o ON o.id = v.office_id "
                           "WHERE v.id = ANY(%s)", [visits]))
    events = set(_rows("SELECT e.visit_id, e.action, u.username FROM visits_visitevent e "
                       "JOIN pojok_user u ON u.id = e.by_id WHERE e.visit_id = ANY(%s)", [visits]))
    steps = set(_rows("SELECT s.visit_id, s.number, u.username FROM visits_visitstep s "
                      "JOIN pojok_user u ON u.id = s.ended_by_id "
                      "WHERE s.result = 'selesai' AND s.visit_id = ANY(%s)", [visits]))
    received = set(_rows("SELECT s.visit_id, u.username FROM visits_visitstep s "
                         "JOIN pojok_user u ON u.id = s.received_by_id WHERE s.visit_id = ANY(%s)", [visits]))
    lost = []
    for a in acknowledged:
        pk, move, by = a["visit"], a["move"], a["by"]
        if office_of.get(pk, a["office"]) != a["office"]:
            lost.append(f"{move} of visit {pk} by {by} of {a['office']}: the visit is in {office_of[pk]}")
        elif move == "check_in":
            guest, seq, creator = found.get(pk, (None, None, None))
            got = (guest, f"A-{seq:03d}" if seq else None, creator)
            wanted = (a["guest_name"], a["queue_number"] or got[1], by)  # no number if the slip page failed
            if got != wanted or (pk, "arrive", by) not in events or (pk, 1, by) not in steps:
                lost.append(f"check-in {pk} {wanted}: in the database {got}")
        elif (pk, move, by) not in events:
            lost.append(f"{move} of visit {pk} by {by}: no such history row")
        elif move in STEP_ENDED_BY and (pk, STEP_ENDED_BY[move], by) not in steps:
            lost.append(f"{move} of visit {pk} by {by}: step {STEP_ENDED_BY[move]} not ended by them")
        elif move == "receive" and (pk, by) not in received:
            lost.append(f"receive of visit {pk} by {by}: step 5 not received by them")
    return lost


def cross_office_rows() -> dict:
    """Rows of one office that name a person of another: visits made, history rows, steps ended or
    received. A person of no office (the kabupaten's readers) is of none, and never writes here."""
    other = "u.office_id IS NOT NULL AND u.office_id <> v.office_id"
    return {what: _rows(f"SELECT count(*) FROM {table} JOIN visits_visit v ON v.id = {visit} "
                        f"JOIN pojok_user u ON u.id = {person} WHERE {other}")[0][0]
            for what, table, visit, person in [
                ("visits", "visits_visit x", "x.id", "x.created_by_id"),
                ("history rows", "visits_visitevent x", "x.visit_id", "x.by_id"),
                ("steps ended", "visits_visitstep x", "x.visit_id", "x.ended_by_id"),
                ("steps received", "visits_visitstep x", "x.visit_id", "x.received_by_id")]}


def duplicate_queue_numbers(acknowledged: list[dict]) -> int:
    """Queue numbers given twice by one office on one day: in the database, and on the slips handed out."""
    stored = _rows("SELECT count(*) FROM (SELECT 1 FROM visits_visit GROUP BY office_id, day, queue_seq "
                   "HAVING count(*) > 1) twice")[0][0]
    day_of = dict(_rows("SELECT id, day FROM visits_visit WHERE id = ANY(%s)",
                        [sorted({a["visit"] for a in acknowledged})]))
    slips = Counter((a["office"], day_of.get(a["visit"]), a["queue_number"]) for a in acknowledged
                    if a["move"] == "check_in" and a["queue_number"])
    return stored + sum(1 for n in slips.values() if n > 1)


def check_acknowledged(run_dir: Path) -> bool:
    acknowledged = json.loads((run_dir / "acknowledged.json").read_text())
    kinds = Counter(a["move"] for a in acknowledged)
    lost = lost_acknowledgements(acknowledged)
    offices = Counter(a["office"] for a in acknowledged)
    others = {code for code in offices if code != "bpkad"}
    print(f"1. acknowledged: {len(acknowledged)} ({', '.join(f'{n} {k}' for k, n in kinds.most_common())}); "
          f"found in the database, in the right office: {len(acknowledged) - len(lost)}; lost: {len(lost)}")
    if others:
        print(f"   of them at BPKAD {offices['bpkad']}, in {len(others)} other offices "
              f"{sum(offices[c] for c in others)} (fewest {min(offices[c] for c in others)}, "
              f"most {max(offices[c] for c in others)} in one office)")
    for problem in lost[:20]:
        print(f"   LOST {problem}")
    checked_in = {a["visit"] for a in acknowledged if a["move"] == "check_in"}
    run_day = _rows("SELECT min(day) FROM visits_visit WHERE id = ANY(%s)", [sorted(checked_in)])[0][0]
    unanswered = _rows("SELECT count(*) FROM visits_visit v JOIN pojok_user u ON u.id = v.created_by_id "
                       "WHERE u.username LIKE %s AND v.day >= %s AND NOT (v.id = ANY(%s))",
                       ["load-%", run_day, sorted(checked_in)])[0][0]
    print(f"   check-ins in the database that no petugas saw acknowledged: {unanswered} (a POST whose answer "
          f"was lost at the kill, or cut off by the end of the run; not an error)")
    crossed = cross_office_rows()
    twice = duplicate_queue_numbers(acknowledged)
    print(f"   rows naming a person of another office: {sum(crossed.values())} "
          f"({', '.join(f'{what} {n}' for what, n in crossed.items())}); "
          f"queue numbers given twice by an office on a day: {twice}")
    return not lost and bool(acknowledged) and not any(crossed.values()) and not twice


# --- 2. no error beyond the killed server's requests in flight ----------------------------------------

IN_FLIGHT = "in flight at the kill"
PHASES = ("while the browsers started", "before the kill", IN_FLIGHT, "while the server was down", "after the restart")


def phases(run_dir: Path, kill: dict, measuring_since: float) -> dict:
    """Every request, by where it falls against the kill: while the browsers logged in, before the kill,
    in flight at the kill (started before the server was dead, ended after the kill was sent: the kill
    window), while the server was down (until it answered again), after the restart."""
    placed = {phase: [] for phase in PHASES}
    with open(run_dir / "requests.csv", newline="") as f:
        for row in csv.DictReader(f):
            ended, ms = float(row["ended_at"]), int(row["ms"])
            started = ended - ms / 1000
            if ended < kill["kill_sent"] - SLACK:
                phase = "while the browsers started" if ended < measuring_since else "before the kill"
            elif started <= kill["dead"] + SLACK:
                phase = IN_FLIGHT
            elif ended <= kill["up"]:
                phase = "while the server was down"
            else:
                phase = "after the restart"
            placed[phase].append({**row, "ms": ms, "ended": ended})
    return placed


def _percentile(values: list[int], fraction: float) -> int:
    values = sorted(values)
    return values[min(len(values) - 1, int(fraction * len(values)))] if values else 0


def nginx_log(run_dir: Path) -> list[dict]:
    return [json.loads(line) for line in (run_dir / "nginx-access.log").read_text().splitlines() if line]


def nginx_says(lines: list[dict], run_dir: Path) -> list[str]:
    """What nginx did at the kill: requests it passed on to the other server, answers it made itself."""
    passed_on = Counter((r["method"], r["status"]) for r in lines if "," in r["upstream"])
    own = Counter((r["method"], r["upstream"], r["status"]) for r in lines if r["status"] >= 500)
    errors = Counter()
    for line in (run_dir / "nginx-error.log").read_text().splitlines():
        if "[error]" in line:
            errors[line.split("[error]", 1)[1].split(",")[0].split(" ", 3)[-1][:100]] += 1
    said = [f"   nginx passed {n} {method} on to the other server after an error (then answered {status})"
            for (method, status), n in sorted(passed_on.items())]
    said += [f"   nginx answered {n} {method} with {status} after {upstream} dropped it"
             for (method, upstream, status), n in sorted(own.items())]
    said += [f"   nginx error log: {n} x {message}" for message, n in errors.most_common(4)]
    return said


def check_errors(run_dir: Path) -> bool:
    kill = json.loads((run_dir / "kill.json").read_text())
    # Since every browser had logged in (never, if some could not: then the whole run is "before")
    measuring_since = json.loads((run_dir / "ramp_up.json").read_text())["measuring_since"] or 0
    placed = phases(run_dir, kill, measuring_since)
    frozen = kill["kill_sent"] - kill["frozen"]
    print(f"2. app server {kill['server']} killed ({kill['processes']} processes: master and workers"
          f"{f', hung {frozen:.1f} s first' if frozen > 1 else ''}), dead {kill['dead'] - kill['kill_sent']:.2f} s "
          f"after SIGKILL was sent, started again {kill['restart'] - kill['dead']:.1f} s later, answering "
          f"{kill['up'] - kill['restart']:.1f} s after that")
    ends = [r["ended"] for rows in placed.values() for r in rows]
    spans = {"while the browsers started": (min(ends), measuring_since),
             "before the kill": (max(min(ends), measuring_since), kill["kill_sent"]),
             "while the server was down": (kill["dead"], kill["up"]), "after the restart": (kill["up"], max(ends))}
    lines = nginx_log(run_dir)
    dropped = sum(1 for r in lines if r["status"] == 502 and r["upstream"].startswith(kill["server"]))
    outside = in_flight = 0
    for phase, rows in placed.items():
        failed = [r for r in rows if r["error"]]
        times = [r["ms"] for r in rows if not r["name"].startswith(SETUP)]
        seconds = spans[phase][1] - spans[phase][0] if phase in spans else 0
        rate = f"{len(rows) / seconds:5.1f} req/s" if seconds > 0 else " " * 11
        print(f"   {phase:<27} {len(rows):>6} requests {rate}, p50 {_percentile(times, 0.5):>4} ms, "
              f"p95 {_percentile(times, 0.95):>5} ms, errors {len(failed)}")
        for (method, name, error), n in Counter((r["method"], r["name"], r["error"]) for r in failed).most_common():
            print(f"      {n:>3} x {method} {name}: {error}")
        if phase == IN_FLIGHT:  # the killed server's, as nginx answered them: 502 Bad Gateway
            in_flight = sum(1 for r in failed if r["error"].startswith("HTTP 502"))
            outside += len(failed) - in_flight
        else:
            outside += len(failed)
    with open(run_dir / "stats_exceptions.csv", newline="") as f:
        exceptions = list(csv.DictReader(f))
    for row in exceptions:
        print(f"   exception in a simulated browser: {row['Count']} x {row['Message']}")
    for line in nginx_says(lines, run_dir):
        print(line)
    print(f"   errors in the kill window: {in_flight} (502 from nginx for a request the killed server had taken; "
          f"nginx's own count: {dropped}); errors outside it: {outside + len(exceptions)} (must be 0)")
    return outside == 0 and not exceptions and in_flight <= dropped


# --- 3. every figure of the SOP report matches the history --------------------------------------------

def app_report(office: str, start: date, end: date) -> dict:
    out = io.StringIO()
    call_command("sop_report", f"--office={office}", f"--from={start}", f"--to={end}", "--format=json", stdout=out)
    return json.loads(out.getvalue())


def differences(app: dict, mine: dict) -> list[str]:
    """Each figure of `mine` against the app's table of the same title, in the columns `mine` has."""
    found = []
    for title, table in mine.items():
        if title not in app:
            found.append(f"{title}: not in the app's report")
            continue
        columns = list(table["rows"][0]) if table["rows"] else []
        theirs = [{c: row.get(c, "(no such column)") for c in columns} for row in app[title]
                  if row.get("Ukuran") != "Periode"]  # the period in words heads the summary
        ours = table["rows"]
        if not table["ordered"]:
            key = json.dumps  # rows as sets: their order is the page's presentation
            theirs, ours = sorted(theirs, key=key), sorted(ours, key=key)
        if len(theirs) != len(ours):
            found.append(f"{title}: {len(theirs)} rows in the app's report, {len(ours)} from the steps")
        for a, b in zip(theirs, ours, strict=False):
            if a != b:
                wrong = {c: (a[c], b[c]) for c in columns if a[c] != b[c]}
                found.append(f"{title}, row {next(iter(b.values()))}: (app, steps) {wrong}")
    return found


def compare(office_id: int, code: str, start: date, end: date, labels: dict) -> tuple[dict, int, list[str]]:
    """One office's report for a period, the app's against the raw rows': its summary, the number of
    figures compared, and the differences."""
    app, mine = app_report(code, start, end), figures.report_tables(office_id, start, end, labels)
    found = [f"{code} {start} .. {end}: {problem}" for problem in differences(app, mine)]
    compared = sum(len(row) - 1 for table in mine.values() for row in table["rows"])
    return {row["Ukuran"]: row["Nilai"] for row in mine["Ringkasan"]["rows"]}, compared, found


def check_report(run_dir: Path) -> bool:
    acknowledged = json.loads((run_dir / "acknowledged.json").read_text())
    labels = {channel.value: str(channel.label) for channel in Channel}
    offices = _rows("SELECT o.id, o.code, min(v.day), max(v.day) FROM offices_office o "
                    "JOIN visits_visit v ON v.office_id = o.id GROUP BY o.id, o.code "
                    "ORDER BY o.code <> 'bpkad', o.code")
    run_days = {code: (first, last) for code, first, last in _rows(
        "SELECT o.code, min(v.day), max(v.day) FROM visits_visit v JOIN offices_office o ON o.id = v.office_id "
        "WHERE v.id = ANY(%s) GROUP BY o.code", [sorted({a["visit"] for a in acknowledged})])}
    problems, others, compared_in_all = [], Counter(), 0
    for office_id, code, first, last in offices:
        scopes = [("history and the run", (first, last))]
        if code in run_days:
            scopes.append(("the run's day", run_days[code]))
        for what, (start, end) in scopes:
            summary, compared, found = compare(office_id, code, start, end, labels)
            problems += found
            compared_in_all += compared
            if code == "bpkad":
                print(f"3. BPKAD's SOP report {start} .. {end} ({what}): {summary['Kunjungan']} visits, "
                      f"{summary['Langkah tercatat']} steps, compliance {summary['Kepatuhan SOP (%)']}%: "
                      f"{compared} figures compared, {len(found)} differ")
            else:
                others.update({"offices": what == "history and the run", "reports": 1, "figures": compared,
                               "differ": len(found)})
                if what == "history and the run":
                    others.update({"visits": summary["Kunjungan"], "steps": summary["Langkah tercatat"]})
    if others:
        print(f"   the other {others['offices']} offices' SOP reports ({others['reports']}: the history with the "
              f"run, and the run's day of each office that had a guest): {others['visits']} visits, "
              f"{others['steps']} steps; {others['figures']} figures compared, {others['differ']} differ")
    print(f"   in all {len(offices)} offices: {compared_in_all} figures compared, {len(problems)} differ")
    for problem in problems[:20]:
        print(f"   DIFFERS {problem}")
    disagree = figures.stored_durations_disagree()
    print(f"   done steps whose stored seconds are not their moments' difference: {disagree}")
    return not problems and disagree == 0


def main(run_dir: Path) -> int:
    results = [check_acknowledged(run_dir), check_errors(run_dir), check_report(run_dir)]
    print("all three proven" if all(results) else "FAILED: " + ", ".join(
        name for name, ok in zip(["acknowledged", "errors", "report"], results, strict=True) if not ok))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
