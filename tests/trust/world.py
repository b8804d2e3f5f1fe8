"""The people and objects the trust tests open pages with, built fresh for each test.

Every role of the office is here as a person (the piket on and off duty too), and `World` makes,
on demand, a visit of Bidang Anggaran in the state a URL needs, so that a move made by one URL's
POST never changes the object another URL is opened with.

`other_world()` is a second office on the same server (Bappeda, from the generic template) with its own
people and guests in every state; the walk checks that no page of one office names anyone of the other.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.test import Client

from booking.bookings import register_referred
from documents.packs import file_sop_pack, last_month
from lobby.models import Device
from offices import current
from offices.models import Office
from pojok import clock, roles
from pojok.periods import Period
from referrals.models import FromStep, Referral
from survey.answering import invite
from survey.follow_up import write_plan
from survey.models import FollowUpPlan, Unsur
from tests.factories import advance_to, make_user
from visits.models import Consultation, Mode, Piket, Visit, record_consultation

# The roles every URL is walked as; the staff of another Bidang (dodi, Aset) is the outsider.
ROLES = ["anon", "petugas", "kasubbag", "piket", "piket_off", "staf", "staf_lain", "pimpinan", "admin", "kabupaten"]

# How far along the lifecycle a visit must be for a page (moves as tests/factories.advance_to names them).
MOVES_TO = {
    "greeting": [],
    "triage": ["greet", "report"],
    "waiting": ["greet", "report", "route"],
    "consulting": ["greet", "report", "route", "receive"],
    "leaving": ["greet", "report", "route", "receive", "finish"],
}


class World:
    """The named people and a maker of fresh objects; `user(role)` is None for the anonymous guest."""

    NAMES = {"petugas": ("budi", "Budi Santoso"), "kasubbag": ("sri", "Sri Rahayu"),
             "piket": ("wawan", "Wawan Piket"), "piket_off": ("yuni", "Yuni Kemarin"),
             "staf": ("ani", "Ani Lestari"), "staf_lain": ("dodi", "Dodi Pratama"),
             "pimpinan": ("hendra", "Hendra Wijaya"), "admin": ("rina", "Rina Admin")}
    GUEST = ("Siti Aminah", "0812 7000 1111")
    UNITS = ("anggaran", "aset")  # the staff's Bidang and the outsider's
    KABUPATEN = ("inspektur", "Irma Inspektorat")  # above the offices: an account of no office

    def __init__(self):
        self.office = current.get()
        role_of = {"petugas": roles.PETUGAS, "kasubbag": roles.KASUBBAG, "piket": roles.PETUGAS,
                   "piket_off": roles.PETUGAS, "staf": roles.STAF, "staf_lain": roles.STAF,
                   "pimpinan": roles.PIMPINAN, "admin": roles.ADMIN}
        units = {"staf": self.UNITS[0], "staf_lain": self.UNITS[1]}
        self.people = {
            role: make_user(username, role_of[role], full_name=full_name, bidang_code=units.get(role),
                            is_staff=role == "admin", **({"jabatan": "pelaksana"} if role in units else {}))
            for role, (username, full_name) in self.NAMES.items()}
        if self.KABUPATEN:
            username, full_name = self.KABUPATEN
            self.people["kabupaten"] = make_user(username, roles.KABUPATEN, full_name=full_name, office=None)
        today = clock.today()
        sri = self.people["kasubbag"]
        Piket.objects.create(user=self.people["piket"], day=today, assigned_by=sri)
        Piket.objects.create(user=self.people["piket_off"], day=today - timedelta(days=1), assigned_by=sri)
        self.lifecycle_people = {"petugas": self.people["petugas"], "kasubbag": sri,
                                 "staf": self.people["staf"]}

    def user(self, role: str):
        return self.people.get(role)

    def client(self, role: str, **kwargs) -> Client:
        client = Client(**kwargs)
        if role != "anon":
            client.force_login(self.people[role])
        return client

    # --- objects a URL is filled with -------------------------------------------------------

    def visit(self, state: str = "waiting", **fields) -> Visit:
        """A visit of today, of Bidang Anggaran once routed, in the given state."""
        at = clock.now() - timedelta(minutes=30)
        visit = Visit.check_in(by=self.people["petugas"], guest_name=fields.pop("guest_name", self.GUEST[0]),
                               origin="Dinas Kesehatan", keperluan="Konsultasi pergeseran anggaran", at=at,
                               phone=fields.pop("phone", self.GUEST[1]), **fields)
        return advance_to(visit, MOVES_TO[state], self.lifecycle_people, at=at, bidang_code=self.UNITS[0])

    def consultation(self, *, follow_up=False) -> Consultation:
        """A draft record of a guest in consultation with Bidang Anggaran (a follow-up promised, if asked)."""
        visit = self.visit("consulting")
        extra = {"follow_up_needed": True, "follow_up_due": visit.day + timedelta(days=7),
                 "follow_up_by": self.people["staf"]} if follow_up else {}
        return record_consultation(visit=visit, by=self.people["staf"], mode=Mode.PRESCRIPTION,
                                   problem="Pergeseran antar-objek", outcome="Dijelaskan alurnya", **extra)

    def piket_tomorrow(self) -> Piket:
        tomorrow = clock.today() + timedelta(days=1)
        piket, _ = Piket.objects.get_or_create(user=self.people["petugas"], day=tomorrow,
                                               defaults={"assigned_by": self.people["kasubbag"]})
        return piket

    def filed_pack(self):
        """Last month's SOP pack, filed the way the monthly job files it."""
        return file_sop_pack(last_month(clock.today()), made_how="tests.trust.world")

    def survey_token(self) -> str:
        return invite(visit=self.visit("leaving")).token

    def follow_up_plan(self) -> FollowUpPlan:
        """A line of the SKM's rencana tindak lanjut for last month, written by pimpinan."""
        end = clock.today().replace(day=1) - timedelta(days=1)
        return write_plan(by=self.people["pimpinan"], period=Period(end.replace(day=1), end),
                          unsur=Unsur.objects.order_by("number").first(), action="Perbaiki papan informasi",
                          due=clock.today(), responsible="Sekretaris")

    def received_referral(self) -> Referral:
        """A guest another office referred here: among this office's expected guests, not yet received."""
        sender = Office.objects.exclude(pk=self.office.pk).order_by("pk").first() or Office.objects.create(
            code="inspektorat", short_name="Inspektorat", name="Inspektorat Daerah Kabupaten Lampung Selatan",
            template="umum")
        booking = register_referred(referred_from=sender, guest_name=self.GUEST[0], origin="Dinas Kesehatan",
                                    phone=self.GUEST[1], keperluan="Konsultasi pergeseran anggaran",
                                    planned_date=clock.today(), part_of_day="pagi")
        return Referral.objects.create(from_office=sender, to_office=self.office, booking=booking,
                                       from_step=FromStep.TRIAGE, reason="Kewenangan kantor ini",
                                       consent_at=clock.now(), sent_on=clock.today())

    def pairing_token(self, kind=Device.Kind.DISPLAY) -> str:
        device = Device.objects.create(name=f"Perangkat {Device.objects.count() + 1}", kind=kind)
        return device.new_pairing_token(by=self.people["admin"])

    def user_model(self):
        return get_user_model()

    def secrets(self) -> list[str]:
        """What no page of another office may show: this office's guest and people."""
        return [self.GUEST[0], *(name for _, name in self.NAMES.values())]

    def populate(self) -> None:
        """Guests of today in every state, a consultation with a follow-up, a survey link."""
        for state in MOVES_TO:
            self.visit(state)
        self.consultation(follow_up=True)
        self.survey_token()


class OtherWorld(World):
    """Bappeda's people and guests: other names, the generic template's units."""

    NAMES = {role: (f"{username}_bappeda", f"{name.split()[0]} Bappedawan") for role, (username, name)
             in World.NAMES.items()}
    GUEST = ("Gendis Rahasiani", "0812 7000 2222")
    UNITS = ("keuangan", "umum")
    KABUPATEN = None  # one kabupaten account is enough


def other_world() -> OtherWorld:
    """The second office with its people and guests, made as that office; the test goes on as its own."""
    office = Office.objects.get_or_create(code="bappeda", defaults={
        "name": "Badan Perencanaan Pembangunan Daerah Kabupaten Lampung Selatan", "short_name": "Bappeda",
        "template": "umum"})[0]
    with current.acting_for(office):
        world = OtherWorld()
        world.populate()
    return world
