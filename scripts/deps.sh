# Sourced by scripts/demo, scripts/test and .ci/run: installs the Debian 12
# packages referat needs, only when something is missing (apt-get update first).
REFERAT_PACKAGES="cmake ninja-build g++ pkg-config libxapian-dev xapian-tools libicu-dev libboost-dev
  catch2 libhunspell-dev hunspell-da libpoppler-cpp-dev libzstd-dev nlohmann-json3-dev libcli11-dev
  librsvg2-bin libmimalloc-dev"

referat_install_deps() {
  local missing=""
  for p in $REFERAT_PACKAGES "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    echo "referat: installing:$missing" >&2
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
}
