"""A guest answers the satisfaction survey on a phone-sized window, in a real browser, without logging in."""

import pytest
from selenium.common.exceptions import ElementClickInterceptedException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from survey.answering import invite
from survey.catalog import ensure_unsur
from survey.models import Answer, Response, Unsur
from tests.factories import advance_to, make_visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = (390, 844)


def tap(page, element) -> None:
    """Tap like a thumb: once the element has stopped moving (the form glides to the next question)."""
    driver = page.driver
    for attempt in range(3):
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        WebDriverWait(driver, 5, poll_frequency=0.1).until(_standing_still(element))
        try:
            element.click()
            return
        except ElementClickInterceptedException:
            if attempt == 2:
                raise


def _standing_still(element):
    """True once the element is at the same place on screen twice in a row."""
    last = {}

    def still(driver):
        now = driver.execute_script(
            "var r = arguments[0].getBoundingClientRect(); return [r.top, r.left];", element)
        done = last.get("at") == now
        last["at"] = now
        return done
    return still


@pytest.fixture
def invitation(people):
    ensure_unsur(Unsur)  # a transactional test elsewhere may have flushed the migration's rows
    visit = make_visit(people["petugas"], guest_name="Rahmat Hidayat", phone="081377712345")
    advance_to(visit, ["greet", "report", "route", "receive", "finish", "see_out"], people)
    return invite(visit=visit, at=visit.arrived_at)


def test_a_guest_answers_on_a_phone(page, invitation):
    page.driver.set_window_size(*PHONE)
    page.open(f"/s/{invitation.token}")
    page.wait_for(By.CSS_SELECTOR, "[data-survey-form]")
    width = page.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= page.driver.execute_script("return window.innerWidth")  # nothing wider than the phone
    assert "Rahmat Hidayat" not in page.driver.page_source

    for number in range(1, 10):
        choice = page.driver.find_element(By.CSS_SELECTOR, f"label[for=u{number}-{4 if number != 3 else 2}]")
        assert choice.size["height"] >= 44  # a thumb-sized button
        tap(page, choice)
    page.wait_for_text(By.CSS_SELECTOR, "[data-survey-answered]", "9")

    tap(page, page.driver.find_element(By.CSS_SELECTOR, "details summary"))
    female = page.driver.find_element(By.CSS_SELECTOR, "label[for=id_sex_2]")
    tap(page, female)
    page.fill("suggestion", "Pelayanan cepat, terima kasih.")
    submit = page.driver.find_element(By.CSS_SELECTOR, "button.survey-submit")
    tap(page, submit)

    page.wait_for_text(By.CSS_SELECTOR, "[data-survey-closed] h1", "Terima kasih")
    response = Response.objects.get()
    assert (response.sex, response.bidang.code) == ("P", "anggaran")
    assert response.suggestion == "Pelayanan cepat, terima kasih."
    assert dict(Answer.objects.values_list("unsur__number", "value")) == {**{n: 4 for n in range(1, 10)}, 3: 2}


def test_a_missing_answer_is_pointed_out_on_the_phone(page, invitation):
    page.driver.set_window_size(*PHONE)
    page.open(f"/s/{invitation.token}")
    for number in range(1, 9):  # the ninth is left out
        choice = page.driver.find_element(By.CSS_SELECTOR, f"label[for=u{number}-3]")
        tap(page, choice)
    submit = page.driver.find_element(By.CSS_SELECTOR, "button.survey-submit")
    tap(page, submit)
    page.wait_for_text(By.CSS_SELECTOR, "#q9 [role=alert]", "Mohon pilih salah satu jawaban.")
    assert page.driver.find_element(By.ID, "u1-3").is_selected()  # what was answered is kept
    assert not Response.objects.exists()
