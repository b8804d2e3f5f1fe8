#!/usr/bin/env python
"""Django's command-line utility for Pojok Konsultasi."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pojok.settings")
    if not os.environ.get("SECRET_KEY"):
        # No key: a developer's laptop, so manage.py runs in development mode. The app served by
        # gunicorn (wsgi.py), or anything run with DEBUG=0, still refuses to start without a key.
        os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
