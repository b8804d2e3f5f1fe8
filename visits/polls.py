"""The versions of the polled partials (pojok/polls.py).

The desk and triage boards show the whole day: their version is the day's board stamp
(pojok/shared.py), renewed whenever a visit of that day is written or deleted (every move saves the
visit, lifecycle.py; an edit in the admin too) or the day's piket roster changes (the route
buttons). A poll of an unchanged board reads one cached value and no table at all.

A Bidang's inbox and its badge show only the visits now routed to that Bidang, so a move in another
Bidang must leave them unchanged: their version is read from the day's history in that scope (the
last id and the row count, which also catches a visit transferred away).
"""

from offices.current import office_id
from pojok import clock, shared
from pojok.polls import last_rows

from . import policy
from .models import VisitEvent


def day_history(**visit):
    return VisitEvent.objects.filter(visit__day=clock.today(), **{f"visit__{k}": v for k, v in visit.items()})


def board(day, office: int) -> str:
    return f"board:{office}:{day.isoformat()}"  # each office's own boards


def day_version(request) -> str:
    """The desk and triage boards: the office's board stamp of the day."""
    return shared.stamp(board(clock.today(), office_id()))


def board_changed(sender, instance, **kwargs) -> None:
    """A visit or a piket of a day was written or deleted: that office's boards of the day have changed."""
    shared.renew(board(instance.day, instance.office_id))


def bidang_version(request) -> tuple:
    """The inbox and its badge: the day's history of the visits routed to the viewer's Bidang."""
    return last_rows(day_history(bidang_id=request.user.bidang_id))


def guard(check):
    """The view's access check, run before the version is read (pojok.polls.poll's `guard`)."""
    def run(request):
        policy.require(check, request.user)
    return run
