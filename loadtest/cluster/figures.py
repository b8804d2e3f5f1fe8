"""The SOP report's figures recomputed from the raw rows, apart from the app's report code.

check.py sets these beside what `manage.py sop_report --format json` prints (visits.reports, through the
app's own queries): same tables, same columns, each figure worked out here in plain Python from the step
and visit rows read with one SQL statement each. The definitions are those of
tests/reports/test_figures_are_exact.py and docs/reports.md:

- a step counts when it was done (result "selesai") in a visit of the period; it has a standard when one
  was snapshotted on it, and complies when duration_seconds <= standard_minutes * 60;
- the wait for the Bidang is step 5's wait_seconds against its wait_standard_minutes (row "5a");
- medians and the 90th percentile are continuous percentiles (interpolated, like PostgreSQL's
  percentile_cont), rounded to whole seconds half up; shares are percent with one decimal;
- the waiting and consultation medians are of step 5 rows with a received_at: received - started,
  ended - received.

Each office's report is its own: every query here is of one office (its visits, its SOP standards, its
threshold), as the app's report is of the office acted for.

Only the labels of groups without a Bidang, topic or recorder are the report's own words here.
"""

import math
from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection

WORST_LIMIT = 20
NO_BIDANG, NO_TOPIC, NOBODY = "Belum diarahkan ke Bidang", "Tanpa topik", "(sistem)"
WAIT_ROW, WAIT_NAME = "5a", "Menunggu diterima Bidang"
GOOD, NOT_GOOD = "Berjalan dengan baik", "Tidak berjalan dengan baik"
WALK_IN = "tatap_muka"

STEPS = """
    SELECT s.id, s.visit_id, s.number, s.started_at, s.ended_at, s.duration_seconds, s.standard_minutes,
           s.received_at, s.wait_seconds, s.wait_standard_minutes,
           v.day, v.queue_seq, v.channel, b.code, b.name, t.name, u.username, u.first_name, u.last_name
    FROM visits_visitstep s
    JOIN visits_visit v ON v.id = s.visit_id
    LEFT JOIN routing_bidang b ON b.id = v.bidang_id
    LEFT JOIN routing_topic t ON t.id = v.topic_id
    LEFT JOIN pojok_user u ON u.id = s.ended_by_id
    WHERE s.result = 'selesai' AND v.office_id = %s AND v.day BETWEEN %s AND %s
"""
STEP_FIELDS = ("id", "visit", "number", "started_at", "ended_at", "duration", "standard", "received_at", "wait",
               "wait_standard", "day", "queue_seq", "channel", "bidang_code", "bidang", "topic", "username",
               "first_name", "last_name")
VISITS = """
    SELECT v.state, v.channel, v.arrival_complete, b.code, b.name
    FROM visits_visit v LEFT JOIN routing_bidang b ON b.id = v.bidang_id
    WHERE v.office_id = %s AND v.day BETWEEN %s AND %s
"""


