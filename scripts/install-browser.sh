#!/usr/bin/env sh
# Installs what the softphone's browser test needs: Debian's Chromium and ChromeDriver
# (/usr/bin/chromium, /usr/bin/chromedriver). Run as root or with sudo; ./parley test calls it when they
# are missing. Elsewhere set CHROMIUM_BIN and CHROMEDRIVER_BIN to your own pair of matching versions.
set -eu
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then exit 0; fi
command -v apt-get >/dev/null 2>&1 || { echo "install-browser: no apt-get here; install Chromium and ChromeDriver yourself" >&2; exit 1; }
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 \
  || { $SUDO apt-get update -q >/dev/null 2>&1 && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null; }
