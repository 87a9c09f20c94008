#!/usr/bin/env bash
# Rewrites the Bundle-ClassPath of META-INF/MANIFEST.MF from the jars the build copied into lib/.
# Run after changing dependencies (./gaudi build first); ManifestClassPathTest checks they agree.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d lib ] || { echo "lib/ missing: run ./gaudi build first" >&2; exit 1; }
python3 - <<'PY'
import os, re
jars = sorted(f for f in os.listdir('lib') if f.endswith('.jar'))
m = open('META-INF/MANIFEST.MF').read()
entry = 'Bundle-ClassPath: .,\n' + ',\n'.join(' lib/' + j for j in jars) + '\n'
m = re.sub(r'Bundle-ClassPath:.*?\n(?=\S)', entry, m, flags=re.S)
open('META-INF/MANIFEST.MF', 'w').write(m)
print(f'{len(jars)} jars on Bundle-ClassPath')
PY
