#!/usr/bin/env bash
# The npm steps of the gateway's Maven build (exec-maven-plugin runs this; see gateway/pom.xml):
#   maven-npm.sh install              npm ci, only when node_modules is missing or package-lock.json changed since
#   maven-npm.sh build                npm run build into ../../../target/webui, only when a source is newer than it
#   maven-npm.sh test SKIP1 SKIP2     npm test, unless one of Maven's skipTests / maven.test.skip is true
# The scripts themselves run under the Node the app pins as its `node` devDependency (node_modules/.bin/node);
# the machine's npm only installs.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v npm >/dev/null 2>&1 || {
  echo "[webui] npm was not found on PATH: the gateway's build needs Node.js and npm to build the web app." >&2
  echo "[webui] Install them (Debian: apt-get install -y npm), or build without the app: mvn ... -Dwebui.skip" >&2
  exit 1
}

marker=node_modules/.medi-npm-ci
out=../../../target/webui

case "${1:-}" in
  install)
    if [ -f "$marker" ] && [ ! package-lock.json -nt "$marker" ]; then
      echo "[webui] node_modules is up to date with package-lock.json"
      exit 0
    fi
    echo "[webui] npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    touch "$marker"
    ;;
  build)
    if [ -f "$out/index.html" ] && [ -z "$(find src openapi public scripts index.html package-lock.json \
        vite.config.ts tsconfig.json -newer "$out/index.html" -print -quit 2>/dev/null)" ]; then
      echo "[webui] $out is up to date"
      exit 0
    fi
    echo "[webui] npm run build"
    npm run build --silent
    ;;
  test)
    if [ "${2:-false}" != false ] || [ "${3:-false}" != false ]; then
      echo "[webui] tests skipped"
      exit 0
    fi
    echo "[webui] npm test"
    # until the app has its first unit test, an empty run is not a failure
    npm test --silent -- --passWithNoTests
    ;;
  *)
    echo "usage: $0 install|build|test [skipTests maven.test.skip]" >&2
    exit 2
    ;;
esac
