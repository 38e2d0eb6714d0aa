#!/usr/bin/env bash
# A Windows program (docker, cmd, containerd, netsh) for the collector's Pester tests: linked under the program's name
# into a folder on PATH. It prints the answer the test prepared for this exact command line and exits with its code.
# The answer is found by the SHA-256 of "name arg1 arg2 ..." in $WCD_NATIVE_DIR: <hash>.out (printed as is),
# <hash>.err (printed to stderr), <hash>.exit (the exit code, 0 when absent). Every call is logged to calls.log.
set -u
name=$(basename "$0")
line="$name${*:+ $*}"
key=$(printf '%s' "$line" | sha256sum | cut -c1-64)
printf '%s\n' "$line" >>"$WCD_NATIVE_DIR/calls.log"
if [ ! -f "$WCD_NATIVE_DIR/$key.out" ] && [ ! -f "$WCD_NATIVE_DIR/$key.err" ]; then
  echo "fake $name: no answer prepared for: $line" >&2
  exit 99
fi
[ -f "$WCD_NATIVE_DIR/$key.out" ] && cat "$WCD_NATIVE_DIR/$key.out"
[ -f "$WCD_NATIVE_DIR/$key.err" ] && cat "$WCD_NATIVE_DIR/$key.err" >&2
code=0
[ -f "$WCD_NATIVE_DIR/$key.exit" ] && code=$(cat "$WCD_NATIVE_DIR/$key.exit")
exit "$code"
