"""The SKM report in PermenPANRB 14/2017's shape: the weakest unsur marked, the weighting said, the
respondents' profile with shares and bars, suggestions grouped and paged, and the rencana tindak lanjut
written by pimpinan, printed, exported and followed in the next period's report.
"""

import re
from datetime import date, datetime
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from survey.models import FollowUpPlan, PlanStatus
from tests.factories import wib
from tests.survey.conftest import make_response

NOV = {"dari": "2026-11-01", "sampai": "2026-11-30"}
DEC = {"dari": "2026-12-01", "sampai": "2026-12-31"}
JAN = {"dari": "2027-01-01", "sampai": "2027-01-31"}


def _plan(**fields) -> dict:
    return {**NOV, "unsur": "3", "action": "Papan alur layanan dipasang di ruang tunggu",
            "due": "2026-12-15", "responsible": "Sekretaris BPKAD", **fields}


def _weakest(html: str) -> list[str]:
    return re.findall(r'data-unsur="(\d)" data-weakest', html)


def test_the_weakest_unsur_is_marked_and_the_exact_weighting_is_said(client_of, pimpinan):
    make_response([4, 4, 2, 4, 4, 4, 4, 4, 4], day=date(2026, 11, 3))
    make_response([4, 4, 3, 4, 4, 4, 4, 4, 3], day=date(2026, 11, 4))
    html = client_of(pimpinan).get(reverse("survey:report"), NOV).content.decode()
    assert _weakest(html) == ["3"]  # U3: (2 + 3) / 2 = 2.5, every other NRR is 3.5 or 4
    assert "Terendah" in html
    assert "1/9" in html and "tepat" in html and "0,111" in html


def test_every_unsur_on_a_tie_is_marked(client_of, pimpinan):
    make_response([3, 4, 4, 4, 4, 4, 4, 4, 3], day=date(2026, 11, 3))
    for page in ("survey:report", "survey:print"):
        html = client_of(pimpinan).get(reverse(page), NOV).content.decode()
        assert _weakest(html) == ["1", "9"], page


def test_no_responses_mark_no_unsur(client_of, pimpinan):
    html = client_of(pimpinan).get(reverse("survey:report"), NOV).content.decode()
    assert _weakest(html) == [] and 'name="unsur"' in html


def test_the_nrr_chart_draws_each_bar_to_scale(client_of, pimpinan):
    make_response([3, 4, 2, 4, 4, 4, 4, 4, 1], day=date(2026, 11, 3))
    html = client_of(pimpinan).get(reverse("survey:report"), NOV).content.decode()
    bars = re.findall(r'class="ikm-bar-fill[^"]*" x="0" y="0" width="([\d.]+)"', html)
    # an NRR of 3 is 75 % of the scale's 4, written with a point whatever the language (SVG)
    assert bars[:9] == ["75.0", "100.0", "50.0", "100.0", "100.0", "100.0", "100.0", "100.0", "25.0"]
    assert 'ikm-bar-fill ikm-bar-strong" x="0" y="0" width="25.0"' in html  # U9, the weakest, in black


def test_the_profile_gives_counts_and_shares(client_of, pimpinan):
    for sex in ("P", "P", "L"):
        make_response([4] * 9, day=date(2026, 11, 3), sex=sex)
    page = client_of(pimpinan).get(reverse("survey:report"), NOV)
    sex = next(section for section in page.context["profile"] if section["name"] == "sex")
    assert [(label, n, str(share)) for label, n, share in sex["rows"]] == [
        ("Laki-laki", 1, "33.3"), ("Perempuan", 2, "66.7"), ("Tidak diisi", 0, "0.0")]
    html = page.content.decode()
    assert "data-percent>66,7<" in html and "data-percent>33,3<" in html


