"""The page shows the report's figures, keeps the filters in the URL, and says what is wrong with bad ones."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import wib

from .conftest import OCTOBER, walk


def attr(html, selector_attr, value, name):
    row = re.search(rf'<tr [^>]*{selector_attr}="{re.escape(value)}"[^>]*>', html).group(0)
    return re.search(rf'{name}="([^"]*)"', row).group(1)


def test_headline_and_steps_on_the_page(october, client_of, pimpinan):
    html = client_of(pimpinan).get(reverse("visits:reports"), OCTOBER).content.decode()
    assert re.search(r'data-figure="visits">4<', html)
    assert re.search(r'data-figure="finished">3<', html) and re.search(r'data-figure="cancelled">1<', html)
    assert 'data-value="82.4">82,4%<' in html
    assert 'data-figure="median_wait" data-value="300">5 mnt 0 dtk<' in html
    assert 'data-figure="median_consult" data-value="1200">20 mnt 0 dtk<' in html
    assert attr(html, "data-step", "1", "data-share") == "75.0"
    assert attr(html, "data-step", "1", "data-p90") == "301"
    assert attr(html, "data-step", "5", "data-median") == "1800"
    assert "tanpa penilaian" in html  # step 5 has no verdict
    assert attr(html, "data-label", "Bidang Aset", "data-share") == "60.0"
    assert attr(html, "data-day", "2026-10-05", "data-share") == "70.0"


def test_worst_cases_link_to_the_timeline(october, client_of, pimpinan):
    html = client_of(pimpinan).get(reverse("visits:reports"), OCTOBER).content.decode()
    timeline = reverse("visits:detail", args=[october["v2"].pk])
    assert f'href="{timeline}"' in html
    order = re.findall(r'<tr data-visit="(\d+)" data-step="(\d)" data-duration="(\d+)"', html)
    assert order == [(str(october["v2"].pk), "1", "301"), (str(october["v2"].pk), "6", "180"),
                     (str(october["v1"].pk), "3", "121")]


def test_the_monitoring_sheet_is_on_the_page(october, client_of, pimpinan):
    html = unescape(client_of(pimpinan).get(reverse("visits:reports"), OCTOBER).content.decode())
    assert 'data-step="2" data-assessment="Berjalan dengan baik"' in html
    assert 'data-step="1" data-assessment="Tidak berjalan dengan baik"' in html


def test_charts_are_inline_svg_with_the_threshold(october, client_of, pimpinan):
    html = client_of(pimpinan).get(reverse("visits:reports"), OCTOBER).content.decode()
    assert html.count("<svg") == 2 and 'data-chart="trend"' in html and 'data-chart="steps"' in html
    assert "ambang 90%" in html and "stroke-dasharray" in html
    assert "<script>" not in html and "cdn" not in html.lower()


def test_the_step_charts_labels_are_whole_and_readable(october, client_of, pimpinan):
    html = client_of(pimpinan).get(reverse("visits:reports"), OCTOBER).content.decode()
    chart = html.split('data-chart="steps"')[1].split("</svg>")[0]
    labels = [" ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", text))
              for text in re.findall(r"<text[^>]*data-step-label>(.*?)</text>", chart)]
    assert "4. Kasubbag Umum mengarahkan ke Bidang" in labels  # wrapped on two lines, never cut
    assert "5. Tamu menghadap pejabat (konsultasi)" in labels and not any("…" in label for label in labels)
    viewbox_width = int(re.search(r'viewBox="0 0 (\d+) ', html.split('data-chart="steps"')[0][-300:]).group(1))
    sizes = {int(size) for size in re.findall(r'font-size="(\d+)"', chart)}
    # drawn in a column of about 540 px at 1366 px: 12 units of a 520-wide viewBox are at least 12 px
    assert viewbox_width <= 540 and min(sizes) >= 12


def test_the_filters_stay_in_the_form_and_the_export_links(october, client_of, pimpinan):
    query = {**OCTOBER, "bidang": "aset", "asal": "dinas"}
    html = client_of(pimpinan).get(reverse("visits:reports"), query).content.decode()
    assert 'value="2026-10"' in html and 'value="dinas"' in html
    assert re.search(r'<option value="aset" selected>', html)
    assert f'{reverse("visits:report_csv")}?periode=bulan&amp;bulan=2026-10&amp;bidang=aset&amp;asal=dinas' in html


def test_htmx_gets_the_partial(october, client_of, pimpinan):
    response = client_of(pimpinan).get(reverse("visits:reports"), OCTOBER, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.startswith('<div id="report">') and "<html" not in html


@pytest.mark.parametrize("query, field, message", [
    ({"periode": "bulan", "bulan": "2026-13"}, "bulan", "format TTTT-BB"),
    ({"periode": "bulan"}, "bulan", "Pilih bulan"),
    ({"periode": "rentang", "dari": "2026-10-09", "sampai": "2026-10-01"}, "sampai", "tidak boleh sebelum"),
    ({"periode": "rentang", "sampai": "2026-10-01"}, "dari", "Isi tanggal awal"),
    ({"periode": "minggu-depan"}, "periode", "pilihan yang valid"),
    ({**OCTOBER, "bidang": "tidak-ada"}, "bidang", "pilihan yang valid"),
])
def test_bad_filters_get_a_message_next_to_the_field(query, field, message, client_of, pimpinan, db):
    response = client_of(pimpinan).get(reverse("visits:reports"), query)
    html = response.content.decode()
    assert response.status_code == 400
    assert re.search(rf'data-error="{field}">[^<]*{message}', html)
    assert 'data-figure="visits"' not in html


def test_bad_filters_on_an_export_go_back_to_the_page(client_of, pimpinan, db):
    response = client_of(pimpinan).get(reverse("visits:report_csv"), {"periode": "bulan", "bulan": "x"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("visits:reports"))


def test_the_query_count_does_not_grow_with_the_visits(october, people, client_of, pimpinan):
    client = client_of(pimpinan)
    url = reverse("visits:reports")
    client.get(url, OCTOBER)
    with CaptureQueriesContext(connection) as before:
        client.get(url, OCTOBER)
    for hour in range(10, 16):
        walk(people, arrived=wib(2026, 10, 20, hour), seconds=[400, 30, 30, 30, 60, 60, 30], staff=people["staf"])
    with CaptureQueriesContext(connection) as after:
        html = client.get(url, OCTOBER).content.decode()
    assert 'data-figure="visits">10<' in html
    assert len(after.captured_queries) == len(before.captured_queries)


def test_print_view_has_the_letterhead_period_and_printed_date(october, client_of, pimpinan):
    html = client_of(pimpinan).get(reverse("visits:report_print"), {**OCTOBER, "bidang": "aset"}).content.decode()
    assert "Badan Pengelola Keuangan dan Aset Daerah Kabupaten Lampung Selatan" in html
    assert "1 Oktober 2026 s.d. 31 Oktober 2026" in html and "Bidang Aset" in html
    assert "data-printed>" in html and "Monitoring Pelaksanaan SOP AP" in html and "NIP." in html


def test_large_numbers_read_indonesian_on_the_page_and_raw_in_the_attributes():
    from django.template import Context, Template

    html = Template('{% load l10n pojok_reports %}<td data-v="{{ n|unlocalize }}">{{ n|num }}</td>').render(
        Context({"n": 1234567}))
    assert html == '<td data-v="1234567">1.234.567</td>'
