"""The app as gunicorn serves it in production, with the tests' clock running from TESTS_START (as the
browser tests have it), for the outage test under gunicorn."""

from pojok.wsgi import application  # noqa: F401  (sets Django up first)
from tests.clock import TestClock

TestClock(running=True).install()
