"""The versions of the polled partials (pojok/polls.py): what each board shows changes only with a new
row of the day's history (every move writes one, lifecycle.py) or of the day's piket roster.

The scope follows the viewer: the desk and triage boards show the whole day, a Bidang's inbox and its
badge only the visits now routed to that Bidang, so a move in another Bidang leaves them unchanged.
The row count beside the last id catches a visit leaving the scope (a transfer) and a piket removed.
"""

from pojok import clock
from pojok.polls import last_rows

from . import policy
from .models import Piket, VisitEvent


def day_history(**visit):
    return VisitEvent.objects.filter(visit__day=clock.today(), **{f"visit__{k}": v for k, v in visit.items()})


def day_version(request) -> tuple:
    """The desk and triage boards: the day's history and who is piket today (the route buttons)."""
    return last_rows(day_history(), Piket.objects.filter(day=clock.today()))


def bidang_version(request) -> tuple:
    """The inbox and its badge: the day's history of the visits routed to the viewer's Bidang."""
    return last_rows(day_history(bidang_id=request.user.bidang_id))


def guard(check):
    """The view's access check, run before the version is read (pojok.polls.poll's `guard`)."""
    def run(request):
        policy.require(check, request.user)
    return run
