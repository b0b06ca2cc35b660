#!/usr/bin/env bash
# Builds the local stand-in image sutactl-standin:1 from Debian's busybox-static, unless it
# already exists. No registry is involved: the rootfs is assembled here and imported.
#
# The image runs `/bin/standin [PORT...]`: one `busybox httpd -f -p PORT -h /www` per port,
# serving "ok" on the usual health paths. It ends promptly on SIGTERM or SIGINT (a plain
# httpd as PID 1 would ignore SIGTERM and make every stop wait for the full grace period).
# Users: root (0), nobody (65534), standin (1001).
#
# Needs an engine (scripts/engine.sh start). Idempotent, never reads stdin.
set -euo pipefail

IMAGE=sutactl-standin:1
# Bumped whenever the rootfs changes: an image of an older revision is rebuilt.
REVISION=2
APPLETS=(sh httpd sleep wget kill pidof cat echo mkdir nc ls ps true false env id printf test "[")

die() { echo "standin-image: $*" >&2; exit 1; }

command -v docker >/dev/null 2>&1 || die "the docker command is missing; run scripts/engine.sh start first"
docker version --format '{{.Server.Version}}' >/dev/null 2>&1 ||
  die "no Docker Engine answers on ${DOCKER_HOST:-unix:///var/run/docker.sock}; run scripts/engine.sh start first"

if [ "$(docker image inspect --format '{{index .Config.Labels "sutactl.standin-revision"}}' "$IMAGE" 2>/dev/null)" = "$REVISION" ]; then
  echo "standin-image: $IMAGE (revision $REVISION) already exists; nothing to do"
  exit 0
fi

if ! dpkg -s busybox-static >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  echo "standin-image: installing busybox-static" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends busybox-static </dev/null >/dev/null
fi
busybox="$(command -v busybox || echo /bin/busybox)"
file -L "$busybox" 2>/dev/null | grep -q dynamically && die "$busybox is not statically linked; install busybox-static"

rootfs="$(mktemp -d /tmp/sutactl-standin.XXXXXX)"
trap 'rm -rf "$rootfs"' EXIT

mkdir -p "$rootfs"/{bin,etc,root,tmp,home/standin,www}
chmod 1777 "$rootfs/tmp"
cp "$busybox" "$rootfs/bin/busybox"
for applet in "${APPLETS[@]}"; do
  ln -s busybox "$rootfs/bin/$applet"
done

cat >"$rootfs/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
standin:x:1001:1001:standin:/home/standin:/bin/sh
PASSWD
cat >"$rootfs/etc/group" <<'GROUP'
root:x:0:
nogroup:x:65534:
standin:x:1001:
GROUP
chown 1001:1001 "$rootfs/home/standin"

for path in index.html health healthz ready status metrics api/health api/v1/heartbeat \
  _stcore/health -/healthy -/ready; do
  mkdir -p "$(dirname "$rootfs/www/$path")"
  echo ok >"$rootfs/www/$path"
done
# An empty model list on Ollama's two list endpoints (tags: present, ps: loaded).
echo '{"models":[]}' >"$rootfs/www/api/tags"
echo '{"models":[]}' >"$rootfs/www/api/ps"
mkdir -p "$rootfs/www/v1/status"
echo '"127.0.0.1:8300"' >"$rootfs/www/v1/status/leader"

cat >"$rootfs/bin/standin" <<'STANDIN'
#!/bin/sh
# standin [PORT...]: serves /www on each PORT with busybox httpd; exits 0 on TERM or INT.
pids=""
sleeper=""
finish() {
  kill $pids $sleeper 2>/dev/null
  exit 0
}
trap finish TERM INT
for port in "$@"; do
  httpd -f -p "$port" -h /www &
  pids="$pids $!"
done
echo "standin: serving /www on ports: ${*:-none}"
echo "standin: stop with SIGTERM or SIGINT" >&2
# A short sleep in the background and `wait`: the shell runs the trap as soon as a signal
# arrives, instead of after a long foreground sleep.
while true; do
  sleep 1 &
  sleeper=$!
  wait "$sleeper"
done
STANDIN
chmod 755 "$rootfs/bin/standin"

tar -C "$rootfs" --numeric-owner -c . |
  docker import -c 'ENTRYPOINT ["/bin/standin"]' -c 'CMD []' -c "LABEL sutactl.standin-revision=$REVISION" - "$IMAGE" >/dev/null
echo "standin-image: built $IMAGE ($(docker image inspect --format '{{.Id}}' "$IMAGE"))"
