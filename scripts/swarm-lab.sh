#!/usr/bin/env bash
# A real N-node Docker Swarm on this machine, for `sutactl` in swarm mode and its tests.
#
#   scripts/swarm-lab.sh up      start the lab (nothing to do when it already runs) and print
#                                the manager's DOCKER_HOST
#   scripts/swarm-lab.sh down    stop every dockerd of the lab and remove everything it made
#   scripts/swarm-lab.sh status  say whether the lab runs (exit status 1 when it does not)
#
# Environment: SWARM_LAB_DIR (default /tmp/sutactl-swarm; short: socket paths stay under 108
# bytes), SWARM_LAB_NODES (3), SWARM_LAB_NAME (sutasw: prefix of its network namespaces and
# cgroups, so that several labs can run side by side), SWARM_LAB_IMAGES (sutactl-standin:1,
# copied from the main engine, $DOCKER_HOST or /var/run/docker.sock, which is only read).
#
# Layout (docs/swarm.md): one network namespace per node (NAME1..NAMEn) joined by a bridge in a
# namespace of its own (NAMEbr), node addresses 10.99.0.1N/24, no default route; one dockerd per
# node with its own socket, data root, exec root, engine key and cgroup parent under
# SWARM_LAB_DIR/nN. The host's routes, iptables rules and docker0 are never touched. Node 1 is
# the manager. Idempotent, never reads stdin, needs root.
set -euo pipefail

DIR="${SWARM_LAB_DIR:-/tmp/sutactl-swarm}"
N="${SWARM_LAB_NODES:-3}"
NAME="${SWARM_LAB_NAME:-sutasw}"
IMAGES="${SWARM_LAB_IMAGES:-sutactl-standin:1}"
SOURCE="${DOCKER_HOST:-unix:///var/run/docker.sock}"
NET=10.99.0
MARKER=.sutactl-swarm-lab

say() { echo "swarm-lab: $*"; }
die() { echo "swarm-lab: $*" >&2; exit 1; }
node() { local i=$1; shift; docker -H "unix://$DIR/n$i/docker.sock" "$@"; }

[[ "$N" =~ ^[1-9]$ ]] || die "SWARM_LAB_NODES must be 1..9, found $N"
[[ "$NAME" =~ ^[a-z][a-z0-9]{0,7}$ ]] || die "SWARM_LAB_NAME must be 1-8 lowercase letters or digits, found $NAME"
case "$DIR" in /?*) ;; *) die "SWARM_LAB_DIR must be an absolute path, found $DIR" ;; esac

# The pid of node $1's dockerd when it runs (its pidfile, its name, our directory in its command line).
dockerd_pid() {
  local pid
  pid="$(cat "$DIR/n$1/docker.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ] &&
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$DIR/n$1/" || return 1
  echo "$pid"
}

# Whether all N nodes are Ready in the manager's view.
ready() {
  [ "$(node 1 node ls --format '{{.Status}}' 2>/dev/null | grep -c '^Ready$')" = "$N" ]
}

manager_host() { echo "DOCKER_HOST=unix://$DIR/n1/docker.sock"; }

