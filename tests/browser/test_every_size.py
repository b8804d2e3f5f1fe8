"""Every role's pages, the guest pages, the kiosk and the lobby display at a desktop (1366), the desk
tablet (820) and a phone (390): nothing may stick out of the window sideways.

A table may scroll inside its `.table-responsive` wrapper (that is not page overflow), but the board's
actions must still be reachable. Screenshots go to /tmp/shots/ (POJOK_SHOTS to move them) to look at.
"""

import os
from datetime import timedelta

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from lobby.models import Device
from pojok import clock
from survey.answering import invite
from survey.catalog import ensure_unsur
from survey.models import Unsur
from tests.factories import bidang, make_visit
from visits.models import Mode, SopStep, finish_consultation, record_consultation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {1366: 768, 820: 1180, 390: 844}
SHOTS = os.environ.get("POJOK_SHOTS", "/tmp/shots")

LONG_NAME = "Yuni Rahayu Kusumawardhani Puspitasari"
LONG_OPD = "Dinas Pemberdayaan Masyarakat dan Desa, Kependudukan dan Pencatatan Sipil Kabupaten Lampung Selatan"

# Every element whose right edge passes the window, unless a scrolling box (a .table-responsive) or a
# hidden one holds it: "tag#id.class width px (right edge)". And the page's own width.
OVERFLOW = """
// the window's width less its vertical scrollbar: what is wider than that scrolls sideways
const width = document.documentElement.clientWidth;
function describe(el) {
  let name = el.tagName.toLowerCase();
  if (el.id) name += "#" + el.id;
  if (el.classList.length) name += "." + Array.from(el.classList).join(".");
  return name;
}
function clipped(el) {
  // A scrolling box clips what it contains, but not an absolutely placed element whose containing
  // block lies outside it (a .visually-hidden label in a table can widen the page).
  let absolute = getComputedStyle(el).position === "absolute";
  for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
    const style = getComputedStyle(box);
    if (absolute && style.position === "static") continue;
    absolute = style.position === "absolute";
    if (["auto", "scroll", "hidden", "clip"].includes(style.overflowX)) {
      // clipped here, or by a box further out (an <svg> clips its shapes, its table's wrapper clips it)
      return box.getBoundingClientRect().right <= width + 0.5 || clipped(box);
    }
  }
  return false;
}
const offenders = [];
for (const el of document.body.querySelectorAll("*")) {
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) continue;
  const style = getComputedStyle(el);
  if (style.visibility === "hidden" || style.position === "fixed" && rect.left >= width) continue;
  if (rect.right > width + 0.5 && !clipped(el)) {
    offenders.push(describe(el) + " " + Math.round(rect.width) + "px (right edge " + Math.round(rect.right) + ")");
  }
}
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, clientWidth: width,
         offenders: offenders.slice(0, 15)};
"""

FITS = "const box = document.querySelector(arguments[0]); return box.scrollWidth <= box.clientWidth;"


def _world(people, admin_user):
    """A busy morning: several guests on the board at every step, long names, long OPD names, a guest
    with the Bidang, one finished with a follow-up, a returning guest, a survey invitation."""
    petugas, kasubbag, staf = people["petugas"], people["kasubbag"], people["staf"]
    start = clock.now() - timedelta(minutes=50)
    earlier = make_visit(petugas, at=start - timedelta(days=14), guest_name=LONG_NAME, origin=LONG_OPD,
                         phone="081234565678", keperluan="Konsultasi penyusunan RKA SKPD tahun anggaran 2027")
    visits = {"earlier": earlier}
    steps = {"greeting": [], "reporting": ["greet"], "triage": ["greet", "report"],
             "waiting": ["greet", "report", "route"], "consulting": ["greet", "report", "route", "receive"],
             "leaving": ["greet", "report", "route", "receive", "finish"]}
    for index, (name, moves) in enumerate(steps.items()):
        at = start + timedelta(minutes=index)
        visit = make_visit(petugas, at=at, guest_name=f"{LONG_NAME} {index}", origin=LONG_OPD,
                           phone=f"08129876{index:04d}", party_size=3 if index % 2 else 1,
                           keperluan="Konsultasi pergeseran anggaran belanja hibah dan bantuan sosial " * 2)
        for move_index, move in enumerate(moves, start=1):
            moment = at + timedelta(minutes=move_index)
            if move == "finish":
                finish_consultation(visit=visit, by=staf, at=moment, mode=Mode.PRESCRIPTION,
                                    problem="SPJ belum lengkap", outcome="Dijelaskan tata cara penyusunan SPJ.",
                                    follow_up_needed=True, follow_up_due=clock.today() + timedelta(days=3))
                continue
            visit.advance(move, by=kasubbag if move == "route" else staf if move == "receive" else petugas,
                          at=moment, bidang=bidang("anggaran") if move == "route" else None)
        visits[name] = visit
    record_consultation(visit=visits["consulting"], by=staf, mode=Mode.MEDIATION, problem="Draf")
    for move in ["greet", "report", "route", "receive"]:
        earlier.advance(move, by=kasubbag if move == "route" else staf if move == "receive" else petugas,
                        at=earlier.arrived_at + timedelta(minutes=5),
                        bidang=bidang("anggaran") if move == "route" else None)
    finish_consultation(visit=earlier, by=staf, at=earlier.arrived_at + timedelta(minutes=30),
                        mode=Mode.PROVISION, problem="RKA", outcome="Diarahkan ke SIPD.")
    earlier.advance("see_out", by=petugas, at=earlier.arrived_at + timedelta(minutes=35))
    returning = make_visit(petugas, at=start + timedelta(minutes=20), guest_name=LONG_NAME, origin=LONG_OPD,
                           phone="081234565678", keperluan="Konsultasi lanjutan RKA")
    for move in ["greet", "report"]:
        returning.advance(move, by=petugas, at=returning.arrived_at + timedelta(minutes=1))
    visits["returning"] = returning
    ensure_unsur(Unsur)
    visits["invitation"] = invite(visit=visits["leaving"])
    step = SopStep.objects.get(number=2)
    step.standard_minutes = (step.standard_minutes or 5) + 1
    step.save()  # one entry in the rule-change log
    return visits


