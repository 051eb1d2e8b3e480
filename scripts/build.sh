# Sourced by scripts/viplane, scripts/bench and scripts/faults (which set ROOT): builds the product and tools
# jars into a build folder when they are missing or a source is newer than them. One rule for "stale".
#   build_if_stale DIR LABEL MVN_FLAG...    e.g. build_if_stale "$ROOT/target" viplane -DskipTests
build_if_stale() {
  local dir="$1" label="$2"
  shift 2
  local tools="$dir/tools/viplane-tools.jar"
  if [ -f "$dir/app/viplane.jar" ] && [ -d "$dir/app/lib" ] && [ -f "$tools" ] && [ -d "$dir/tools/lib" ] \
     && [ -z "$(find "$ROOT/pom.xml" "$ROOT/src" "$ROOT/schemas" "$ROOT/topology/policies" -newer "$tools" \
                 -type f -not -path '*/src/test/*' -print -quit)" ]; then
    return 0
  fi
  echo "$label: building (mvn package $*) into $dir ..." >&2
  (cd "$ROOT" && mvn -q -B "$@" "-Dviplane.build.dir=$dir" package) >&2
}