up() {
  if ready 2>/dev/null; then
    say "already running ($N nodes ready); nothing to do"
    manager_host
    return 0
  fi
  [ -e "$DIR" ] && { say "a partial lab is in $DIR: removing it first" >&2; down >/dev/null; }
  for tool in dockerd docker ip nsenter unshare setsid; do
    command -v "$tool" >/dev/null 2>&1 || die "needs $tool (make engine installs docker.io)"
  done
  [ "$(id -u)" -eq 0 ] || die "needs root (network namespaces and dockerd)"
  for image in $IMAGES; do
    docker -H "$SOURCE" image inspect "$image" >/dev/null 2>&1 || die "image $image is missing on $SOURCE: run make engine"
  done
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  touch "$DIR/$MARKER"
  [ -d /run/netns ] || touch "$DIR/.created-run-netns"
  ip netns add "${NAME}br"
  ip -n "${NAME}br" link set lo up
  ip -n "${NAME}br" link add "${NAME}0" type bridge
  ip -n "${NAME}br" link set "${NAME}0" up
  for i in $(seq 1 "$N"); do
    ip netns add "$NAME$i"
    ip -n "${NAME}br" link add "${NAME}v$i" type veth peer name eth0 netns "$NAME$i"
    ip -n "${NAME}br" link set "${NAME}v$i" master "${NAME}0" up
    ip -n "$NAME$i" link set lo up
    ip -n "$NAME$i" addr add "$NET.1$i/24" dev eth0
    ip -n "$NAME$i" link set eth0 up
  done
  for i in $(seq 1 "$N"); do
    mkdir -p "$DIR/n$i/data" "$DIR/n$i/exec"
    # Each node its own engine key (else all share /etc/docker/key.json and one node ID).
    printf '{"deprecated-key-path": "%s/n%s/key.json"}\n' "$DIR" "$i" >"$DIR/n$i/daemon.json"
    # nsenter, not `ip netns exec` (that remounts /sys and hides the cgroup mounts).
    DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1 setsid nsenter --net="/run/netns/$NAME$i" \
      unshare --uts sh -c "hostname $NAME$i; exec dockerd \
        --host unix://$DIR/n$i/docker.sock --data-root $DIR/n$i/data --exec-root $DIR/n$i/exec \
        --pidfile $DIR/n$i/docker.pid --config-file $DIR/n$i/daemon.json \
        --iptables=false --ip-forward=false --ip-masq=false --bridge=none \
        --default-address-pool base=10.98.0.0/16,size=24 --cgroup-parent /$NAME-n$i \
        --storage-driver overlay2 --shutdown-timeout 3" >"$DIR/n$i/dockerd.log" 2>&1 </dev/null &
  done
  for i in $(seq 1 "$N"); do
    for _ in $(seq 1 150); do node "$i" info >/dev/null 2>&1 && break; sleep 0.2; done
    node "$i" version >/dev/null 2>&1 || { tail -5 "$DIR/n$i/dockerd.log" >&2; die "node $i's dockerd did not answer; see $DIR/n$i/dockerd.log"; }
  done
  node 1 swarm init --advertise-addr "$NET.11" --listen-addr "$NET.11:2377" \
    --default-addr-pool 10.97.0.0/16 --default-addr-pool-mask-length 24 >/dev/null
  local token
  token="$(node 1 swarm join-token -q worker)"
  for i in $(seq 2 "$N"); do
    node "$i" swarm join --token "$token" --advertise-addr "$NET.1$i" --listen-addr "$NET.1$i:2377" "$NET.11:2377" >/dev/null
  done
  for _ in $(seq 1 150); do ready && break; sleep 0.2; done
  ready || die "not all $N nodes became Ready: $(node 1 node ls 2>&1 | tr '\n' ' ')"
  # The images, on every node (no registry). busybox wget needs /etc/nsswitch.conf to resolve
  # names (it segfaults without); nslookup and timeout are added for checks across nodes.
  docker -H "$SOURCE" save $IMAGES -o "$DIR/images.tar"
  node 1 load -q -i "$DIR/images.tar" >/dev/null
  mkdir -p "$DIR/context"
  echo 'hosts: files dns' >"$DIR/context/nsswitch.conf"
  for image in $IMAGES; do
    printf 'FROM %s\nCOPY nsswitch.conf /etc/nsswitch.conf\nRUN for a in nslookup timeout; do [ -e /bin/$a ] || ln -s busybox /bin/$a; done\n' \
      "$image" >"$DIR/context/Dockerfile"
    DOCKER_BUILDKIT=0 node 1 build -q -t "$image" "$DIR/context" >/dev/null 2>"$DIR/build.log" || { cat "$DIR/build.log" >&2; die "could not add nsswitch.conf to $image"; }
  done
  node 1 save $IMAGES -o "$DIR/images.tar"
  for i in $(seq 2 "$N"); do node "$i" load -q -i "$DIR/images.tar" >/dev/null; done
  rm -rf "$DIR/images.tar" "$DIR/context"
  say "started $N nodes (1 manager) in $DIR; images: $IMAGES"
  manager_host
}

down() {
  local pids="" i p
  for i in $(seq 1 "$N"); do
    if p="$(dockerd_pid "$i")"; then
      pids="$pids $p $(pgrep -P "$p" || true)"
      kill -TERM "$p"
    fi
  done
  for p in $pids; do for _ in $(seq 1 150); do [ -d "/proc/$p" ] || break; sleep 0.2; done; done
  for p in $pids; do [ -d "/proc/$p" ] && kill -KILL "$p" 2>/dev/null || true; done
  awk -v p="$DIR/" 'index($5, p) == 1 {print $5}' /proc/self/mountinfo | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  local c
  for c in /sys/fs/cgroup/*/"$NAME"-n* /sys/fs/cgroup/"$NAME"-n*; do
    [ -d "$c" ] && find "$c" -depth -type d -exec rmdir {} \; 2>/dev/null || true
  done
  for i in $(seq 1 9); do ip netns del "$NAME$i" 2>/dev/null || true; done
  ip netns del "${NAME}br" 2>/dev/null || true
  if [ -f "$DIR/.created-run-netns" ] && [ -z "$(ls -A /run/netns 2>/dev/null)" ]; then
    umount /run/netns 2>/dev/null || true
    rmdir /run/netns 2>/dev/null || true
  fi
  if [ -d "$DIR" ]; then
    [ -f "$DIR/$MARKER" ] || die "not removing $DIR: it was not made by this script"
    rm -rf --one-file-system "$DIR"
    say "stopped ${pids:+dockerds$pids }and removed $DIR"
  else
    say "no lab in $DIR; nothing to do"
  fi
}

status() {
  if ready 2>/dev/null; then
    say "running: $N nodes ready"
    manager_host
  else
    say "not running in $DIR"
    return 1
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
