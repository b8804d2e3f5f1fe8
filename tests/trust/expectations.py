"""What every URL answers to each role, GET and POST: the office's access rules in one table.

Each row maps roles (a space-separated list; "*" for every role not named) to "GET POST" outcomes
in the words of tests/trust/outcomes.py. The roles are tests/trust/world.ROLES: anon, petugas,
kasubbag, piket (the petugas piket on duty today), piket_off (a petugas whose piket day is not
today), staf (Bidang Anggaran, the Bidang of the visit in the URL), staf_lain (Bidang Aset),
pimpinan, admin. POSTs carry a valid CSRF token and no data.

The Django admin follows one rule (ADMIN below) instead of a hundred rows; the admin pages that are
not a model's standard pages are listed in ADMIN_PAGES. A URL in neither fails the walk.
"""

from django.test import RequestFactory

from .walk import ADMIN_CATCH_ALL, admin_model

FRONT_DESK = "petugas piket piket_off"  # the piket on duty keeps the front desk's rights
TRIAGE = "kasubbag piket"
STAFF = "staf staf_lain"
READERS = "pimpinan admin"  # SOP and IKM reports; every Bidang's consultations, read-only

EXPECTED = {
    # --- accounts and landing ------------------------------------------------------------------
    "home": {"anon": "login login", FRONT_DESK: "→visits:desk →visits:desk",
             "kasubbag": "→visits:triage →visits:triage", STAFF: "→visits:inbox →visits:inbox",
             READERS: "→visits:reports →visits:reports",
             "kabupaten": "→kabupaten:overview →kabupaten:overview"},
    "healthz": {"*": "200 405"},
    "still_here": {"anon": "login login", "*": "204 405"},  # typing counts as activity (pojok.js)
    "login": {"anon": "200 200", "*": "→home →home"},  # POST without data: the form's errors
    "logout": {"*": "405 login"},  # logging out is a POST
    "password_change": {"anon": "login login", "*": "200 200"},
    "password_change_done": {"anon": "login login", "*": "200 405"},
    "set_language": {"*": "→home →home"},  # no language chosen: back to the start, nothing set

    # --- front desk ------------------------------------------------------------------------------
    "visits:desk": {"anon": "login login", FRONT_DESK: "200 405", "*": "403 405"},
    "visits:desk_rows": {"anon": "login login", FRONT_DESK: "200 405", "*": "403 405"},
    "visits:check_in": {"anon": "login login", FRONT_DESK: "200 200", "*": "403 403"},
    "visits:returning_guests": {"anon": "login login", FRONT_DESK: "200 405", "*": "403 405"},
    "visits:slip": {"anon": "login login", FRONT_DESK: "200 405", "*": "403 405"},
    "survey:invitation": {"anon": "login login", FRONT_DESK: "200 405", "*": "403 405"},
    "booking:expected": {"anon": "login login", FRONT_DESK: "200 405", "*": "403 405"},
    "booking:arrive": {"anon": "login login", FRONT_DESK: "405 →booking:expected", "*": "405 403"},

    # --- a visit: its timeline and the one door for moves (here "receive", a Bidang's move) ------
    "visits:detail": {"anon": "login login", "staf_lain": "404 405", "kabupaten": "403 405", "*": "200 405"},
    # the visit's staff are sent back to it (a refusal of the order is a message); a role that may not
    # make the move: 403; another Bidang: 404
    "visits:move": {"anon": "login login", "staf": "405 →visits:detail", "staf_lain": "405 404", "*": "405 403"},

    # --- triage (Kasubbag Umum, or the piket of the day) ------------------------------------------
    "presence:day": {"anon": "login login", "kasubbag admin": "200 400", "*": "403 403"},
    "presence:mine": {"anon": "login login", STAFF: "405 →visits:inbox", "*": "405 403"},
    "visits:remote_new": {"anon": "login login", TRIAGE: "200 400", STAFF: "200 400", "*": "403 403"},
    "visits:triage": {"anon": "login login", TRIAGE: "200 405", "*": "403 405"},
    "visits:triage_rows": {"anon": "login login", TRIAGE: "200 405", "*": "403 405"},
    "visits:triage_route": {"anon": "login login", TRIAGE: "200 400", "*": "403 403"},
    "visits:piket_add": {"anon": "login login", "kasubbag": "405 400", "*": "405 403"},
    "visits:piket_remove": {"anon": "login login", "kasubbag": "405 →visits:triage", "*": "405 403"},
    "visits:routing_quality": {"anon": "login login", "kasubbag admin": "200 405", "*": "403 405"},
    "routing:suggest": {"anon": "login login", f"{FRONT_DESK} kasubbag admin": "200 405", "*": "403 405"},

    # --- the Bidang's screens ----------------------------------------------------------------------
    "visits:inbox": {"anon": "login login", STAFF: "200 405", "*": "403 405"},
    "visits:inbox_rows": {"anon": "login login", STAFF: "200 405", "*": "403 405"},
    "visits:inbox_badge": {"anon": "login login", STAFF: "200 405", "*": "403 405"},
    # the draft is saved (all its fields may be empty); readers read it; another Bidang: 404
    "visits:consultation": {"anon": "login login", "staf": "200 →visits:consultation", "staf_lain": "404 404",
                            READERS: "200 404", "*": "403 403"},
    "visits:receive": {"anon": "login login", "staf": "405 →visits:inbox", "staf_lain": "405 404",
                       "*": "405 403"},
    "visits:transfer": {"anon": "login login", "staf": "405 200", "staf_lain": "405 404", "*": "405 403"},
    "lobby:call": {"anon": "login login", "staf": "405 →visits:inbox", "staf_lain": "405 404", "*": "405 403"},
    "visits:consultation_search": {"anon": "login login", f"{STAFF} {READERS}": "200 405", "*": "403 405"},
    "visits:consultation_export": {"anon": "login login", f"{STAFF} {READERS}": "200 405", "*": "403 405"},
    "visits:follow_ups": {"anon": "login login", f"{STAFF} {READERS}": "200 405", "*": "403 405"},
    "visits:follow_up_done": {"anon": "login login", "staf": "405 →visits:follow_ups", "staf_lain": "405 404",
                              "*": "405 403"},

    # --- reports -------------------------------------------------------------------------------------
    "visits:reports": {"anon": "login login", READERS: "200 405", "*": "403 405"},
    "visits:report_print": {"anon": "login login", READERS: "200 405", "*": "403 405"},
    "visits:report_csv": {"anon": "login login", READERS: "200 405", "*": "403 405"},
    "visits:report_xlsx": {"anon": "login login", READERS: "200 405", "*": "403 405"},
    "visits:report_pdf": {"anon": "login login", READERS: "200 405", "*": "403 405"},
    "survey:report": {"anon": "login login", READERS: "200 405", "*": "403 405"},
    "survey:print": {"anon": "login login", READERS: "200 405", "*": "403 405"},
    "survey:export": {"anon": "login login", READERS: "200 405", "*": "403 405"},
    # the rencana tindak lanjut is written by pimpinan (a POST without data: the report with the form's errors)
    "survey:add_plan": {"anon": "login login", "pimpinan": "405 400", "*": "405 403"},
    "survey:plan_status": {"anon": "login login", "pimpinan": "405 →survey:report", "*": "405 403"},
    "survey:export_pdf": {"anon": "login login", READERS: "200 405", "*": "403 405"},
    "documents:packs": {"anon": "login login", READERS: "200 405", "*": "403 405"},
    "documents:download": {"anon": "login login", READERS: "200 405", "*": "403 405"},

    # --- guests, no login ------------------------------------------------------------------------------
    "survey:answer": {"*": "200 200"},  # POST without answers: the form's messages
    "survey:start": {"*": "200 405"},
    "booking:register": {"*": "200 200"},
    "booking:done": {"*": "→booking:register 405"},  # nothing registered in this session yet

    "privacy:notice": {"*": "200 405"},
    # the short addresses of the guests' pages: on to the (one) office's page
    # (two offices on the server: a guest chooses one; a person of an office goes to their own)
    "booking:choose": {"anon kabupaten": "200 405", "*": "→booking:register 405"},
    "privacy:choose": {"anon kabupaten": "200 405", "*": "→privacy:notice 405"},
    # every office's figures side by side: the roles above the offices only
    # --- referrals between offices ---------------------------------------------------------------
    "referrals:list": {"anon": "login login", "petugas piket piket_off kasubbag pimpinan admin": "200 405",
                       "*": "403 405"},
    "referrals:new": {"anon": "login login", TRIAGE: "200 400", STAFF: "404 404", "*": "403 403"},
    "referrals:detail": {"anon": "login login", "petugas piket piket_off kasubbag pimpinan admin": "200 405",
                         "*": "403 405"},
    "referrals:receive": {"anon": "login login", "petugas piket piket_off kasubbag": "405 →referrals:detail",
                          "*": "405 403"},
    "kabupaten:overview": {"anon": "login login", "kabupaten": "200 405", "*": "403 405"},
    # the record of changes to the rules: read-only, for Pimpinan and Admin
    "audit:rule_changes": {"anon": "login login", READERS: "200 405", "*": "403 405"},
    # one guest's personal data: the admin only; a POST without a name, phone or email is refused
    "privacy:guest_data": {"anon": "login login", "admin": "200 400", "*": "403 403"},

    # --- lobby devices: refused without a paired device (tests/lobby/test_paired_devices.py walks
    # every URL as a paired display and kiosk) ---------------------------------------------------------
    "lobby:display": {"*": "403 403"},
    "lobby:display_board": {"*": "403 403"},
    "lobby:kiosk": {"*": "403 403"},
    # the one-time link asks first (GET), pairs on POST; its secret code is the credential
    "lobby:pair": {"*": "200 →lobby:display"},
}

