#!/usr/bin/env bash
# Installs the Debian packages the tests drive (real peers and corpora), non-interactively and only
# when something is missing, so a second run costs a dpkg query.
set -euo pipefail

packages=(
  # Peers the tests start under a temporary directory with their own configuration.
  dovecot-core dovecot-imapd dovecot-pop3d dovecot-lmtpd
  postfix
  swaks
  # GNU SASL's client: the reference the SASL mechanisms interoperate with.
  gsasl
  # Tools the harness and tests call.
  openssl sqlite3 python3 procps iproute2
  # Test corpora for the MIME library.
  libpython3.11-testsuite golang-github-jhillyerd-enmime-dev clamav-testfiles
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  sudo=sudo
else
  sudo=
fi

echo "installing test dependencies: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# Postfix asks how to configure itself; the tests give it their own configuration.
echo "postfix postfix/main_mailer_type select No configuration" | $sudo debconf-set-selections
echo "postfix postfix/mailname string localhost" | $sudo debconf-set-selections
$sudo apt-get update -q >/dev/null
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
