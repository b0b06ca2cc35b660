#!/usr/bin/env bash
# A private Docker Engine for one test: a dockerd of its own, which the test may stop and
# restart without touching the engine the user's containers run on.
#
#   scripts/test-engine.sh start DIR          start a dockerd with everything under DIR (its
#                                             socket DIR/docker.sock) and load the test image
#                                             into it from the main engine
#   scripts/test-engine.sh stop DIR [--keep]  stop that dockerd, wait for it to exit, then
#                                             remove DIR (--keep: keep DIR, data root included)
#   scripts/test-engine.sh restart DIR        stop --keep, then start: same data root
#   scripts/test-engine.sh status DIR         whether it answers (exit status 1 when not)
#
# Idempotent, never reads stdin, prints one line. Only the dockerd started here is ever
# signalled, found by DIR/docker.pid. The engine runs in a network namespace of its own
# (sutactl-t-<hash of DIR>, removed by stop): a dockerd without a default bridge deletes the
# host's docker0, which would break the user's engine, so it must never share the host's
# namespace. It manages no iptables rules, no IP forwarding and no default bridge; published
# ports are reachable only inside its namespace; its networks come from 10.212.0.0/16, its containers sit under the cgroup
# parent /sutactl-test-<hash of DIR>, its engine key is its own (deprecated-key-path).
# Environment: TEST_ENGINE_IMAGES (default sutactl-standin:1), images copied from the
# main engine ($DOCKER_HOST, else unix:///var/run/docker.sock).
set -euo pipefail

ADDRESS_POOL="base=10.212.0.0/16,size=24"
IMAGES="${TEST_ENGINE_IMAGES:-sutactl-standin:1}"
WAIT_SECONDS=60
STOP_SECONDS=60
MARKER=.sutactl-test-engine

say() { echo "test-engine: $*"; }
die() { echo "test-engine: $*" >&2; exit 1; }

usage() { echo "usage: $0 start|stop|restart|status DIR [--keep]" >&2; exit 2; }

# Whether the private engine answers /_ping within 3 seconds.
answers() {
  [ -S "$SOCKET" ] && [ "$(curl -s --max-time 3 --unix-socket "$SOCKET" http://localhost/_ping 2>/dev/null)" = "OK" ]
}

# The pid of a running process named $2 whose pid is in file $1 and whose command line
# names DIR (so a reused pid is never taken for ours).
pid_from() {
  local pid
  [ -f "$1" ] || return 1
  pid="$(cat "$1" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$DIR/" || return 1
  echo "$pid"
}

dockerd_pid() { pid_from "$DIR/docker.pid" dockerd; }
containerd_pid() { pid_from "$DIR/exec/containerd/containerd.pid" containerd; }

# Waits up to $2 seconds for process $1 to exit; fails when it is still there.
wait_gone() {
  local waited=0
  while [ -d "/proc/$1" ]; do
    [ "$waited" -ge "$(($2 * 5))" ] && return 1
    sleep 0.2
    waited=$((waited + 1))
  done
}

