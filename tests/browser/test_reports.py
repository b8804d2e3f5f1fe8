"""A manager narrows the SOP report to one Bidang: htmx swaps the report and the URL keeps the filters."""

import os

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from tests.reports.conftest import october  # noqa: F401  (the hand-built October visits)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pimpinan_filters_the_report_by_bidang(page, pimpinan, october):  # noqa: F811
    page.login("hendra")
    page.open("/laporan/?periode=bulan&bulan=2026-10")
    assert page.wait_for(By.CSS_SELECTOR, '[data-figure="visits"]').text == "4"
    Select(page.driver.find_element(By.NAME, "bidang")).select_by_visible_text("Bidang Aset")
    page.click(".report-filters button[type=submit]")
    page.wait_for_text(By.CSS_SELECTOR, '[data-figure="visits"]', "1")
    assert "bidang=aset" in page.driver.current_url and "bulan=2026-10" in page.driver.current_url
    assert page.driver.find_element(By.CSS_SELECTOR, '[data-figure="share"]').text == "60,0%"
    if os.environ.get("REPORT_SCREENSHOT"):
        page.driver.set_window_size(1280, 2400)
        page.driver.save_screenshot(os.environ["REPORT_SCREENSHOT"])


def test_the_print_view_carries_the_letterhead_and_the_filters(page, pimpinan, october):  # noqa: F811
    page.login("hendra")
    page.open("/laporan/cetak/?periode=bulan&bulan=2026-10&bidang=aset")
    header = page.wait_for(By.CSS_SELECTOR, "header.letterhead").text
    assert "Badan Pengelola Keuangan dan Aset Daerah Kabupaten Lampung Selatan" in header
    assert page.driver.find_element(By.CSS_SELECTOR, '[data-describe="Bidang"]').text == "Bidang Aset"
    if os.environ.get("REPORT_PRINT_SCREENSHOT"):
        page.driver.set_window_size(1000, 2600)
        page.driver.save_screenshot(os.environ["REPORT_PRINT_SCREENSHOT"])
