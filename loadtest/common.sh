# Sourced by loadtest/run (make load) and loadtest/cluster/run (make load-cluster): the day both play
# (the same people, history and production settings), the fresh database it starts from, waiting for
# a server to answer, and locust. Each script sets RUN_DIR (and may set LOAD_DB) before sourcing it.

DB=${LOAD_DB:-pojok_load}
PG=${LOAD_PG:-postgres://postgres@127.0.0.1:5432}
DURATION=${LOAD_DURATION:-180}
HISTORY=${LOAD_HISTORY_VISITS:-3000}
APP_PY=.venv/bin/python
LOAD_VENV=.venv-load

export LOAD_PETUGAS=${LOAD_PETUGAS:-20} LOAD_KASUBBAG=${LOAD_KASUBBAG:-8} LOAD_STAF_PER_BIDANG=${LOAD_STAF_PER_BIDANG:-5}
export LOAD_DISPLAYS=${LOAD_DISPLAYS:-2} LOAD_PIMPINAN=${LOAD_PIMPINAN:-2}
# The other offices (opd-01 ..), each at its real peak beside BPKAD at 100 times: none for make load, so
# that CI's run stays the one office it always was; make load-cluster sets 40.
export LOAD_OFFICES=${LOAD_OFFICES:-0} LOAD_OFFICE_HISTORY=${LOAD_OFFICE_HISTORY:-60}

# Production settings, as README's "Production" section has them, on plain HTTP on the loopback.
export DATABASE_URL="$PG/$DB" DEBUG=0 HTTPS=0 ALLOWED_HOSTS=127.0.0.1,localhost
export SECRET_KEY=${SECRET_KEY:-$("$APP_PY" -c 'import secrets; print(secrets.token_urlsafe(50))')}
# Mail to the Bidang goes nowhere: there is no mail server here, and the outbox rows are written all the same.
export EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend
# Every simulated person logs in once with the right password, so django-axes never counts a failure;
# the limit is raised anyway so that one mistyped set-up cannot lock the whole run out.
export LOGIN_FAILURE_LIMIT=100000
export LOAD_PASSWORD=${LOAD_PASSWORD:-uji-beban-pojok-2026}

fresh_database() {  # the database dropped and made anew: migrated, history seeded, the run's accounts
  echo "== database $DB (dropped and created anew)"
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  "$APP_PY" manage.py migrate --noinput -v 0
  "$APP_PY" manage.py collectstatic --noinput -v 0   # whitenoise serves the hashed files with DEBUG off
  "$APP_PY" manage.py seed_demo --password "$LOAD_PASSWORD" --visits "$HISTORY" --days 60 | tail -n 1
  "$APP_PY" loadtest/prepare.py "$RUN_DIR/accounts.json"
}

wait_until_up() {  # URL PID LOG: until URL/healthz answers; fails (showing LOG) if PID died first
  # Up to two minutes: a server restarted on a saturated machine takes long to import Django.
  for _ in $(seq 1 240); do
    curl -fs "$1/healthz" >/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3"; return 1; }
    sleep 0.5
  done
  curl -fs "$1/healthz" >/dev/null
}

play_the_day() {  # URL: locust headless for DURATION seconds against URL; its exit status in LOCUST_STATUS
  # One browser per account (and per display's pairing code) that prepare.py made, in every office.
  USERS=$("$APP_PY" -c 'import json, sys; a = json.load(open(sys.argv[1]))
roles = ("petugas", "kasubbag", "staf", "pimpinan", "display_tokens")
print(sum(len(o[r]) for o in [a, *a["offices"]] for r in roles))' "$RUN_DIR/accounts.json")
  echo "== locust: $USERS browsers for ${DURATION}s (BPKAD: petugas $LOAD_PETUGAS, kasubbag $LOAD_KASUBBAG," \
       "staf $((5 * LOAD_STAF_PER_BIDANG)), layar $LOAD_DISPLAYS, pimpinan $LOAD_PIMPINAN;" \
       "$LOAD_OFFICES other offices)"
  LOCUST_STATUS=0
  LOAD_ACCOUNTS="$RUN_DIR/accounts.json" LOAD_OUT="$RUN_DIR" "$LOAD_VENV/bin/locust" -f loadtest/locustfile.py \
    --headless --users "$USERS" --spawn-rate "${LOAD_SPAWN_RATE:-5}" --run-time "${DURATION}s" \
    --host "$1" --csv "$RUN_DIR/stats" --only-summary --loglevel WARNING \
    >"$RUN_DIR/locust.log" 2>&1 || LOCUST_STATUS=$?
  [ -s "$RUN_DIR/stats_stats.csv" ] || { tail -n 30 "$RUN_DIR/locust.log"; exit 1; }
}
