"""One fuzz example: send hostile text through the real view, then check what the office would see.

Never a 500 (the test client raises the view's exception); a rejected form stores nothing; markup
that was sent never comes back unescaped, neither on the answer nor on the pages that show the data.
Each example runs in a savepoint that is rolled back, so every example starts from the same state.
"""

from django.contrib import messages
from django.db import transaction
from django.test import Client

from ..outcomes import changed, row_counts
from ..world import World
from .evil import MARKERS
from .targets import Target


def body(response) -> str:
    """The whole answer, streamed ones too (a CSV export fails while it streams, if at all)."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode("utf-8", errors="replace")


def assert_escaped(response, values: dict) -> None:
    text = body(response)
    assert response.status_code < 500, text[:2000]
    if "html" not in response.get("Content-Type", ""):
        return
    for marker in MARKERS:
        if any(marker in value for value in values.values()):
            assert marker not in text, f"{marker!r} shown unescaped on {response.request['PATH_INFO']}"


def _rejected(response, target: Target) -> bool:
    """The form came back with errors, or the page said no with an error message (a refused move)."""
    context = response.context if response.status_code in (200, 400) else None
    found = context.get(target.form_key) if (context and target.form_key) else None
    form = getattr(found, "form", found)
    told = getattr(response.wsgi_request, "_messages", [])
    said_no = any(message.level == messages.ERROR for message in told)
    return said_no or (form is not None and bool(form.errors))


class Fuzzer:
    """The target's objects and clients, made once per test (outside the examples' savepoints)."""

    def __init__(self, world: World, target: Target):
        self.world, self.target = world, target
        self.setup = target.setup(world)
        self.viewers: dict[str, Client] = {}
        self.client = self.viewer(target.role)

    def viewer(self, role: str) -> Client:
        if role not in self.viewers:
            # a device, or the guest's browser a target made (its own client), or a person's
            made = getattr(self.world, f"{role}_client", None)
            self.viewers[role] = made if made is not None else self.world.client(role)
        return self.viewers[role]

    def post(self, values: dict) -> None:
        with transaction.atomic():
            before = row_counts()
            self.client.cookies.pop("messages", None)  # only this answer's messages count
            response = self.client.post(self.setup["url"], {**self.setup["base"](), **values})
            assert_escaped(response, values)
            stored = set(changed(before, row_counts())) - self.target.side_tables
            if _rejected(response, self.target):
                assert not stored, f"a rejected form stored rows in {sorted(stored)}"
            else:
                for role, url in self.setup["shown"]():
                    assert_escaped(self.viewer(role).get(url), values)
            transaction.set_rollback(True)

    def get(self, url: str, values: dict) -> None:
        with transaction.atomic():
            before = row_counts()
            assert_escaped(self.client.get(url, values), values)
            assert not set(changed(before, row_counts())) - self.target.side_tables, "a GET stored rows"
            transaction.set_rollback(True)
