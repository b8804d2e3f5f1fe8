"""Each step keeps the standard in force when it started, whatever the administrator changes later."""

from django.urls import reverse

from tests.factories import make_visit, wib
from visits.models import SopStep


def set_standard(client, number: int, minutes: int) -> None:
    """Change a standard the way the administrator does: through the admin change form."""
    sop_step = SopStep.objects.get(number=number)
    response = client.post(reverse("admin:visits_sopstep_change", args=[number]), {
        "name": sop_step.name, "short_name": sop_step.short_name, "performer": sop_step.performer,
        "standard_minutes": minutes,
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SopStep.objects.get(number=number).standard_minutes == minutes


def test_past_and_running_steps_keep_the_old_standard_and_later_steps_take_the_new(
    people, admin_user, client_of
):
    visit = make_visit(people["petugas"], at=wib(hour=9))  # step 1 done, step 2 running since 09.00
    admin = client_of(admin_user)
    set_standard(admin, 1, 10)
    set_standard(admin, 2, 5)
    set_standard(admin, 3, 4)

    visit.advance("greet", by=people["petugas"], at=wib(hour=9, minute=3))

    steps = {s.number: s for s in visit.steps.all()}
    assert steps[1].standard_minutes == 5   # past
    assert steps[2].standard_minutes == 2   # running when it changed
    assert steps[3].standard_minutes == 4   # started after
    # 3 minutes against the old 2-minute standard: over, although the new standard would allow it
    assert steps[2].complies is False


def test_a_visit_checked_in_after_the_change_uses_the_new_standard(people, admin_user, client_of):
    set_standard(client_of(admin_user), 2, 5)

    visit = make_visit(people["petugas"], at=wib(hour=9))
    visit.advance("greet", by=people["petugas"], at=wib(hour=9, minute=3))

    greeting = visit.steps.get(number=2)
    assert (greeting.standard_minutes, greeting.complies) == (5, True)