# Admin pages that are not one model's standard pages: what the admin (rina) gets. Everyone else is
# sent to the admin's login page, except where ADMIN_OUTSIDERS says otherwise.
ADMIN_PAGES = {
    "admin:index": "200 200",
    "admin:app_list": "200 200",  # /admin/routing/
    "admin:login": "→admin:index 200",
    "admin:logout": "405 login",
    "admin:password_change": "200 200",
    "admin:password_change_done": "200 405",
    "admin:autocomplete": "403 405",  # without its parameters
    "admin:jsi18n": "200 405",
    "admin:view_on_site": "404 404",  # a user has no page of its own on the site
    ADMIN_CATCH_ALL: "404 404",
    "admin:routing_topic_try": "200 200",
    # a keyword proposal: added to a topic or set aside by POST only; the walk's world has none (404)
    "admin:routing_keywordproposal_add_to_topic": "405 404",
    "admin:routing_keywordproposal_dismiss": "405 404",
    "admin:auth_user_password_change": "200 200",
}
ADMIN_OUTSIDERS = {
    "admin:login": "200 200",
    "admin:logout": "→admin:index →admin:index",
}

# A model's standard admin pages: what the ModelAdmin lets the Admin role do there, for GET and POST.
ADMIN_VIEW_PERMS = {
    "changelist": (("view",), ("view",)),
    "add": (("add",), ("add",)),
    "change": (("view",), ("change",)),
    "delete": (("delete",), ("delete",)),
    "history": (("view",), ("view",)),
}


