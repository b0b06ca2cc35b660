#!/usr/bin/env bash
# Installs what sutactl builds and tests with, when missing:
# - the Debian packages (libyaml, libcurl, pkg-config, iproute2, python3 with venv, and
#   docker-compose 1.29, which the compose equivalence tests compare `convert` against and
#   `make bench-compose` runs side by side with sutactl);
# - a Python virtual environment under .build/pyclients with the independent clients the
#   stand-in tests drive (the official `ollama` package and `py-consul`, from PyPI).
# Safe to run again: it installs nothing that is already there.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.build/pyclients"
python_packages=(ollama==0.6.3 py-consul==1.8.0)

packages=(libyaml-dev libcurl4-openssl-dev pkg-config iproute2 time graphviz python3 python3-venv python3-jsonschema python3-yaml docker-compose "$@")
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "install-deps: installing ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's python3 (the one python3-venv belongs to), else whichever python3 is first on PATH.
python=/usr/bin/python3
[ -x "$python" ] || python="$(command -v python3)"
if ! "$venv/bin/python3" -c 'import ollama, consul' >/dev/null 2>&1; then
  echo "install-deps: creating $venv with ${python_packages[*]}"
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check "${python_packages[@]}"
fi
