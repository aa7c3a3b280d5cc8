#!/usr/bin/env bash
# Starts the local PostgreSQL, MariaDB and Redis the integration tests use, when they are not
# running (commands of this machine kind), and installs Chromium for the browser test.
# Exits 1 naming every service that is still down, so the test run stops before 1000 tests fail.
# Needs: Debian, root (it starts daemons and installs packages), PostgreSQL 15, MariaDB, Redis.
set -u
failed=()
up() { timeout 3 bash -c "</dev/tcp/127.0.0.1/$1" 2>/dev/null; }
wait_up() { for _ in $(seq 1 30); do up "$1" && return 0; sleep 1; done; echo "service on port $1 did not start" >&2; return 1; }

if ! up 5432; then
  echo "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  wait_up 5432 || failed+=(PostgreSQL)
fi
if ! up 3306; then
  echo "starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  wait_up 3306 || failed+=(MariaDB)
fi
if ! up 6379; then
  echo "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  wait_up 6379 || failed+=(Redis)
fi

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v sshd >/dev/null 2>&1 || [ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${need[@]}" >/dev/null \
    || failed+=("packages ${need[*]}")
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo "services.sh: not available: ${failed[*]} (see above)" >&2
  exit 1
fi
exit 0