do_start() {
  local pid waited=0 loaded=() image source
  if pid="$(dockerd_pid)" && answers; then
    say "already running (pid $pid) on unix://$SOCKET; nothing to do"
    return 0
  fi
  command -v dockerd >/dev/null 2>&1 && command -v curl >/dev/null 2>&1 && command -v docker >/dev/null 2>&1 &&
    command -v ip >/dev/null 2>&1 && command -v nsenter >/dev/null 2>&1 ||
    die "needs dockerd, docker, curl, ip and nsenter (make engine installs them)"
  mkdir -p "$DIR/data" "$DIR/exec"
  chmod 700 "$DIR"
  touch "$DIR/$MARKER"
  if ! pid="$(dockerd_pid)"; then
    rm -f "$DIR/docker.pid"
    printf '{"deprecated-key-path": "%s/key.json"}\n' "$DIR" >"$DIR/daemon.json"
    ip netns list | grep -qx "$NETNS\( .*\)\?" || { ip netns add "$NETNS" && ip -n "$NETNS" link set lo up; }
    # nsenter, not `ip netns exec`: that remounts /sys and hides the cgroup mounts.
    setsid nsenter --net="/run/netns/$NETNS" dockerd --config-file "$DIR/daemon.json" \
      --host "unix://$SOCKET" --data-root "$DIR/data" --exec-root "$DIR/exec" --pidfile "$DIR/docker.pid" \
      --iptables=false --ip-forward=false --ip-masq=false --bridge=none \
      --default-address-pool "$ADDRESS_POOL" --cgroup-parent "/$CGROUP" \
      --storage-driver overlay2 --shutdown-timeout 5 </dev/null >>"$DIR/dockerd.log" 2>&1 &
    pid=$!
  fi
  until answers; do
    if [ "$waited" -ge "$((WAIT_SECONDS * 5))" ] || ! [ -d "/proc/$pid" ]; then
      tail -n 20 "$DIR/dockerd.log" >&2 || true
      die "dockerd did not answer on unix://$SOCKET within $((waited / 5))s; see $DIR/dockerd.log"
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  source="${DOCKER_HOST:-unix:///var/run/docker.sock}"
  [ "$source" != "unix://$SOCKET" ] || die "DOCKER_HOST names the private engine itself; cannot copy images from it"
  for image in $IMAGES; do
    docker -H "unix://$SOCKET" image inspect "$image" >/dev/null 2>&1 && continue
    docker -H "$source" save "$image" </dev/null | docker -H "unix://$SOCKET" load -q >/dev/null ||
      die "could not copy $image from $source into the private engine"
    loaded+=("$image")
  done
  say "started dockerd (pid $(dockerd_pid || echo "$pid")) on unix://$SOCKET in $((waited / 5))s${loaded:+; loaded ${loaded[*]}}"
}

# Unmounts whatever is still mounted under DIR and removes the engine's empty cgroups.
release() {
  awk -v p="$DIR/" 'index($5, p) == 1 {print $5}' /proc/self/mountinfo | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  local cgroup
  for cgroup in /sys/fs/cgroup/*/"$CGROUP" /sys/fs/cgroup/"$CGROUP"; do
    [ -d "$cgroup" ] && find "$cgroup" -depth -type d -exec rmdir {} \; 2>/dev/null || true
  done
}

do_stop() {
  local keep="$1" pid containerd what
  if pid="$(dockerd_pid)"; then
    containerd="$(containerd_pid || true)"
    kill -TERM "$pid"
    if ! wait_gone "$pid" "$STOP_SECONDS"; then
      kill -KILL "$pid" 2>/dev/null || true
      wait_gone "$pid" 10 || die "dockerd (pid $pid) did not exit, even after SIGKILL"
    fi
    if [ -n "$containerd" ] && ! wait_gone "$containerd" 10; then
      kill -KILL "$containerd" 2>/dev/null || true
      wait_gone "$containerd" 10 || true
    fi
    what="stopped dockerd (pid $pid)"
  else
    what="no dockerd of $DIR is running"
  fi
  release
  [ "$keep" = yes ] || ! ip netns list | grep -q "^$NETNS\b" || ip netns del "$NETNS"
  if ! [ -d "$DIR" ]; then
    say "$what; $DIR does not exist; nothing to do"
  elif [ "$keep" = yes ]; then
    say "$what; kept $DIR"
  else
    [ -f "$DIR/$MARKER" ] || die "$what; not removing $DIR: it was not made by this script"
    rm -rf --one-file-system "$DIR"
    say "$what; removed $DIR"
  fi
}

status() {
  local pid
  if pid="$(dockerd_pid)" && answers; then
    say "running (pid $pid) on unix://$SOCKET"
  else
    say "not running on unix://$SOCKET"
    return 1
  fi
}

[ $# -ge 2 ] || usage
COMMAND="$1"
case "$2" in
  /*) ;;
  *) die "DIR must be an absolute path: $2" ;;
esac
DIR="$(realpath -m -- "$2")"
[ "$DIR" != / ] || die "DIR must not be /"
SOCKET="$DIR/docker.sock"
CGROUP="sutactl-test-$(printf %s "$DIR" | sha1sum | cut -c1-12)"
NETNS="sutactl-t-$(printf %s "$DIR" | sha1sum | cut -c1-12)"
KEEP=no
[ "${3:-}" = --keep ] && KEEP=yes
[ $# -le 2 ] || [ "$COMMAND $3" = "stop --keep" ] || usage

case "$COMMAND" in
  start) do_start ;;
  stop) do_stop "$KEEP" ;;
  restart)
    stopped="$(do_stop yes)"
    started="$(do_start)"
    say "restarted: ${stopped#test-engine: }, then ${started#test-engine: }"
    ;;
  status) status ;;
  *) usage ;;
esac
