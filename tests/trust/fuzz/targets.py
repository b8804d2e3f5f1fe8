"""Every form of the app, as a fuzz target: the page, the role that posts it, valid data to start from
(hostile text then replaces some fields), and the pages that show what was stored.

A new form gets a row here; tests/trust/fuzz/test_every_form_is_fuzzed.py fails for a form class
of the project that no target names.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.urls import reverse

from lobby.models import Device
from pojok import clock
from routing.models import Bidang
from tests.booking.conftest import ticket
from tests.factories import PASSWORD
from tests.lobby.conftest import pair_device
from visits.models import Visit

from ..world import World


@dataclass
class Target:
    name: str
    role: str  # "device" for the paired kiosk
    fields: list[str]
    # {"url" (or "urls"): ..., "base": callable -> dict, "shown": callable -> [(role, url)]}
    setup: Callable[[World], dict]
    forms: tuple[str, ...]  # the form classes it exercises (module.Class)
    method: str = "post"
    form_key: str = "form"
    # tables a rejected POST still writes, by design (failed logins are counted and audited)
    side_tables: frozenset = field(default_factory=frozenset)


def _latest_visit() -> Visit:
    return Visit.objects.order_by("-pk").first()


def _check_in(w):
    def shown():
        visit = _latest_visit()
        return [("petugas", reverse("visits:desk")), ("petugas", reverse("visits:slip", args=[visit.pk])),
                ("kasubbag", reverse("visits:detail", args=[visit.pk]))]
    base = {"guest_name": "Siti Aminah", "origin": "Dinas Kesehatan", "phone": "", "party_size": "1",
            "keperluan": "Konsultasi SPJ", "arrival_time": ""}
    return {"url": reverse("visits:check_in"), "base": lambda: base, "shown": shown}


def _cancel(w):
    visit = w.visit("greeting")
    return {"url": reverse("visits:move", args=[visit.pk, "cancel"]), "base": lambda: {"note": "Tamu pulang"},
            "shown": lambda: [("petugas", reverse("visits:detail", args=[visit.pk]))]}


def _consultation(w):
    consultation = w.consultation()
    url = reverse("visits:consultation", args=[consultation.visit_id])
    base = {"mode": "provision", "problem": "SPJ belum lengkap", "outcome": "Dijelaskan", "action": "save"}
    return {"url": url, "base": lambda: base,
            "shown": lambda: [("staf", url), ("pimpinan", reverse("visits:consultation_search")),
                              ("staf", reverse("visits:follow_ups"))]}


def _transfer(w):
    visit = w.visit("waiting")
    aset = Bidang.objects.get(code="aset").pk
    return {"url": reverse("visits:transfer", args=[visit.pk]),
            "base": lambda: {"bidang": aset, "reason": "Urusan barang milik daerah"},
            "shown": lambda: [("kasubbag", reverse("visits:triage_route", args=[visit.pk])),
                              ("kasubbag", reverse("visits:detail", args=[visit.pk]))]}


def _receive(w):
    visit = w.visit("waiting")
    return {"url": reverse("visits:receive", args=[visit.pk]),
            "base": lambda: {"official": w.user("staf").pk},
            "shown": lambda: [("staf", reverse("visits:consultation", args=[visit.pk]))]}


def _remote(w):
    def shown():
        visit = _latest_visit()
        return [("kasubbag", reverse("visits:triage")), ("kasubbag", reverse("visits:triage_route", args=[visit.pk])),
                ("kasubbag", reverse("visits:detail", args=[visit.pk]))]
    base = {"channel": "telepon", "guest_name": "Pak Joko", "origin": "Dinas Sosial", "phone": "0812-3456-7890",
            "keperluan": "Konsultasi SPJ"}
    return {"url": reverse("visits:remote_new"), "base": lambda: base, "shown": shown}


def _referral(w):
    from offices.models import Office
    from referrals.models import Referral

    visit = w.visit("triage")
    to = Office.objects.get_or_create(code="bappeda", defaults={
        "name": "Badan Perencanaan Pembangunan Daerah", "short_name": "Bappeda", "template": "umum",
        "address": "Jl. Indra Bangsawan", "whatsapp": "6281234500999"})[0]

    def shown():
        pages = [("kasubbag", reverse("referrals:list")), ("kasubbag", reverse("visits:detail", args=[visit.pk]))]
        referral = Referral.objects.order_by("-pk").first()
        return pages + ([("kasubbag", reverse("referrals:detail", args=[referral.pk]))] if referral else [])
    base = {"to_office": to.pk, "reason": "Kewenangan Bappeda", "need": "Sinkronisasi RKA",
            "planned_date": clock.today().isoformat(), "part_of_day": "pagi", "consent": "on"}
    return {"url": reverse("referrals:new", args=[visit.pk]), "base": lambda: base, "shown": shown}


def _presence_arrange(w):
    return {"url": reverse("presence:day"),
            "base": lambda: {"action": "semua", "day": clock.today().isoformat(), "status": "wfh", "bidang": ""},
            "shown": lambda: [("kasubbag", reverse("presence:day")), ("staf", reverse("visits:inbox"))]}


def _presence_person(w):
    return {"url": reverse("presence:day"),
            "base": lambda: {"action": "orang", "day": clock.today().isoformat(), "status": "cuti",
                             "user": w.user("staf").pk},
            "shown": lambda: [("kasubbag", reverse("presence:day")), ("staf", reverse("visits:inbox"))]}


def _presence_mine(w):
    return {"url": reverse("presence:mine"), "base": lambda: {"status": "wfh", "next": "/bidang/"},
            "shown": lambda: [("staf", reverse("visits:inbox")), ("kasubbag", reverse("presence:day"))]}


def _route(w):
    visit = w.visit("triage")
    anggaran = Bidang.objects.get(code="anggaran").pk
    base = {"keperluan": "Konsultasi pergeseran DPA", "bidang": anggaran, "topic": "", "assigned_to": "",
            "override_reason": ""}
    return {"url": reverse("visits:triage_route", args=[visit.pk]), "base": lambda: base,
            "shown": lambda: [("kasubbag", reverse("visits:detail", args=[visit.pk])),
                              ("staf", reverse("visits:inbox")),
                              ("kasubbag", reverse("visits:routing_quality"))]}


def _piket(w):
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    return {"url": reverse("visits:piket_add"),
            "base": lambda: {"user": w.user("petugas").pk, "day": tomorrow},
            "shown": lambda: [("kasubbag", reverse("visits:triage"))]}


def _survey(w):
    answers = {f"u{n}": "4" for n in range(1, 10)}
    return {"url": reverse("survey:answer", args=[w.survey_token()]),
            "base": lambda: {**answers, "suggestion": "Pelayanan cepat"},
            "shown": lambda: [("pimpinan", reverse("survey:report"))]}


def _last_month() -> dict:
    end = clock.today().replace(day=1) - timedelta(days=1)
    return {"dari": end.replace(day=1).isoformat(), "sampai": end.isoformat()}


def _ikm_pages() -> list:
    query = "?" + "&".join(f"{key}={value}" for key, value in _last_month().items())
    return [("pimpinan", reverse("survey:report") + query), ("pimpinan", reverse("survey:print") + query),
            ("admin", reverse("survey:report") + query)]


def _plan(w):
    base = {**_last_month(), "unsur": "1", "action": "Papan alur layanan", "due": clock.today().isoformat(),
            "responsible": "Sekretaris"}
    return {"url": reverse("survey:add_plan"), "base": lambda: base, "shown": _ikm_pages}


def _plan_status(w):
    plan = w.follow_up_plan()
    return {"url": reverse("survey:plan_status", args=[plan.pk]),
            "base": lambda: {"status": "berjalan", "note": "", **_last_month()}, "shown": _ikm_pages}


def _kiosk(w):
    w.device_client = pair_device(name="Tablet pintu", kind=Device.Kind.KIOSK, by=w.user("admin"))[1]
    base = {"guest_name": "Siti Aminah", "origin": "Dinas Kesehatan", "keperluan": "Konsultasi SPJ"}
    return {"url": reverse("lobby:kiosk"), "base": lambda: {**base, "key": str(uuid.uuid4())},
            "shown": lambda: [("petugas", reverse("visits:desk"))]}


def _booking(w):
    day = clock.today() + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    base = {"guest_name": "Siti Aminah", "origin": "Dinas Kesehatan", "phone": "0812 3456 7890", "email": "",
            "keperluan": "Konsultasi DPA", "planned_date": day.isoformat(), "part_of_day": "pagi",
            "website": ""}
    w.guest_client = w.client("anon")  # the browser the page was given to (its ticket is in its cookie)
    return {"url": reverse("booking:register", args=["bpkad"]),
            "base": lambda: {**base, "started": ticket(w.guest_client, seconds_ago=30)},
            "shown": lambda: [("petugas", reverse("booking:expected") + f"?tanggal={day.isoformat()}")]}


def _booking_arrive(w):
    return {"url": reverse("booking:arrive"), "base": lambda: {"code": "PK-7Q3XKD", "next": ""},
            "shown": lambda: [("petugas", reverse("visits:desk"))]}


def _admin_login(w):
    return {"url": reverse("admin:login"), "base": lambda: {"username": "rina", "password": "salah-sandi"},
            "shown": lambda: [("admin", reverse("admin:audit_loginevent_changelist"))]}


def _login(w):
    return {"url": reverse("login"), "base": lambda: {"username": "budi", "password": "salah-sandi"},
            "shown": lambda: [("admin", reverse("admin:audit_loginevent_changelist"))]}


def _password(w):
    return {"url": reverse("password_change"),
            "base": lambda: {"old_password": PASSWORD, "new_password1": "Sandi-Baru-2026!",
                             "new_password2": "Sandi-Baru-2026!"},
            "shown": lambda: []}


def _language(w):
    return {"url": reverse("set_language"), "base": lambda: {"language": "en", "next": "/"},
            "shown": lambda: []}


def _guest_data(w):
    w.visit("greeting")
    return {"url": reverse("privacy:guest_data"), "base": lambda: {"name": "Siti Aminah", "aksi": "cari"},
            "shown": lambda: []}


def _try_phrases(w):
    return {"url": reverse("admin:routing_topic_try"), "base": lambda: {"phrases": "SPJ GU", "topic": "",
                                                                         "keywords": ""},
            "shown": lambda: []}


def _instansi(w):
    return {"url": reverse("admin:visits_instansi_add"),
            "base": lambda: {"name": "Dinas Baru", "active": "on"},
            "shown": lambda: [("admin", reverse("admin:visits_instansi_changelist")),
                              ("petugas", reverse("visits:check_in"))]}


def _topic(w):
    anggaran = Bidang.objects.get(code="anggaran").pk
    return {"url": reverse("admin:routing_topic_add"),
            "base": lambda: {"name": "Topik baru", "bidang": anggaran, "keywords": "dpa, rka",
                             "description": "", "active": "on"},
            "shown": lambda: [("admin", reverse("admin:routing_topic_changelist")),
                              ("kasubbag", reverse("visits:triage"))]}


def _letterhead(w):
    return {"url": reverse("admin:visits_letterhead_add"),
            "base": lambda: {"government": "PEMERINTAH KABUPATEN LAMPUNG SELATAN", "office": "BPKAD",
                             "address": "Jl. Contoh No. 1, Kalianda", "city": "Kalianda"},
            "shown": lambda: [("admin", reverse("admin:visits_letterhead_changelist"))]}


def _user(w):
    budi = w.user("petugas")
    base = {"username": "budi", "first_name": "Budi", "last_name": "Santoso", "email": "", "is_active": "on",
            "groups": list(budi.groups.values_list("pk", flat=True)), "bidang": "", "jabatan": "",
            "date_joined_0": "2026-11-01", "date_joined_1": "08:00:00"}
    return {"url": reverse("admin:pojok_user_change", args=[budi.pk]), "base": lambda: base,
            "shown": lambda: [("admin", reverse("admin:pojok_user_changelist")),
                              ("kasubbag", reverse("visits:triage"))]}


POST_TARGETS = [
    Target("check_in", "petugas",
           ["guest_name", "origin", "phone", "party_size", "keperluan", "arrival_time", "arrival"],
           _check_in, ("visits.forms.desk.CheckInForm",)),
    Target("cancel", "petugas", ["note", "next"], _cancel, ("visits.forms.desk.CancelForm",), form_key=""),
    Target("consultation", "staf", ["mode", "problem", "outcome", "other_documents", "documents",
                                    "follow_up_needed", "follow_up_due", "follow_up_by", "action"],
           _consultation, ("visits.forms.consult.ConsultationForm",)),
    Target("transfer", "staf", ["bidang", "reason"], _transfer, ("visits.forms.consult.TransferForm",),
           form_key="transfer_form"),
    Target("receive", "staf", ["official"], _receive, ("visits.forms.consult.ReceiveForm",), form_key=""),
    Target("route", "kasubbag", ["keperluan", "bidang", "topic", "assigned_to", "override_reason"], _route,
           ("visits.forms.triage.RouteForm",)),
    Target("remote_request", "kasubbag", ["channel", "guest_name", "origin", "phone", "keperluan"], _remote,
           ("visits.forms.remote.RemoteRequestForm",)),
    Target("referral", "kasubbag", ["to_office", "reason", "need", "planned_date", "part_of_day", "consent"],
           _referral, ("referrals.forms.ReferralForm",)),
    Target("presence_arrange", "kasubbag", ["action", "day", "status", "bidang"], _presence_arrange,
           ("presence.forms.ArrangeForm",), form_key="arrange_form"),
    Target("presence_person", "kasubbag", ["day", "status", "user"], _presence_person,
           ("presence.forms.PersonForm",), form_key=""),
    Target("presence_mine", "staf", ["status", "next"], _presence_mine, ("presence.forms.MineForm",), form_key=""),
    Target("piket", "kasubbag", ["user", "day"], _piket, ("visits.forms.triage.PiketForm",),
           form_key="piket_form"),
    Target("survey", "anon", ["suggestion", "is_complaint", "u1", "u9", "sex", "occupation"], _survey,
           ("survey.forms.SurveyForm",)),
    Target("follow_up_plan", "pimpinan", ["unsur", "action", "due", "responsible", "dari", "sampai"], _plan,
           ("survey.forms.FollowUpPlanForm",), form_key="plan_form"),
    Target("follow_up_status", "pimpinan", ["status", "note", "dari", "sampai"], _plan_status,
           ("survey.forms.PlanStatusForm",), form_key=""),
    Target("kiosk", "device", ["guest_name", "origin", "keperluan", "key", "arrival"], _kiosk,
           ("lobby.kiosk.KioskForm",)),
    Target("booking", "guest", ["guest_name", "origin", "phone", "email", "keperluan", "planned_date",
                                "part_of_day", "website", "started"], _booking,
           ("booking.forms.BookingForm",)),
    Target("booking_arrive", "petugas", ["code", "next"], _booking_arrive, ("booking.forms.CodeForm",),
           form_key="", side_tables=frozenset({"pojok_throttlecount"})),  # wrong codes are counted
    Target("login", "anon", ["username", "password"], _login, ("audit.forms.LoginForm",),
           side_tables=frozenset({"axes_accessattempt", "axes_accessfailurelog", "audit_loginevent"})),
    Target("admin_login", "anon", ["username", "password"], _admin_login, ("audit.forms.AdminLoginForm",),
           side_tables=frozenset({"axes_accessattempt", "axes_accessfailurelog", "audit_loginevent"})),
    Target("password_change", "petugas", ["old_password", "new_password1", "new_password2"], _password,
           ("django.contrib.auth.forms.PasswordChangeForm",)),
    Target("set_language", "anon", ["language", "next"], _language, ()),
    Target("guest_data", "admin", ["name", "phone", "email", "aksi", "pilih", "confirm"], _guest_data,
           ("privacy.forms.GuestSearchForm", "privacy.forms.EraseForm")),
    Target("try_phrases", "admin", ["phrases", "topic", "keywords"], _try_phrases,
           ("routing.forms.TryPhrasesForm",)),
    Target("admin_instansi", "admin", ["name", "active"], _instansi, ("admin:visits.Instansi",),
           form_key="adminform"),
    Target("admin_letterhead", "admin", ["government", "office", "address", "city", "remove_logo"], _letterhead,
           ("visits.admin.LetterheadForm",), form_key="adminform"),
    Target("admin_topic", "admin", ["name", "bidang", "keywords", "description", "active"], _topic,
           ("admin:routing.Topic",), form_key="adminform"),
    Target("admin_user", "admin",
           ["username", "first_name", "last_name", "email", "groups", "bidang", "jabatan"],
           _user, ("pojok.admin.UserForm",), form_key="adminform"),
]


def _url(name: str) -> str:
    return reverse(name, args=["bpkad"]) if name == "privacy:notice" else reverse(name)


def _get(name, role, url_names, fields, forms=(), side_tables=frozenset()):
    return Target(name, role, fields, lambda w: {"urls": [_url(n) for n in url_names], "base": lambda: {},
                                                 "shown": lambda: []}, forms, method="get", form_key="",
                  side_tables=side_tables)


GET_TARGETS = [
    _get("suggest", "petugas", ["routing:suggest"], ["q"]),
    _get("returning_guests", "petugas", ["visits:returning_guests"], ["guest_name", "phone"]),
    _get("consultation_search", "pimpinan", ["visits:consultation_search", "visits:consultation_export"],
         ["q", "tamu", "asal", "topik", "dokumen", "dari", "sampai", "bidang", "halaman", "kanal"],
         ("visits.forms.search.SearchForm",)),
    _get("consultation_search_staf", "staf", ["visits:consultation_search"],
         ["q", "tamu", "bidang", "halaman"]),
    _get("reports", "pimpinan", ["visits:reports", "visits:report_print", "visits:report_csv",
                                 "visits:report_xlsx"],
         ["periode", "bulan", "dari", "sampai", "bidang", "topik", "petugas", "asal", "kanal"],
         ("visits.forms.reports.ReportFilterForm",)),
    _get("presence_day", "kasubbag", ["presence:day"], ["tanggal"], ("presence.forms.DayForm",)),
    _get("routing_quality", "kasubbag", ["visits:routing_quality"], ["dari", "sampai"],
         ("visits.forms.triage.PeriodForm",)),
    _get("survey_start", "anon", ["survey:start"], ["kode"], ("survey.forms.CodeForm",),
         side_tables=frozenset({"pojok_throttlecount"})),  # wrong codes are counted
    _get("ikm", "pimpinan", ["survey:report", "survey:print", "survey:export"],
         ["dari", "sampai", "bidang", "topik", "kanal"],
         ("survey.forms.ReportFilterForm",)),
    _get("lists", "staf", ["visits:follow_ups"], ["halaman"]),
    _get("expected", "petugas", ["booking:expected"], ["tanggal"]),
    _get("notice", "anon", ["privacy:notice"], ["kembali"]),
    _get("admin_search", "admin", ["admin:visits_visit_changelist", "admin:routing_topic_changelist",
                                   "admin:pojok_user_changelist"], ["q", "o", "p", "bidang__id__exact"]),
]