def _suggest(n, *, bidang_code="anggaran", complaint=False, day=3):
    for i in range(n):
        make_response([3] * 9, day=date(2026, 11, day), bidang_code=bidang_code,
                      suggestion=f"{'Pengaduan' if complaint else 'Saran'} {bidang_code} {i}", is_complaint=complaint)


def test_suggestions_are_grouped_by_bidang_and_shown_twenty_at_a_time(client_of, pimpinan):
    _suggest(22)
    _suggest(2, complaint=True, day=2)
    _suggest(3, bidang_code="aset", complaint=True)
    client = client_of(pimpinan)
    first = client.get(reverse("survey:report"), NOV)
    groups = {group["bidang"]: group for group in first.context["suggestion_groups"]}
    assert (groups["Bidang Anggaran"]["suggestions"], groups["Bidang Anggaran"]["complaints"]) == (22, 2)
    assert (groups["Bidang Aset"]["suggestions"], groups["Bidang Aset"]["complaints"]) == (0, 3)
    html = first.content.decode()
    assert html.count("data-suggestion>") == 20
    items = re.findall(r"<div>((?:Saran|Pengaduan) \w+ \d+)</div>", html)
    # a Bidang's complaints first (within a day in no particular order: responses have random keys)
    assert sorted(items[:2]) == ["Pengaduan anggaran 0", "Pengaduan anggaran 1"]
    assert all(item.startswith("Saran anggaran") for item in items[2:])
    assert "1–20 dari 27" in html and "hal=2" in html
    second = client.get(reverse("survey:report"), {**NOV, "hal": "2"}).content.decode()
    assert second.count("data-suggestion>") == 7 and "Pengaduan aset" in second
    assert "Bidang Aset" in re.findall(r"data-suggestion-group>([^<]+)<", second)


@pytest.mark.parametrize("page, shown", [("abc", 20), ("0", 7), ("999", 7), ("-1", 7)])
def test_a_page_number_that_is_not_one_shows_a_page_and_no_error(client_of, pimpinan, page, shown):
    _suggest(27)
    answer = client_of(pimpinan).get(reverse("survey:report"), {**NOV, "hal": page})
    assert answer.status_code == 200 and answer.content.decode().count("data-suggestion>") == shown


def test_the_print_view_lists_every_suggestion_grouped(client_of, pimpinan):
    _suggest(25)
    html = client_of(pimpinan).get(reverse("survey:print"), NOV).content.decode()
    assert html.count("data-suggestion>") == 25 and "hal=2" not in html


def test_the_plan_form_proposes_the_weakest_unsur_and_the_reports_period(client_of, pimpinan):
    make_response([4, 4, 4, 4, 4, 2, 4, 4, 4], day=date(2026, 11, 3))
    form = client_of(pimpinan).get(reverse("survey:report"), NOV).context["plan_form"]
    assert form.initial["unsur"] == 6
    assert (form.initial["dari"], form.initial["sampai"]) == (date(2026, 11, 1), date(2026, 11, 30))


def test_pimpinan_write_a_plan_and_it_is_shown_printed_and_exported(client_of, pimpinan):
    client = client_of(pimpinan)
    answer = client.post(reverse("survey:add_plan"), _plan())
    assert answer.status_code == 302
    assert answer["Location"] == f"{reverse('survey:report')}?dari=2026-11-01&sampai=2026-11-30#tindak-lanjut"
    plan = FollowUpPlan.objects.get()
    assert (plan.period_start, plan.period_end, plan.unsur_id, plan.due) == (
        date(2026, 11, 1), date(2026, 11, 30), 3, date(2026, 12, 15))
    assert (plan.created_by, plan.status, plan.responsible) == (pimpinan, PlanStatus.PLANNED, "Sekretaris BPKAD")
    page = client.get(reverse("survey:report"), NOV).content.decode()
    assert "Papan alur layanan dipasang" in page.split('id="ikm-plans"')[1].split("</table>")[0]
    printed = client.get(reverse("survey:print"), NOV).content.decode()
    assert "Papan alur layanan dipasang" in printed.split('id="print-plans"')[1].split("</table>")[0]
    assert "E. Rencana tindak lanjut" in printed and "<form" not in printed.split("E. Rencana")[1]
    book = load_workbook(BytesIO(client.get(reverse("survey:export"), NOV).content))
    rows = list(book["Rencana tindak lanjut"].iter_rows(values_only=True))
    assert rows[1] == ("01-11-2026 s.d. 30-11-2026", "U3 Waktu Penyelesaian",
                       "Papan alur layanan dipasang di ruang tunggu",
                       datetime(2026, 12, 15), "Sekretaris BPKAD", "Direncanakan", None)
    # another period's report does not show it as its own
    october = client.get(reverse("survey:report"), {"dari": "2026-10-01", "sampai": "2026-10-31"})
    assert october.context["plans"] == [] and october.context["earlier_plans"] == []