def _rows(sql: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def percentile(values: list, fraction: float) -> float | None:
    """The continuous percentile: linear interpolation between the two nearest ordered values."""
    if not values:
        return None
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    lower, upper = math.floor(position), math.ceil(position)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def whole(value) -> int | None:
    return None if value is None else int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def share(part: int, whole_: int) -> float | None:
    return round(100 * part / whole_, 1) if whole_ else None


def _with_standard(steps) -> list:
    return [s for s in steps if s["standard"] is not None]


def _within(steps) -> list:
    return [s for s in _with_standard(steps) if s["duration"] <= s["standard"] * 60]


def _waited(steps) -> list:
    return [s for s in steps if s["number"] == 5 and s["received_at"] is not None]


def _medians(steps) -> tuple:
    waited = _waited(steps)
    return (whole(percentile([(s["received_at"] - s["started_at"]).total_seconds() for s in waited], 0.5)),
            whole(percentile([(s["ended_at"] - s["received_at"]).total_seconds() for s in waited], 0.5)))


def _compliance(steps) -> list:
    """Langkah tercatat, dengan standar, sesuai standar, lewat standar, kepatuhan (%)."""
    with_standard, within = len(_with_standard(steps)), len(_within(steps))
    return [len(steps), with_standard, within, with_standard - within, share(within, with_standard)]


def _dimension(groups: dict, label) -> list[list]:
    """The rows of a table per Bidang, topic, recorder or channel: label, visits, compliance, medians."""
    return [[label(key), len({s["visit"] for s in steps}), *_compliance(steps), *_medians(steps)]
            for key, steps in groups.items()]


def _grouped(steps, key) -> dict:
    groups = defaultdict(list)
    for step in steps:
        groups[key(step)].append(step)
    return groups


def _recorder(key: tuple) -> str:
    username, first_name, last_name = key
    if username is None:
        return NOBODY
    return f"{first_name} {last_name}".strip() or username


def _assessment(standard, with_standard: int, share_: float | None, threshold: int) -> str:
    if standard is None:
        return "Tanpa standar waktu"
    if not with_standard:
        return "Belum ada data"
    return GOOD if share_ >= threshold else NOT_GOOD


def report_tables(office_id: int, start: date, end: date, channel_labels: dict) -> dict:
    """{table title: {"ordered": whether its rows' order is a figure too, "rows": [row dicts]}} for the
    period in the office, with the titles and column names of the app's tables (visits/reports/tables.py). The groups'
    order is the page's presentation, so those tables are compared as sets of rows."""
    steps = [dict(zip(STEP_FIELDS, row, strict=True)) for row in _rows(STEPS, [office_id, start, end])]
    visits = _rows(VISITS, [office_id, start, end])
    sop = _rows("SELECT number, short_name, standard_minutes, wait_standard_minutes FROM visits_sopstep "
                "WHERE office_id = %s ORDER BY number", [office_id])
    threshold = (_rows("SELECT compliance_threshold FROM visits_reportsettings WHERE office_id = %s",
                       [office_id]) or [(90,)])[0][0]
    wait_standard = next((w for number, _, _, w in sop if number == 5), None)
    waits = [s for s in steps if s["number"] == 5 and s["wait"] is not None]
    waits_with_standard = [s for s in waits if s["wait_standard"] is not None]
    waits_within = [s for s in waits_with_standard if s["wait"] <= s["wait_standard"] * 60]
    counted = [s for s in steps if s["number"] in {number for number, *_ in sop}]  # the six SOP steps
    median_wait, median_consult = _medians([s for s in counted if s["number"] == 5])

    summary = {
        "Kunjungan": len(visits), "Jarak jauh": sum(1 for v in visits if v[1] != WALK_IN),
        "Selesai": sum(1 for v in visits if v[0] == "selesai"), "Batal": sum(1 for v in visits if v[0] == "batal"),
        "Kedatangan dengan daftar periksa": sum(1 for v in visits if v[2] is not None),
        "Kedatangan dengan protokol lengkap": sum(1 for v in visits if v[2] is True),
        "Langkah tercatat": len(counted), "Langkah dengan standar": len(_with_standard(counted)),
        "Sesuai standar": len(_within(counted)),
        "Kepatuhan SOP (%)": share(len(_within(counted)), len(_with_standard(counted))),
        "Median waktu tunggu (detik)": median_wait, "Median waktu konsultasi (detik)": median_consult,
        "Standar tunggu Bidang (menit)": wait_standard, "Tunggu dengan standar": len(waits_with_standard),
        "Tunggu sesuai standar": len(waits_within),
        "Tunggu sesuai standar (%)": share(len(waits_within), len(waits_with_standard)),
        "Ambang kepatuhan (%)": threshold,
    }

    step_header = ["No", "Langkah SOP", "Standar (menit)", "Tercatat", "Dengan standar", "Sesuai standar",
                   "Lewat standar", "Kepatuhan (%)", "Median (detik)", "Persentil 90 (detik)", "Terlama (detik)"]
    per_step, monitoring = [], []
    for number, name, standard, _wait in sop:
        of_step = [s for s in steps if s["number"] == number]
        durations = [s["duration"] for s in of_step]
        row = [number, name, standard, *_compliance(of_step), whole(percentile(durations, 0.5)),
               whole(percentile(durations, 0.9)), max(durations, default=None)]
        per_step.append(row)
        monitoring.append([number, _assessment(standard, row[4], row[7], threshold)])
        if number == 5:
            seconds = [s["wait"] for s in waits]
            row = [WAIT_ROW, WAIT_NAME, wait_standard, len(waits), len(waits_with_standard), len(waits_within),
                   len(waits_with_standard) - len(waits_within), share(len(waits_within), len(waits_with_standard)),
                   whole(percentile(seconds, 0.5)), whole(percentile(seconds, 0.9)), max(seconds, default=None)]
            per_step.append(row)
            monitoring.append([WAIT_ROW, _assessment(wait_standard, row[4], row[7], threshold)])

    dimension_header = ["Nama", "Kunjungan", "Langkah tercatat", "Dengan standar", "Sesuai standar",
                        "Lewat standar", "Kepatuhan (%)", "Median tunggu (detik)", "Median konsultasi (detik)"]
    # The tables per group, per day and the worst cases count every done step; the headline and the
    # per-step table the six SOP steps (the same steps, unless a step number outside the SOP appeared).
    by_bidang = _dimension(_grouped(steps, lambda s: (s["bidang_code"], s["bidang"])), lambda k: k[1] or NO_BIDANG)
    by_topic = _dimension(_grouped(steps, lambda s: s["topic"]), lambda k: k or NO_TOPIC)
    by_recorder = _dimension(_grouped(steps, lambda s: (s["username"], s["first_name"], s["last_name"])), _recorder)
    by_channel = _dimension(_grouped(steps, lambda s: s["channel"]), lambda k: channel_labels.get(k, k))

    places = defaultdict(lambda: [0, 0])
    for _state, channel, _arrival, code, name in visits:
        if code is not None:
            places[(code, name)][channel != WALK_IN] += 1
    place = [[name, in_office, remote, in_office + remote] for (_, name), (in_office, remote) in places.items()]

    days = _grouped(steps, lambda s: s["day"])
    per_day = [[str(day), len({s["visit"] for s in days.get(day, [])}), *_compliance(days.get(day, []))]
               for day in (start + timedelta(days=n) for n in range((end - start).days + 1))]

    over = sorted((s for s in steps if s["standard"] is not None and s["duration"] > s["standard"] * 60),
                  key=lambda s: (-s["duration"], s["id"]))[:WORST_LIMIT]
    worst = [[str(s["day"]), f"A-{s['queue_seq']:03d}", s["number"], s["standard"], s["duration"],
              s["duration"] - s["standard"] * 60, f"/kunjungan/{s['visit']}/"] for s in over]

    def table(header, rows, ordered=True):
        return {"ordered": ordered, "rows": [dict(zip(header, row, strict=True)) for row in rows]}

    return {
        "Ringkasan": table(["Ukuran", "Nilai"], list(summary.items())),
        "Per langkah SOP": table(step_header, per_step),
        "Per Bidang": table(dimension_header, by_bidang, ordered=False),
        "Per topik": table(dimension_header, by_topic, ordered=False),
        "Per petugas": table(dimension_header, by_recorder, ordered=False),
        "Per kanal": table(dimension_header, by_channel, ordered=False),
        "Di kantor vs jarak jauh": table(["Bidang", "Di kantor", "Jarak jauh", "Jumlah"], place, ordered=False),
        "Per hari": table(["Tanggal", "Kunjungan", "Langkah tercatat", "Dengan standar", "Sesuai standar",
                           "Lewat standar", "Kepatuhan (%)"], per_day),
        "Kasus lewat standar (terlama)": table(["Tanggal", "No. antrean", "Langkah", "Standar (menit)",
                                                "Durasi (detik)", "Lewat (detik)", "Riwayat"], worst),
        "Monitoring Pelaksanaan SOP AP": table(["No", "Penilaian"], monitoring),
    }


def stored_durations_disagree() -> int:
    """Done steps whose stored whole seconds are not ceil(ended - started), or whose wait is not
    ceil(received - started): the figures above trust those columns, so they are checked once."""
    return _rows("""
        SELECT count(*) FROM visits_visitstep
        WHERE result = 'selesai'
          AND (duration_seconds IS DISTINCT FROM ceil(extract(epoch FROM ended_at - started_at))
               OR (received_at IS NOT NULL
                   AND wait_seconds IS DISTINCT FROM ceil(extract(epoch FROM received_at - started_at))))
    """, [])[0][0]
