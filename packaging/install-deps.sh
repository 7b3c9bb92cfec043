#!/usr/bin/env bash
# Installs everything Roster needs to build, test, fuzz and package on Debian 12.
set -euo pipefail
packages=(
    cmake ninja-build g++ clang libclang-rt-14-dev pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev
    libqt6sql6-sqlite libsqlite3-dev libssl-dev qtkeychain-qt6-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev qt6-translations-l10n
    libgl1-mesa-dev xvfb xauth
    zlib1g-dev gnome-keyring dbus dbus-x11 libsecret-tools
    desktop-file-utils appstream dpkg-dev file
    clang-format-14 python3
    nginx squid openssl ca-certificates libsimdjson-dev curl jq
    at-spi2-core python3-pyatspi
)
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${packages[@]}"