@pytest.mark.parametrize("bad, message", [
    ({"action": "   "}, "Tuliskan rencana tindak lanjutnya."),
    ({"responsible": ""}, "Sebutkan penanggung jawabnya."),
    ({"due": "2026-10-31"}, "Waktu pelaksanaan tidak boleh sebelum awal periode survei."),
    ({"due": "besok"}, "Tanggal tidak dikenali."),
    ({"unsur": "99"}, "Unsur tidak dikenal."),
    ({"dari": "2026-12-01"}, "Periode survei tidak valid"),
    ({"sampai": ""}, "Periode survei tidak valid"),
    ({"action": "x" * 1001}, "1000"),
])
def test_a_bad_plan_gets_a_message_and_nothing_is_stored(client_of, pimpinan, bad, message):
    answer = client_of(pimpinan).post(reverse("survey:add_plan"), _plan(**bad))
    assert answer.status_code == 400
    html = answer.content.decode()
    assert message in html and "Rencana tindak lanjut belum tersimpan" in html
    assert FollowUpPlan.objects.count() == 0


@pytest.mark.parametrize("person", ["admin_user", "kasubbag", "staf", "petugas"])
def test_only_pimpinan_write_or_follow_plans(client_of, request, pimpinan, person):
    client_of(pimpinan).post(reverse("survey:add_plan"), _plan())
    plan = FollowUpPlan.objects.get()
    client = client_of(request.getfixturevalue(person))
    assert client.post(reverse("survey:add_plan"), _plan(action="Lain")).status_code == 403
    assert client.post(reverse("survey:plan_status", args=[plan.pk]), {"status": "selesai"}).status_code == 403
    plan.refresh_from_db()
    assert FollowUpPlan.objects.count() == 1 and plan.status == PlanStatus.PLANNED


def test_the_next_periods_report_follows_what_became_of_the_plan(client_of, pimpinan, clock):
    client = client_of(pimpinan)
    client.post(reverse("survey:add_plan"), _plan())
    client.post(reverse("survey:add_plan"), _plan(action="Rencana yang dibatalkan", unsur="5"))
    kept, dropped = FollowUpPlan.objects.order_by("id")
    clock.set(wib(2026, 11, 30, 14))
    client = client_of(pimpinan)  # a week later: logged in again (the idle timeout)
    client.post(reverse("survey:plan_status", args=[dropped.pk]), {"status": "dibatalkan", "note": "Digabung"})

    december = client.get(reverse("survey:report"), DEC)
    assert [p.pk for p in december.context["earlier_plans"]] == [kept.pk]  # closed before December: gone
    table = december.content.decode().split('id="ikm-earlier-plans"')[1].split("</table>")[0]
    assert "Papan alur layanan" in table and "Direncanakan" in table

    clock.set(wib(2026, 12, 10, 9))
    client = client_of(pimpinan)
    answer = client.post(reverse("survey:plan_status", args=[kept.pk]),
                         {"status": "selesai", "note": "Papan terpasang", **DEC})
    assert answer["Location"] == f"{reverse('survey:report')}?dari=2026-12-01&sampai=2026-12-31#tindak-lanjut"
    kept.refresh_from_db()
    assert (kept.status, kept.closed_on, kept.status_note) == (PlanStatus.DONE, date(2026, 12, 10), "Papan terpasang")
    december = client.get(reverse("survey:report"), DEC).content.decode()
    table = december.split('id="ikm-earlier-plans"')[1].split("</table>")[0]
    assert "Selesai" in table and "10-12-2026" in table and "Papan terpasang" in table  # closed in December
    printed = client.get(reverse("survey:print"), DEC).content.decode()
    assert "Papan terpasang" in printed.split('id="print-earlier-plans"')[1].split("</table>")[0]
    assert client.get(reverse("survey:report"), JAN).context["earlier_plans"] == []  # closed before January


