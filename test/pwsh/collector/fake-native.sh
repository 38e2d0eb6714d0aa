#!/bin/bash
# A Windows program (docker, cmd, containerd, netsh) for the collector's Pester tests: linked under the program's name
# into a folder on PATH. It prints the answer the test prepared for this exact command line and exits with its code.
# $WCD_NATIVE_DIR/answers.tsv lists "<n><TAB>name arg1 arg2 ..." per prepared command line; the answer is <n>.out
# (printed as is), <n>.err (printed to stderr), <n>.exit (the exit code, 0 when absent). Every call is logged to
# calls.log. Bash builtins only: a call starts no other program (four more per call made up a tenth of the suite's
# process starts).
set -u
name=${0##*/}
line="$name${*:+ $*}"
printf '%s\n' "$line" >>"$WCD_NATIVE_DIR/calls.log"
key=
while IFS=$'\t' read -r n prepared; do
  if [ "$prepared" = "$line" ]; then key=$n; break; fi
done <"$WCD_NATIVE_DIR/answers.tsv"
if [ -z "$key" ]; then
  echo "fake $name: no answer prepared for: $line" >&2
  exit 99
fi
# The whole file, trailing newlines included (read stops only at a NUL byte, which the answers do not hold).
print_file() { local text=; IFS= read -r -d '' text <"$1"; printf '%s' "$text"; }
[ -f "$WCD_NATIVE_DIR/$key.out" ] && print_file "$WCD_NATIVE_DIR/$key.out"
[ -f "$WCD_NATIVE_DIR/$key.err" ] && print_file "$WCD_NATIVE_DIR/$key.err" >&2
code=0
[ -f "$WCD_NATIVE_DIR/$key.exit" ] && read -r code <"$WCD_NATIVE_DIR/$key.exit"
exit "$code"
