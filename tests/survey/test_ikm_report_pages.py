"""The IKM report pages: who may open them, the filters, the print view, and a query count that stays put."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import bidang
from tests.survey.conftest import make_response

PAGES = ["survey:report", "survey:print", "survey:export"]
NOV = {"dari": "2026-11-01", "sampai": "2026-11-30"}


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, db, page):
    answer = client.get(reverse(page))
    assert answer.status_code == 302 and answer["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("person", ["petugas", "kasubbag", "staf"])
def test_desk_triage_and_staff_may_not_read_it(db, client_of, request, page, person):
    assert client_of(request.getfixturevalue(person)).get(reverse(page)).status_code == 403


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("person", ["pimpinan", "admin_user"])
def test_pimpinan_and_admin_read_it(db, client_of, request, page, person):
    assert client_of(request.getfixturevalue(person)).get(reverse(page)).status_code == 200


def test_the_page_shows_the_ikm_grade_and_the_nrr_of_each_unsur(client_of, pimpinan):
    make_response([4, 4, 4, 4, 4, 4, 4, 4, 4], day=date(2026, 11, 3))
    make_response([3, 3, 3, 4, 3, 3, 3, 3, 3], day=date(2026, 11, 4))
    make_response([2, 3, 3, 4, 3, 4, 4, 2, 3], day=date(2026, 11, 5))
    make_response([1, 2, 3, 4, 3, 3, 4, 2, 3], day=date(2026, 11, 6),
                  suggestion="Antrean lama.", is_complaint=True)
    page = client_of(pimpinan).get(reverse("survey:report"), NOV)
    html = page.content.decode()
    assert page.context["report"].total.figures.respondents == 4
    assert 'data-figure="ikm">81,25<' in html  # Indonesian decimal comma
    assert "B <span" in html and "Baik" in html
    assert 'data-unsur="1" data-weakest' in html and "2,50" in html and "Antrean lama." in html and "Pengaduan" in html


def test_filters_narrow_the_responses(client_of, pimpinan):
    make_response([4] * 9, day=date(2026, 11, 3))
    make_response([1] * 9, day=date(2026, 11, 3), bidang_code="aset")
    make_response([1] * 9, day=date(2026, 10, 3))
    client = client_of(pimpinan)
    assert client.get(reverse("survey:report"), NOV).context["report"].total.figures.respondents == 2
    only_aset = client.get(reverse("survey:report"), {**NOV, "bidang": bidang("aset").pk}).context["report"]
    assert (only_aset.total.figures.respondents, str(only_aset.total.ikm_shown)) == (1, "25.00")


@pytest.mark.parametrize("bad, field", [
    ({"dari": "kemarin"}, "dari"), ({"sampai": "2026-13-45"}, "sampai"), ({"bidang": "999999"}, "bidang"),
    ({"bidang": "x'; drop"}, "bidang"), ({"topik": "-1"}, "topik"), ({"dari": "99999-01-01"}, "dari"),
    ({"dari": "2026-11-30", "sampai": "2026-11-01"}, "sampai"),
])
def test_bad_filters_get_a_message_and_fall_back(client_of, pimpinan, bad, field):
    make_response([4] * 9)  # on tests.factories.wib()'s day
    page = client_of(pimpinan).get(reverse("survey:report"), bad)
    assert page.status_code == 200
    assert list(page.context["form"].errors) == [field]
    assert "invalid-feedback" in page.content.decode()


def test_a_reversed_period_says_so_next_to_the_end_date(client_of, pimpinan):
    page = client_of(pimpinan).get(reverse("survey:report"), {"dari": "2026-11-30", "sampai": "2026-11-01"})
    assert page.context["form"].errors["sampai"] == ["Tanggal akhir tidak boleh sebelum tanggal awal."]


@pytest.mark.parametrize("page", ["survey:report", "survey:print", "survey:export"])
def test_the_query_count_does_not_grow_with_the_responses(client_of, pimpinan, page):
    client = client_of(pimpinan)
    url = reverse(page)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, NOV).status_code == 200
        return len(queries)

    count()  # the permissions are read once, then kept (pojok/security.py)
    make_response([3] * 9, day=date(2026, 11, 3), suggestion="Baik.")
    few = count()
    for day in range(4, 24):
        make_response([4] * 9, day=date(2026, 11, day), bidang_code="aset" if day % 2 else "anggaran",
                      suggestion=f"Saran {day}", sex="L", education="s1")
    assert count() == few


def test_the_print_view_has_the_published_parts(client_of, admin_user):
    make_response([3] * 9, day=date(2026, 11, 3))
    html = client_of(admin_user).get(reverse("survey:print"), NOV).content.decode()
    for part in ["LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT (SKM)",
                 "Peraturan Menteri PANRB Nomor 14 Tahun 2017",
                 "1 November 2026 s.d. 30 November 2026", "NRR tertimbang", "Mutu pelayanan",
                 "76,61 – 88,30", "Profil responden", "Kepatuhan SOP"]:
        assert part in html, part
    assert 'data-figure="ikm">75,00<' in html


def test_the_nav_shows_the_report_to_report_readers_only(client, pimpinan, petugas):
    client.force_login(pimpinan)
    assert 'href="/ikm/"' in client.get(reverse("survey:print")).content.decode()
    client.force_login(petugas)
    assert 'href="/ikm/"' not in client.get(reverse("visits:desk")).content.decode()
