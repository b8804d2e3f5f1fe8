"""The kabupaten's page: every office's figures side by side, computed by each office's own report, ranked
by the share of SOP steps within standard, with the pemda's pooled IKM; figures only, and only for the
roles above the offices."""

from datetime import timedelta
from fractions import Fraction

import pytest
from django.urls import reverse

from offices.current import acting_for, no_office
from pojok import roles
from survey.answering import invite, submit_response
from tests.factories import advance_to, make_user, make_visit, wib

pytestmark = pytest.mark.django_db

ALL_STEPS = ["greet", "report", "route", "receive", "finish", "see_out"]


def _office_people(suffix: str, unit: str) -> dict:
    return {"petugas": make_user(f"petugas-{suffix}", roles.PETUGAS),
            "kasubbag": make_user(f"kasubbag-{suffix}", roles.KASUBBAG),
            "staf": make_user(f"staf-{suffix}", roles.STAF, bidang_code=unit)}


def _finished(people, unit: str, *, guest: str, minutes_apart: int, answers: int | None = None):
    """A guest through all six steps, `minutes_apart` between moves (1: within every standard, 9: over)."""
    visit = make_visit(people["petugas"], guest_name=guest, at=wib(day=20, hour=9))
    at = visit.arrived_at
    for name in ALL_STEPS:
        at += timedelta(minutes=minutes_apart)
        advance_to(visit, [name], people, at=at - timedelta(minutes=1), bidang_code=unit)
    if answers is not None:
        submit_response(invitation=invite(visit=visit), answers=dict.fromkeys(range(1, 10), answers))
    return visit


@pytest.fixture
def kabupaten_user(django_user_model):
    return make_user("inspektur", roles.KABUPATEN, full_name="Irma Inspektorat", office=None)


@pytest.fixture
def two_offices(other_office):
    ours = _office_people("bpkad", "anggaran")
    _finished(ours, "anggaran", guest="Siti Aminah", minutes_apart=9, answers=2)
    _finished(ours, "anggaran", guest="Rudi Hartono", minutes_apart=9)
    with acting_for(other_office):
        theirs = _office_people("bappeda", "keuangan")
        _finished(theirs, "keuangan", guest="Gendis Rahasiani", minutes_apart=1, answers=4)
    return other_office


def test_the_kabupaten_sees_every_office_ranked_and_the_pemda_pooled(client, kabupaten_user, two_offices):
    client.force_login(kabupaten_user)
    page = client.get(reverse("kabupaten:overview"), {"bulan": "2026-11"})
    html = page.content.decode()
    assert page.status_code == 200
    rows = [html[html.index(f'data-office="{code}"'):] for code in ("bappeda", "bpkad")]
    assert html.index('data-office="bappeda"') < html.index('data-office="bpkad"')  # the better share first
    bappeda, bpkad = (row[:row.index("</tr>")] for row in rows)
    assert "<td>1</td>" in bappeda and "100,0%" in bappeda and ">1</td>" in bappeda
    assert '<td class="text-end">2</td>' in bpkad  # two visits
    pemda = html[html.index("data-pemda"):]
    pemda = pemda[:pemda.index("</tr>")]
    assert '<td class="text-end">3</td>' in pemda  # three visits in all
    assert "75,00" in pemda  # one guest answered 2 everywhere, one 4: pooled, NRR 3 on every unsur, IKM 75,00
    assert "50,00" in bpkad and "100,00" in bappeda
    for guest in ("Siti Aminah", "Rudi Hartono", "Gendis Rahasiani"):
        assert guest not in html


def test_only_the_roles_above_the_offices_open_it(client_of, pimpinan, admin_user):
    for user in (pimpinan, admin_user):
        assert client_of(user).get(reverse("kabupaten:overview")).status_code == 403


def test_a_month_that_is_not_one_is_a_clear_message(client, kabupaten_user):
    client.force_login(kabupaten_user)
    page = client.get(reverse("kabupaten:overview"), {"bulan": "2026-13"})
    assert page.status_code == 400 and "TTTT-BB" in page.content.decode()


