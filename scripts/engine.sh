#!/usr/bin/env bash
# Makes sure a Docker Engine answers on a Unix socket, for sutactl's integration tests.
#
#   scripts/engine.sh start    use an engine that already answers on $DOCKER_HOST (unix://
#                              only) or /var/run/docker.sock; otherwise install docker.io
#                              and curl when missing and start dockerd in the background
#   scripts/engine.sh stop     stop the dockerd this script started (found by its pidfile);
#                              an engine started some other way is left alone
#   scripts/engine.sh status   say whether an engine answers (exit status 1 when none does)
#
# Idempotent, never reads stdin, prints one line saying what it did. The dockerd it starts
# manages no iptables rules and keeps its state apart from a system engine:
# data in /var/lib/sutactl-docker, runtime files in /run/sutactl-docker, log in
# /var/log/sutactl-dockerd.log.
set -euo pipefail

DEFAULT_SOCKET=/var/run/docker.sock
DATA_ROOT=/var/lib/sutactl-docker
EXEC_ROOT=/run/sutactl-docker
PIDFILE=/run/sutactl-docker.pid
LOG=/var/log/sutactl-dockerd.log
WAIT_SECONDS=60

say() { echo "engine: $*"; }
die() { echo "engine: $*" >&2; exit 1; }


# Whether an engine answers /_ping on the socket $1 within 3 seconds.
answers() {
  [ -S "$1" ] && command -v curl >/dev/null 2>&1 &&
    [ "$(curl -s --max-time 3 --unix-socket "$1" http://localhost/_ping 2>/dev/null)" = "OK" ]
}

# The first socket (DOCKER_HOST's, then the default) on which an engine answers.
answering_socket() {
  local candidate
  for candidate in "$SOCKET" "$DEFAULT_SOCKET"; do
    if answers "$candidate"; then echo "$candidate"; return 0; fi
  done
  return 1
}

# The pid of the dockerd this script started, when it is still running.
our_pid() {
  local pid
  [ -f "$PIDFILE" ] || return 1
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm")" = dockerd ] || return 1
  echo "$pid"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

install_missing() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "engine: installing ${missing[*]}" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
}

start() {
  local socket pid waited=0
  if socket="$(answering_socket)"; then
    if [ "$socket" = "$SOCKET" ]; then
      say "already running on $socket; nothing to do"
    else
      say "already running on $socket; nothing to do (but DOCKER_HOST names $SOCKET, where nothing answers)"
    fi
    return 0
  fi
  install_missing
  socket="$SOCKET"
  if pid="$(our_pid)"; then
    # Started earlier but not answering yet (or wedged): wait for it rather than start another.
    say "dockerd (pid $pid) already started; waiting for it on $socket" >&2
  else
    as_root rm -f "$PIDFILE"
    as_root mkdir -p "$DATA_ROOT" "$EXEC_ROOT" "$(dirname "$socket")"
    as_root nohup dockerd --iptables=false --ip-forward=false --ip-masq=false \
      --host "unix://$socket" --data-root "$DATA_ROOT" --exec-root "$EXEC_ROOT" \
      --pidfile "$PIDFILE" </dev/null >>"$LOG" 2>&1 &
    pid=$!
  fi
  until answers "$socket"; do
    if [ "$waited" -ge "$WAIT_SECONDS" ] || ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$LOG" >&2 || true
      die "dockerd did not answer on $socket within ${waited}s; see $LOG"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  say "started dockerd (pid $(our_pid || echo "$pid")) on $socket in ${waited}s; log: $LOG"
}

stop() {
  local pid waited=0
  if ! pid="$(our_pid)"; then
    as_root rm -f "$PIDFILE"
    say "no dockerd started by this script is running; nothing to stop"
    return 0
  fi
  as_root kill -TERM "$pid"
  while [ -d "/proc/$pid" ]; do
    if [ "$waited" -ge 30 ]; then
      die "dockerd (pid $pid) did not stop within 30s; see $LOG"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  say "stopped dockerd (pid $pid)"
}

status() {
  local socket version
  if socket="$(answering_socket)"; then
    version="$(curl -s --max-time 3 --unix-socket "$socket" http://localhost/version |
      sed -n 's/.*"Version":"\([^"]*\)".*"ApiVersion":"\([^"]*\)".*/\1 (API \2)/p')"
    say "running on $socket: Docker ${version:-version unknown}$(our_pid >/dev/null && echo ', started by this script')"
  else
    say "no engine answers on $SOCKET"
    return 1
  fi
}

# The socket named by DOCKER_HOST, or the default one. Only unix:// is supported.
case "${DOCKER_HOST:-}" in
  "") SOCKET="$DEFAULT_SOCKET" ;;
  unix:///*) SOCKET="${DOCKER_HOST#unix://}" ;;
  *) die "DOCKER_HOST=$DOCKER_HOST is not supported: use unix:///path/to/docker.sock or unset it" ;;
esac

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
