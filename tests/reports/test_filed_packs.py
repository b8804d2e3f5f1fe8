"""Filed packs: the monthly job files last month's PDF with its SHA-256 and maker; making it again files
a new version and never overwrites one; pimpinan list and download them exactly as filed."""

import hashlib
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from documents.models import FiledPack, PackRefused
from tests.factories import wib


def test_the_first_of_the_month_files_last_months_pack(october, clock, pimpinan, client_of):
    clock.set(wib(2026, 11, 1, 6, 15))
    call_command("file_monthly_pack", "--by", "systemd pojok-monthly-pack.timer", stdout=io.StringIO())
    pack = FiledPack.objects.get()
    assert (pack.period_start.isoformat(), pack.period_end.isoformat(), pack.version) == (
        "2026-10-01", "2026-10-31", 1)
    assert pack.sha256 == hashlib.sha256(bytes(pack.content)).hexdigest() and pack.size == len(bytes(pack.content))
    assert pack.made_how == "systemd pojok-monthly-pack.timer" and pack.made_by is None
    assert pack.made_at == wib(2026, 11, 1, 6, 15)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(bytes(pack.content))).pages)
    assert "82,4%" in text and "1 Oktober 2026 s.d. 31 Oktober 2026" in text


def test_making_it_again_files_a_new_version_and_keeps_the_old(october, clock):
    clock.set(wib(2026, 11, 1, 6, 15))
    call_command("file_monthly_pack", stdout=io.StringIO())
    first = FiledPack.objects.get()
    kept = (bytes(first.content), first.sha256, first.made_at)
    clock.set(wib(2026, 11, 3, 9, 0))  # printed at another moment: another file
    call_command("file_monthly_pack", "--month", "2026-10", stdout=io.StringIO())
    versions = list(FiledPack.objects.order_by("version"))
    assert [p.version for p in versions] == [1, 2]
    assert (bytes(versions[0].content), versions[0].sha256, versions[0].made_at) == kept
    assert versions[1].sha256 != versions[0].sha256
    first.signer = "ditimpa"
    with pytest.raises(PackRefused):
        first.save()
    with pytest.raises(PackRefused):
        first.delete()
    assert FiledPack.objects.get(pk=first.pk).signer != "ditimpa" and FiledPack.objects.count() == 2


def test_pimpinan_list_and_download_the_packs(october, clock, pimpinan, client_of):
    clock.set(wib(2026, 11, 1, 6, 15))
    call_command("file_monthly_pack", stdout=io.StringIO())
    pack = FiledPack.objects.get()
    client = client_of(pimpinan)
    page = client.get(reverse("documents:packs")).content.decode()
    assert pack.sha256 in page and "1 Oktober 2026 – 31 Oktober 2026" in page
    assert reverse("documents:download", args=[pack.pk]) in page
    response = client.get(reverse("documents:download", args=[pack.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert hashlib.sha256(response.content).hexdigest() == pack.sha256 == response["X-Content-SHA256"]
    assert "laporan-sop-2026-10-v1.pdf" in response["Content-Disposition"]
