"""Failed emails are visible to the admin in the Django admin, and can be sent again from there."""

import pytest
from django.core import mail

from notifications.models import Notification, Status
from tests.factories import bidang

pytestmark = pytest.mark.django_db
URL = "/admin/notifications/notification/"


@pytest.fixture
def failed(db):
    return Notification.objects.create(
        bidang=bidang("aset"), to_email="dodi@bpkad.example", subject="Tamu baru A-007", body="...",
        status=Status.FAILED, attempts=3, last_error="[Errno 111] Connection refused",
    )


def test_the_admin_sees_the_failure_and_its_error(client_of, admin_user, failed):
    html = client_of(admin_user).get(URL, {"status__exact": Status.FAILED}).content.decode()
    assert "dodi@bpkad.example" in html and "Connection refused" in html


def test_the_admin_sends_it_again(client_of, admin_user, failed):
    response = client_of(admin_user).post(URL, {"action": "send_again", "_selected_action": [failed.pk]})
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == Status.SENT and [m.to for m in mail.outbox] == [["dodi@bpkad.example"]]


def test_other_roles_do_not_see_the_outbox(client_of, kasubbag, failed):
    kasubbag.is_staff = True
    kasubbag.save()
    assert client_of(kasubbag).get(URL).status_code == 403
