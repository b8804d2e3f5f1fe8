"""sop_report prints the same figures as the page, for cron jobs and checks."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command


def run(*args):
    out = io.StringIO()
    call_command("sop_report", *args, stdout=out)
    return out.getvalue()


def test_json_has_the_figures(october):
    data = json.loads(run("--from", "2026-10-01", "--to", "2026-10-31", "--format", "json"))
    summary = {row["Ukuran"]: row["Nilai"] for row in data["Ringkasan"]}
    assert (summary["Kunjungan"], summary["Kepatuhan SOP (%)"], summary["Median waktu tunggu (detik)"]) == (
        4, 82.4, 300)
    step1 = data["Per langkah SOP"][0]
    assert (step1["Kepatuhan (%)"], step1["Median (detik)"], step1["Persentil 90 (detik)"]) == (75.0, 210, 301)
    assert [row["Penilaian"] for row in data["Monitoring Pelaksanaan SOP AP"]][:2] == [
        "Tidak berjalan dengan baik", "Berjalan dengan baik"]


def test_bidang_narrows_the_report(october):
    data = json.loads(run("--from", "2026-10-01", "--to", "2026-10-31", "--bidang", "aset", "--format", "json"))
    summary = {row["Ukuran"]: row["Nilai"] for row in data["Ringkasan"]}
    assert (summary["Bidang"], summary["Kunjungan"], summary["Kepatuhan SOP (%)"]) == ("Bidang Aset", 1, 60.0)


def test_csv_and_table_formats(october):
    rows = list(csv.reader(io.StringIO(run("--from", "2026-10-05", "--to", "2026-10-05", "--format", "csv"))))
    assert ["Kunjungan", "2"] in rows
    table = run("--from", "2026-10-01", "--to", "2026-10-31")
    assert "Per langkah SOP" in table and "Kepatuhan SOP (%)" in table and "82.4" in table


@pytest.mark.parametrize("args, message", [
    (["--from", "2026-10-31", "--to", "2026-10-01"], "--to"),
    (["--from", "31-10-2026", "--to", "2026-10-31"], "--from"),
    (["--from", "2026-10-01", "--to", "2026-10-31", "--bidang", "tidak-ada"], "--bidang"),
])
def test_bad_arguments_are_refused_with_a_message(args, message, db):
    with pytest.raises(CommandError, match=message):
        run(*args)
