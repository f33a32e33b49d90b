#!/usr/bin/env bash
# System packages the test suite needs beyond Node: Chromium for the browser end-to-end tests, and
# poppler-utils (pdftotext, pdftoppm, pdfinfo, pdffonts) to read back the generated minutes PDFs.
# Idempotent; skips apt when everything is already there.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -eq 0 ]; then echo "system packages present"; exit 0; fi
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
