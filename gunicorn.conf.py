"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py pojok.wsgi`.

Every value can be changed from the environment, so one file serves every app server.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 2))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then, so a slow leak never grows all day
max_requests_jitter = 200
# The app logs one JSON line per request itself (pojok/logs.py); gunicorn's own access log only on request.
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