def _check(page, name, failures, *, ready="main", widths=WIDTHS):
    for width, height in widths.items():
        page.driver.set_window_size(width, height)
        page.wait_for(By.CSS_SELECTOR, ready)
        found = page.driver.execute_script(OVERFLOW)
        page.driver.save_screenshot(os.path.join(SHOTS, f"{name}-{width}.png"))
        if found["scrollWidth"] > found["clientWidth"] or found["offenders"]:
            failures.append(f"{name} at {width}px: page {found['scrollWidth']}px wide in a "
                            f"{found['innerWidth']}px window ({found['clientWidth']}px inside its scrollbar); "
                            + "; ".join(found["offenders"]))


def _visit_pages(page, failures, pages):
    for name, path, ready in pages:
        page.open(path)
        _check(page, name, failures, ready=ready)


def _reachable(page, element) -> bool:
    """The element can be scrolled into the window (also inside its .table-responsive) and clicked."""
    return page.driver.execute_script("""
        const el = arguments[0];
        el.scrollIntoView({block: "center", inline: "center", behavior: "instant"});
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return r.left >= 0 && r.right <= window.innerWidth && (hit === el || el.contains(hit));
    """, element)


def _log_in_as(page, username):
    page.driver.delete_all_cookies()
    page.driver.set_window_size(1366, 768)
    page.login(username)


def test_no_page_overflows_at_any_width(page, people, pimpinan, admin_user, staf_lain):
    os.makedirs(SHOTS, exist_ok=True)
    visits = _world(people, admin_user)
    failures = []

    _log_in_as(page, "budi")
    _visit_pages(page, failures, [
        ("desk-board", reverse("visits:desk"), "#board table"),
        ("desk-check-in", reverse("visits:check_in"), "#check-in-form"),
        ("desk-slip", reverse("visits:slip", args=[visits["greeting"].pk]), ".visitor-slip"),
        ("visit-detail", reverse("visits:detail", args=[visits["greeting"].pk]), "main h1"),
    ])
    page.open(reverse("visits:desk"))
    for width, height in WIDTHS.items():
        page.driver.set_window_size(width, height)
        actions = page.driver.find_elements(By.CSS_SELECTOR, "#board tbody td:last-child :is(a, button)")
        assert len(actions) >= 6
        for action in actions:
            if not _reachable(page, action):
                failures.append(f"desk-board at {width}px: {action.text!r} cannot be reached")
        if width >= 820 and not page.driver.execute_script(FITS, "#board .table-responsive"):
            failures.append(f"desk-board at {width}px: the table is wider than the window (its columns scroll)")

    _log_in_as(page, "sri")
    _visit_pages(page, failures, [
        ("triage-queue", reverse("visits:triage"), "main h1"),
        ("triage-route", reverse("visits:triage_route", args=[visits["returning"].pk]), "main h1"),
    ])

    _log_in_as(page, "ani")
    _visit_pages(page, failures, [
        ("bidang-inbox", reverse("visits:inbox"), "main h1"),
        ("bidang-consultation", reverse("visits:consultation", args=[visits["consulting"].pk]), "#consultation-form"),
        ("bidang-follow-ups", reverse("visits:follow_ups"), "main h1"),
        ("bidang-history", reverse("visits:consultation_search") + "?tamu=Yuni", "main h1"),
    ])

    _log_in_as(page, "hendra")
    _visit_pages(page, failures, [
        ("reports", reverse("visits:reports"), "main h1"),
        ("skm-report", reverse("survey:report"), "main h1"),
        ("filed-packs", reverse("documents:packs"), "main h1"),
        ("presence", reverse("presence:day"), "main h1"),
    ])

    _log_in_as(page, "rina")
    _visit_pages(page, failures, [("rule-changes", reverse("audit:rule_changes"), "main h1")])

    page.driver.delete_all_cookies()
    _visit_pages(page, failures, [
        ("guest-pre-registration", reverse("booking:register", args=["bpkad"]), "#booking-form"),
        ("guest-survey", f"/s/{visits['invitation'].token}", "[data-survey-form]"),
        ("guest-privacy", reverse("privacy:notice", args=["bpkad"]), "h1"),
    ])

    for kind, name, ready in [(Device.Kind.KIOSK, "kiosk", "[data-kiosk-form]"),
                              (Device.Kind.DISPLAY, "lobby-display", "[data-lobby-board]")]:
        page.driver.delete_all_cookies()
        device = Device.objects.create(name=f"Perangkat {name}", kind=kind)
        page.driver.set_window_size(1366, 768)
        page.open(reverse("lobby:pair", args=[device.new_pairing_token(by=admin_user)]))
        page.click("form button[type=submit]")
        page.wait_for(By.CSS_SELECTOR, ready)
        _check(page, name, failures, ready=ready, widths={**WIDTHS, 768: 1024})  # the display: also a 768 px TV

    assert not failures, "\n".join(failures)
