#!/usr/bin/env bash
# Starts the application with an embedded H2 database under ./data, demo users and demo data.
# On a fresh Debian/Ubuntu machine it installs Java 17 and Maven first.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq openjdk-17-jdk-headless maven >/dev/null
fi
# A TrueType CJK font for the case files' PDF (optional: without it the PDF's Chinese text cannot be shown).
if [ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] && command -v apt-get >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq fonts-wqy-microhei >/dev/null 2>&1 || true
fi
mvn -B -q -DskipTests package
exec java -jar target/incentives-1.0.0-SNAPSHOT.jar "$@"