def test_a_plan_opened_again_loses_its_closing_day(client_of, pimpinan):
    client = client_of(pimpinan)
    client.post(reverse("survey:add_plan"), _plan())
    plan = FollowUpPlan.objects.get()
    client.post(reverse("survey:plan_status", args=[plan.pk]), {"status": "selesai"})
    client.post(reverse("survey:plan_status", args=[plan.pk]), {"status": "berjalan"})
    plan.refresh_from_db()
    assert (plan.status, plan.closed_on) == (PlanStatus.UNDER_WAY, None)


@pytest.mark.parametrize("bad", [{"status": "hilang"}, {}, {"status": "selesai", "note": "x" * 501}])
def test_a_bad_status_gets_a_message_and_changes_nothing(client_of, pimpinan, bad):
    client = client_of(pimpinan)
    client.post(reverse("survey:add_plan"), _plan())
    plan = FollowUpPlan.objects.get()
    answer = client.post(reverse("survey:plan_status", args=[plan.pk]), bad, follow=True)
    assert answer.status_code == 200 and "Status belum diubah" in answer.content.decode()
    plan.refresh_from_db()
    assert (plan.status, plan.closed_on, plan.status_note) == (PlanStatus.PLANNED, None, "")


def test_a_status_for_a_plan_that_does_not_exist_is_404(client_of, pimpinan):
    assert client_of(pimpinan).post(reverse("survey:plan_status", args=[999999]),
                                    {"status": "selesai"}).status_code == 404


def test_a_plan_is_text_everywhere_it_is_shown(client_of, pimpinan):
    client = client_of(pimpinan)
    client.post(reverse("survey:add_plan"), _plan(action='<script>alert(1)</script>', responsible='=HYPERLINK("x")'))
    html = client.get(reverse("survey:report"), NOV).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    book = load_workbook(BytesIO(client.get(reverse("survey:export"), NOV).content))
    cells = [cell for row in book["Rencana tindak lanjut"].iter_rows() for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)
    assert any(str(cell.value).startswith("'=HYPERLINK") for cell in cells)


def test_the_pdf_holds_the_plans_the_channels_and_the_profiles_shares(client_of, pimpinan):
    for sex in ("P", "P", "L"):
        make_response([4, 4, 2, 4, 4, 4, 4, 4, 4], day=date(2026, 11, 3), sex=sex)
    client = client_of(pimpinan)
    client.post(reverse("survey:add_plan"), _plan())
    pdf = client.get(reverse("survey:export_pdf"), NOV)
    assert pdf.status_code == 200
    words = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf.content)).pages)
    assert "Rencana tindak lanjut" in words and "Papan alur layanan dipasang di ruang tunggu" in words
    assert "Sekretaris BPKAD" in words and "Direncanakan" in words and "15 Desember 2026" in words
    assert "IKM per kanal" in words and "Tatap muka" in words
    assert "Waktu Penyelesaian (terendah)" in words
    assert "66,7%" in words and "33,3%" in words
