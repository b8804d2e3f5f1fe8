"""Under the Content-Security-Policy, every main page works in Chromium without a single violation.

Chromium reports each blocked script, style or image in the console ("Refused to ..."): each role opens
its pages (lists filled, timers ticking, htmx polling), the admin opens the admin, a paired lobby TV its
display, and a guest the survey; the console must hold no CSP message.
"""

import time

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By

from lobby.models import Device
from pojok import clock
from pojok.navigation import areas_for
from survey.answering import invite
from tests.factories import advance_to, make_visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _csp_violations(driver) -> list[str]:
    entries = driver.get_log("browser")
    return [e["message"] for e in entries
            if "Content Security Policy" in e["message"] or "Refused to" in e["message"]]


def _visit(page, path, seen):
    page.open(path)
    page.wait_for(By.TAG_NAME, "body")
    time.sleep(0.6)  # let deferred scripts run and htmx settle
    seen[path] = _csp_violations(page.driver)


def _fill_the_lists(people):
    now = clock.now()
    make_visit(people["petugas"], at=now, guest_name="Tamu Baru")
    advance_to(make_visit(people["petugas"], at=now, guest_name="Tamu Triase"), ["greet", "report"], people)
    routed = advance_to(make_visit(people["petugas"], at=now, guest_name="Tamu Bidang"),
                        ["greet", "report", "route"], people)
    done = advance_to(make_visit(people["petugas"], at=now, guest_name="Tamu Selesai"),
                      ["greet", "report", "route", "receive", "finish", "see_out"], people)
    return done, routed


def test_no_page_of_any_role_breaks_the_policy(page, people, pimpinan, admin_user):
    done, routed = _fill_the_lists(people)
    seen = {}
    for user in [people["petugas"], people["kasubbag"], people["staf"], pimpinan]:
        page.driver.delete_all_cookies()
        page.login(user.username)
        for area in areas_for(user):
            _visit(page, reverse(area.url_name), seen)
        if user == people["petugas"]:
            _visit(page, reverse("visits:check_in"), seen)
            _visit(page, reverse("survey:invitation", args=[done.pk]), seen)  # the QR code (SVG)
        if user == people["staf"]:
            _visit(page, reverse("visits:consultation", args=[routed.pk]), seen)
        _visit(page, reverse("visits:detail", args=[done.pk]), seen)
    page.driver.delete_all_cookies()
    page.login(admin_user.username)
    for name in ["admin:index", "admin:pojok_user_changelist", "admin:pojok_user_add",
                 "admin:routing_topic_add", "admin:audit_loginevent_changelist",
                 "admin:axes_accessattempt_changelist"]:
        _visit(page, reverse(name), seen)
    _visit(page, reverse("admin:pojok_user_change", args=[people["staf"].pk]), seen)
    for path in ["/admin/routing/topic/coba/", "/admin/visits/visit/", "/admin/lobby/device/add/"]:
        _visit(page, path, seen)
    assert len(seen) >= 15
    assert {path: v for path, v in seen.items() if v} == {}


def test_the_lobby_display_and_the_survey_keep_to_the_policy(page, people, admin_user):
    done, _ = _fill_the_lists(people)
    seen = {}
    token = Device.objects.create(name="TV", kind=Device.Kind.DISPLAY).new_pairing_token(by=admin_user)
    page.open(reverse("lobby:pair", args=[token]))
    page.click("form button[type=submit]")
    page.wait_for(By.CSS_SELECTOR, "[data-lobby-board]")
    time.sleep(3.5)  # one poll of the board
    seen["display"] = _csp_violations(page.driver)
    page.driver.delete_all_cookies()
    invitation = invite(visit=done)
    _visit(page, f"/s/{invitation.token}", seen)
    assert seen == {"display": [], f"/s/{invitation.token}": []}


def test_the_check_sees_a_violation_when_there_is_one(page):
    """The control: an inline style added to the page is refused and shows up in the console."""
    page.open(reverse("login"))
    page.wait_for(By.NAME, "username")
    _csp_violations(page.driver)  # empty the log
    page.driver.execute_script("var s = document.createElement('style');"
                               "s.textContent = 'body { color: red; }'; document.head.appendChild(s);")
    time.sleep(0.3)
    assert any("style-src" in message for message in _csp_violations(page.driver))
