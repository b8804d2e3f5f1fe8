"""Durations are written with their units and rounded one way (half up) everywhere; times say WIB."""

import pytest
from django.template import Context, Template
from django.utils import translation

from pojok.words import duration_text, time_text, whole_seconds
from tests.factories import wib


@pytest.mark.parametrize(("value", "expected"), [
    (2050.5, 2051), (180.5, 181), (180.49, 180), (0.5, 1), (2.5, 3), (None, None), (7, 7)])
def test_one_rounding_rule_half_up(value, expected):
    assert whole_seconds(value) == expected


@pytest.mark.parametrize(("seconds", "expected"), [
    (242, "4 mnt 2 dtk"), (3639, "1 jam 0 mnt"), (3600, "1 jam 0 mnt"), (45, "45 dtk"), (0, "0 dtk"),
    (1680, "28 mnt 0 dtk"), (7322, "2 jam 2 mnt"), (None, "—"), (180.5, "3 mnt 1 dtk")])
def test_durations_have_units(seconds, expected):
    assert duration_text(seconds) == expected


def test_durations_in_english():
    with translation.override("en"):
        assert duration_text(242) == "4 min 2 s"
        assert duration_text(3639) == "1 h 0 min"


def test_times_say_wib():
    moment = wib(2026, 11, 23, 10, 32, 5)
    assert time_text(moment) == "10.32 WIB"
    assert time_text(moment, seconds=True) == "10.32.05 WIB"
    rendered = Template('{% load pojok_words %}{{ at|wib }} / {{ at|wib:"detik" }} / {{ s|duration }}').render(
        Context({"at": moment, "s": 242}))
    assert rendered == "10.32 WIB / 10.32.05 WIB / 4 mnt 2 dtk"
