"""The presence screen in the navigation bar (pojok.navigation), registered by apps.py."""

from pojok.navigation import Area

from . import policy

AREAS = [Area("Kehadiran", "presence:day", policy.can_arrange, order=60)]
