"""Every figure of the report, checked against hand-computed values for the October visits."""

from visits.forms.reports import ReportFilter
from visits.models import ReportSettings
from visits.reports import GOOD, NOT_GOOD, build_report

from .conftest import OCTOBER


def report_of(data):
    filterset = ReportFilter(data)
    assert filterset.is_valid(), filterset.errors
    return build_report(filterset.scope())


def by_number(report):
    return {step["number"]: step for step in report.steps}


def test_headline(october):
    h = report_of(OCTOBER).headline
    assert (h["visits"], h["finished"], h["cancelled"]) == (4, 3, 1)
    assert (h["steps"], h["with_standard"], h["within"], h["over"]) == (20, 17, 14, 3)
    assert h["share"] == 82.4  # 14 of 17
    assert h["median_wait"] == 300  # of 600, 120, 300
    assert h["median_consult"] == 1200  # of 1200, 1800, 600


def test_exactly_at_the_standard_complies_and_one_second_over_does_not(october):
    steps = by_number(report_of(OCTOBER))
    # step 1: 300 s (= 5 min) complies, 301 s does not; step 3: 121 s is over 2 min
    assert (steps[1]["within"], steps[1]["with_standard"]) == (3, 4)
    assert (steps[2]["within"], steps[2]["with_standard"]) == (4, 4)  # 120 s = 2 min complies
    assert (steps[3]["within"], steps[3]["with_standard"]) == (2, 3)
    assert (steps[4]["within"], steps[4]["with_standard"]) == (3, 3)  # 300 s = 5 min complies


def test_per_step_counts_shares_and_percentiles(october):
    steps = by_number(report_of(OCTOBER))
    expected = {
        # number: (count, share, median, p90, longest)
        1: (4, 75.0, 210, 301, 301),  # 60 120 300 301: p90 = 300 + 0.7 * 1
        2: (4, 100.0, 75, 111, 120),  # 30 60 90 120
        3: (3, 66.7, 60, 109, 121),  # cancelled step 3 of V4 is not counted
        4: (3, 100.0, 240, 288, 300),
        5: (3, None, 1800, 1896, 1920),  # no standard: durations, no verdict
        6: (3, 66.7, 60, 156, 180),
    }
    for number, (count, share, median, p90, longest) in expected.items():
        step = steps[number]
        assert (step["steps"], step["share"], step["median"], step["p90"], step["longest"]) == (
            count, share, median, p90, longest), number
    assert steps[5]["standard_minutes"] is None and steps[5]["with_standard"] == 0


def test_by_bidang(october):
    rows = {row["label"]: row for row in report_of(OCTOBER).by_bidang}
    assert set(rows) == {"Bidang Anggaran", "Bidang Aset", "Belum diarahkan ke Bidang"}
    anggaran, aset, unrouted = rows["Bidang Anggaran"], rows["Bidang Aset"], rows["Belum diarahkan ke Bidang"]
    assert (anggaran["visits"], anggaran["steps"], anggaran["within"], anggaran["with_standard"]) == (2, 12, 9, 10)
    assert (anggaran["share"], anggaran["median_wait"], anggaran["median_consult"]) == (90.0, 450, 900)
    assert (aset["visits"], aset["steps"], aset["share"], aset["over"]) == (1, 6, 60.0, 2)
    assert (aset["median_wait"], aset["median_consult"]) == (120, 1800)
    assert (unrouted["steps"], unrouted["share"], unrouted["median_wait"]) == (2, 100.0, None)


def test_by_topic(october):
    rows = {row["label"]: row for row in report_of(OCTOBER).by_topic}
    assert (rows["Topik uji laporan SOP"]["steps"], rows["Topik uji laporan SOP"]["share"]) == (6, 80.0)
    assert (rows["Tanpa topik"]["steps"], rows["Tanpa topik"]["within"], rows["Tanpa topik"]["with_standard"],
            rows["Tanpa topik"]["share"]) == (14, 10, 12, 83.3)


def test_by_officer_counts_who_recorded_each_step(october):
    rows = {row["username"]: row for row in report_of(OCTOBER).by_officer}
    assert (rows["budi"]["steps"], rows["budi"]["within"], rows["budi"]["share"]) == (14, 11, 78.6)
    assert (rows["sri"]["steps"], rows["sri"]["share"]) == (3, 100.0)
    assert (rows["ani"]["steps"], rows["ani"]["share"], rows["ani"]["median_consult"]) == (2, None, 900)
    assert (rows["dodi"]["steps"], rows["dodi"]["median_wait"]) == (1, 120)
    assert rows["ani"]["label"] == "Ani Lestari"


def test_by_day_lists_every_day_of_the_month(october):
    days = report_of(OCTOBER).by_day
    assert len(days) == 31
    fifth, sixth, seventh = days[4], days[5], days[6]
    assert (fifth["visits"], fifth["steps"], fifth["within"], fifth["with_standard"], fifth["share"]) == (
        2, 12, 7, 10, 70.0)
    assert (sixth["visits"], sixth["steps"], sixth["share"]) == (2, 8, 100.0)
    assert (seventh["steps"], seventh["share"]) == (0, None)


def test_worst_cases_are_the_steps_over_standard_longest_first(october):
    worst = report_of(OCTOBER).worst
    assert [(s.visit_id, s.number, s.duration_seconds, s.over_seconds) for s in worst] == [
        (october["v2"].pk, 1, 301, 1), (october["v2"].pk, 6, 180, 60), (october["v1"].pk, 3, 121, 1)]


def test_monitoring_sheet_judges_each_step_by_the_admins_threshold(october):
    sheet = {row["number"]: row["assessment"] for row in report_of(OCTOBER).monitoring}
    assert sheet == {1: NOT_GOOD, 2: GOOD, 3: NOT_GOOD, 4: GOOD, 5: "Tanpa standar waktu", "5a": GOOD, 6: NOT_GOOD}
    ReportSettings(compliance_threshold=66).save()
    sheet = {row["number"]: row["assessment"] for row in report_of(OCTOBER).monitoring}
    assert [sheet[n] for n in (1, 3, 6)] == [GOOD, GOOD, GOOD]  # 75.0, 66.7, 66.7 >= 66
    ReportSettings(compliance_threshold=67).save()
    assert report_of(OCTOBER).monitoring[2]["assessment"] == NOT_GOOD  # 66.7 < 67


def test_filters_narrow_visits_and_steps_alike(october):
    aset = report_of({**OCTOBER, "bidang": "aset"})
    assert (aset.headline["visits"], aset.headline["steps"], aset.headline["share"]) == (1, 6, 60.0)
    ani = report_of({**OCTOBER, "petugas": str(october["v1"].steps.get(number=5).ended_by_id)})
    assert (ani.headline["visits"], ani.headline["steps"], ani.headline["median_consult"]) == (2, 2, 900)
    natar = report_of({**OCTOBER, "asal": "natar"})
    assert (natar.headline["visits"], natar.headline["steps"]) == (1, 6)
    topic = report_of({**OCTOBER, "topik": str(october["topic"].pk)})
    assert (topic.headline["visits"], topic.headline["steps"], topic.headline["share"]) == (1, 6, 80.0)


def test_a_range_covers_its_days_only(october):
    first = report_of({"periode": "rentang", "dari": "2026-10-05", "sampai": "2026-10-05"})
    assert (first.headline["visits"], first.headline["steps"]) == (2, 12)
    november = report_of({"periode": "rentang", "dari": "2026-10-06", "sampai": "2026-11-01"})
    assert (november.headline["visits"], november.headline["finished"]) == (3, 2)