def _may(model_admin, user, action: str) -> bool:
    request = RequestFactory().get("/admin/")
    request.user = user
    return getattr(model_admin, f"has_{action}_permission")(request)


def _admin_model_page(name: str, user, has_object: bool) -> str | None:
    """The admin's answer to a model's standard page: 200 where its ModelAdmin allows the user, else 403."""
    model, model_admin, view = admin_model(name)
    if model is None:
        return None
    opts = model._meta
    if view == "<path:object_id>/":  # the old change URL: sent on to the new one
        return f"→admin:{opts.app_label}_{opts.model_name}_change " * 2
    if view not in ADMIN_VIEW_PERMS:
        return None

    def answer(actions):
        allowed = any(_may(model_admin, user, action) for action in actions)
        if not has_object and view in ("change", "delete", "history"):
            # Django says "no such object" (back to the index) once it knows the user may ask
            return "→admin:index" if allowed or view == "history" else "403"
        return "200" if allowed else "403"

    return " ".join(answer(actions) for actions in ADMIN_VIEW_PERMS[view])


def expected(name: str, role: str, *, user=None, has_object: bool = True) -> tuple[str, str] | None:
    """(GET, POST) outcomes for a URL and role, or None when the tables do not cover the URL."""
    if name.startswith("admin:"):
        if role != "admin":
            answer = ADMIN_OUTSIDERS.get(name, "admin-login admin-login")
        else:
            answer = ADMIN_PAGES.get(name) or _admin_model_page(name, user, has_object)
        return tuple(answer.split()) if answer else None
    rows = EXPECTED.get(name)
    if rows is None:
        return None
    for roles, answer in rows.items():
        if role in roles.split():
            return tuple(answer.split())
    return tuple(rows["*"].split())
