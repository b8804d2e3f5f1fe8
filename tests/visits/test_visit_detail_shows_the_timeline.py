"""A visit's page: every step with its times, who recorded it, its standard and Sesuai/Melebihi."""

import re

from django.urls import reverse

from tests.factories import bidang, consult, make_visit, wib


def timeline_rows(html: str) -> list[str]:
    table = html[html.index("Linimasa SOP"):html.index("Riwayat")]
    rows = re.findall(r"<tbody>(.*?)</tbody>", table, re.S)[0]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
            for row in re.findall(r"<tr>(.*?)</tr>", rows, re.S)]


def test_it_shows_every_step_with_who_standard_and_verdict(client_of, people):
    petugas, kasubbag, staf = people["petugas"], people["kasubbag"], people["staf"]
    visit = make_visit(petugas, arrived_at=wib(hour=9), at=wib(hour=9, minute=3))        # 1: 3:00 of 5
    visit.advance("greet", by=petugas, at=wib(hour=9, minute=4))                         # 2: 1:00 of 2
    visit.advance("report", by=petugas, at=wib(hour=9, minute=7, second=30))             # 3: 3:30 of 2
    visit.advance("route", by=kasubbag, at=wib(hour=9, minute=12), bidang=bidang("anggaran"))  # 4: 4:30 of 5
    visit.advance("receive", by=staf, at=wib(hour=9, minute=15))
    consult(visit, staf)
    visit.advance("finish", by=staf, at=wib(hour=9, minute=45))                          # 5: 33:00, none
    visit.advance("see_out", by=petugas, at=wib(hour=9, minute=48))                      # 6: 3:00 of 2

    html = client_of(petugas).get(reverse("visits:detail", args=[visit.pk])).content.decode()

    assert timeline_rows(html) == [
        "1. Tamu datang 09.00.00 09.03.00 Budi Santoso 3 mnt 0 dtk 5 menit Sesuai",
        "2. Petugas menyambut tamu 09.03.00 09.04.00 Budi Santoso 1 mnt 0 dtk 2 menit Sesuai",
        "3. Petugas melapor ke Kasubbag Umum 09.04.00 09.07.30 Budi Santoso 3 mnt 30 dtk 2 menit Melebihi",
        "4. Kasubbag Umum mengarahkan ke Bidang 09.07.30 09.12.00 Sri Rahayu 4 mnt 30 dtk 5 menit Sesuai",
        "5. Tamu menghadap pejabat (konsultasi) Diterima 09.15 WIB oleh Ani Lestari "
        "09.12.00 09.45.00 Ani Lestari 33 mnt 0 dtk tidak ditetapkan \u2014",
        "6. Tamu selesai 09.45.00 09.48.00 Budi Santoso 3 mnt 0 dtk 2 menit Melebihi",
    ]
    assert "<strong>Bidang:</strong> Bidang Anggaran" in html


def test_a_running_and_a_cancelled_step_have_no_verdict(client_of, people):
    petugas = people["petugas"]
    running = make_visit(petugas, at=wib(hour=9))
    cancelled = make_visit(petugas, at=wib(hour=9))
    cancelled.advance("cancel", by=petugas, at=wib(hour=9, minute=1), note="Tamu pulang")
    client = client_of(petugas)

    running_rows = timeline_rows(client.get(reverse("visits:detail", args=[running.pk])).content.decode())
    cancelled_html = client.get(reverse("visits:detail", args=[cancelled.pk])).content.decode()

    assert running_rows[1] == "2. Petugas menyambut tamu 09.00.00 berjalan 2 menit \u2014"
    assert timeline_rows(cancelled_html)[1] == (
        "2. Petugas menyambut tamu 09.00.00 09.01.00 Batal Budi Santoso 1 mnt 0 dtk 2 menit \u2014"
    )
    assert "Tamu pulang" in cancelled_html


def test_the_history_lists_every_change_with_who_did_it(client_of, people):
    visit = make_visit(people["petugas"], at=wib(hour=9))
    visit.advance("greet", by=people["petugas"], at=wib(hour=9, minute=1))

    html = client_of(people["petugas"]).get(reverse("visits:detail", args=[visit.pk])).content.decode()
    history = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[html.index("Riwayat"):]))

    assert "09.00.00 · Tamu didaftarkan · Budi Santoso" in history
    assert "09.00.00 · Catat kedatangan · Budi Santoso" in history
    assert "09.01.00 · Sambut · Budi Santoso" in history


def test_staff_of_the_bidang_see_their_visit(client_of, people):
    visit = make_visit(people["petugas"], at=wib(hour=9))
    visit.advance("greet", by=people["petugas"], at=wib(hour=9, minute=1))
    visit.advance("report", by=people["petugas"], at=wib(hour=9, minute=2))
    visit.advance("route", by=people["kasubbag"], at=wib(hour=9, minute=3), bidang=bidang("anggaran"))

    response = client_of(people["staf"]).get(reverse("visits:detail", args=[visit.pk]))

    assert response.status_code == 200
    assert 'data-move="receive"' in response.content.decode()
