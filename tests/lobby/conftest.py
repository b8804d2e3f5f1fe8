"""A lobby display paired the way the admin does it: a one-time URL opened on the device."""

import pytest
from django.test import Client
from django.urls import reverse

from lobby.models import Device


def pair_device(*, name="TV ruang tunggu", kind=Device.Kind.DISPLAY, by=None) -> tuple[Device, Client]:
    device = Device.objects.create(name=name, kind=kind)
    token = device.new_pairing_token(by=by)
    client = Client()
    client.post(reverse("lobby:pair", args=[token]))
    device.refresh_from_db()
    return device, client


@pytest.fixture
def display_device(admin_user):
    return pair_device(by=admin_user)
