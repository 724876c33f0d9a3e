#!/usr/bin/env bash
# Creates Tests/Interop/.venv (if missing) with the interop server's requirements.
# Idempotent: reinstalls only when requirements.txt changed since the last install.
# The last line printed is the venv's python, e.g.  PY=$(Tests/Interop/setup_venv.sh | tail -n1)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
req="$here/requirements.txt"
py="$venv/bin/python"
stamp="$venv/.requirements.sha256"

if [ ! -x "$py" ]; then
    python3 -m venv "$venv" >&2
fi

want="$(sha256sum "$req" | cut -d' ' -f1)"
have="$(cat "$stamp" 2>/dev/null || true)"
if [ "$want" != "$have" ] || ! "$py" -c 'import fastapi, uvicorn, pydantic' >/dev/null 2>&1; then
    "$py" -m pip install --quiet --disable-pip-version-check -r "$req" >&2
    echo "$want" > "$stamp"
fi

echo "$py"