def test_the_kabupaten_home_is_its_page(client, kabupaten_user):
    client.force_login(kabupaten_user)
    assert client.get(reverse("home")).url == reverse("kabupaten:overview")


def test_every_row_is_what_the_offices_own_report_says(two_offices, clock):
    from kabupaten.figures import side_by_side
    from offices.models import Office
    from pojok.periods import MONTH, Period
    from survey.reports import ikm_report
    from visits.reports import Scope, build_report

    # 00.30 WITA on 1 November is still 31 October in WIB: this office's November has the guest
    makassar = Office.objects.create(code="opd-wita", short_name="OPD WITA", name="OPD di WITA", template="umum",
                                     time_zone="Asia/Makassar")
    with acting_for(makassar):
        people = _office_people("wita", "keuangan")
        early = make_visit(people["petugas"], guest_name="Made Wirawan", at=wib(month=10, day=31, hour=23, minute=30))
        advance_to(early, ["greet", "report"], people, at=early.arrived_at)
    assert early.day.isoformat() == "2026-11-01"
    period = Period.named(MONTH, today=clock.today(), month=clock.today().replace(day=1))
    with no_office():
        overview = side_by_side(period)
    for row in overview.rows:
        with acting_for(row.office):
            report, ikm = build_report(Scope(period)), ikm_report(Scope(period)).total
        headline = report.headline
        assert (row.visits, row.finished, row.remote, row.with_standard, row.within) == (
            headline["visits"], headline["finished"], headline["remote"], headline["with_standard"], headline["within"])
        assert (row.ikm.ikm, row.ikm.figures.respondents) == (ikm.ikm, ikm.figures.respondents)
        sheet = {m["number"]: m for m in report.monitoring if isinstance(m["number"], int)}
        for cell in row.steps:
            assert cell.good == (sheet[cell.number]["good"] if cell.assessment else None), (row.office, cell)
        assert row.trend[-1] == row.share  # this month is the trend's last
    assert next(row for row in overview.rows if row.office == makassar).visits == 1
    assert overview.mean_ikm == (Fraction(50) + Fraction(100)) / 2


def test_the_page_costs_the_same_queries_for_two_offices_or_six(client, kabupaten_user, two_offices):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from offices.models import Office

    client.force_login(kabupaten_user)
    url = reverse("kabupaten:overview")
    client.get(url)
    with CaptureQueriesContext(connection) as two:
        assert client.get(url).status_code == 200
    for n in range(4):
        Office.objects.create(code=f"opd-{n}", short_name=f"OPD {n}", name=f"OPD {n} Kabupaten", template="umum")
    with CaptureQueriesContext(connection) as six:
        page = client.get(url)
    assert page.content.decode().count('data-office="opd-') == 3 * 4  # ranking, sheet, trend
    assert len(six.captured_queries) == len(two.captured_queries)


def test_the_trend_of_the_months_before_is_each_offices_own_report_of_that_month(two_offices, clock):
    from kabupaten.figures import side_by_side
    from pojok.periods import MONTH, Period
    from visits.reports import Scope, build_report
    from visits.reports.figures import percent

    people = _office_people("bpkad-oktober", "anggaran")
    visit = make_visit(people["petugas"], guest_name="Tamu Oktober", at=wib(month=10, day=30, hour=9))
    advance_to(visit, ["greet", "report"], people, at=visit.arrived_at + timedelta(minutes=1))
    november = Period.named(MONTH, today=clock.today(), month=clock.today().replace(day=1))
    october = Period.named(MONTH, today=clock.today(), month=(november.start - timedelta(days=1)).replace(day=1))
    with no_office():
        overview = side_by_side(november)
    for row in overview.rows:
        with acting_for(row.office):
            headlines = [build_report(Scope(period)).headline for period in (october, november)]
        shares = [percent(headline["within"], headline["with_standard"]) for headline in headlines]
        assert row.trend[-2:] == shares, row.office
    assert next(row for row in overview.rows if row.office.code == "bpkad").trend[-2] is not None
