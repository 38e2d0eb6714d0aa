#!/usr/bin/env bash
# Installs what the PowerShell tests (test/pwsh/) need: PowerShell 7 as a .NET global tool and the Pester module,
# both at pinned versions. Idempotent and quick when both are there. It never fails the caller: when something
# cannot be installed it says so plainly, and the PowerShell tests then skip with the reason.
#   bash scripts/install-pwsh.sh          # install or check; prints one line per tool
# Afterwards pwsh is at ~/.dotnet/tools/pwsh (put that folder on PATH, or the tests find it there).
set -uo pipefail

PWSH_VERSION=7.6.10   # 7.7.0 does not install as a global tool here; pin the version that does
PESTER_VERSION=5.7.1
TOOLS="$HOME/.dotnet/tools"
MODULES="${XDG_DATA_HOME:-$HOME/.local/share}/powershell/Modules"
export PATH="$TOOLS:$PATH"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { echo "install-pwsh: $*"; }
started=$(date +%s%N)

# --- PowerShell 7 -----------------------------------------------------------------------------------------------
pwsh_ok=0
have=$( [ -x "$TOOLS/pwsh" ] && "$TOOLS/pwsh" --version 2>/dev/null | tr -d '\r' )
if [ "$have" = "PowerShell $PWSH_VERSION" ]; then
  pwsh_ok=1
elif ! command -v dotnet >/dev/null 2>&1; then
  say "PowerShell $PWSH_VERSION NOT installed: the .NET SDK (dotnet) is not on this machine; the PowerShell tests will be skipped"
else
  # update installs it when absent and moves any other version to the pinned one.
  if out=$(dotnet tool update --global PowerShell --version "$PWSH_VERSION" 2>&1); then
    have=$("$TOOLS/pwsh" --version 2>/dev/null | tr -d '\r')
    [ "$have" = "PowerShell $PWSH_VERSION" ] && pwsh_ok=1 || say "PowerShell installed but 'pwsh --version' says '${have:-nothing}'"
  fi
  [ "$pwsh_ok" = 1 ] || say "PowerShell $PWSH_VERSION NOT installed ($(echo "$out" | grep -v '^\s*$' | tail -1)); the PowerShell tests will be skipped"
fi
[ "$pwsh_ok" = 1 ] && say "PowerShell $PWSH_VERSION ready ($TOOLS/pwsh)"

# --- Pester -----------------------------------------------------------------------------------------------------
# nuget.org serves Pester as a package whose tools/ folder is the module; a PackageDownload restore fetches it
# through the NuGet client (no project is built), and the module is copied where pwsh looks for modules.
pester_dir="$MODULES/Pester/$PESTER_VERSION"
if [ -f "$pester_dir/Pester.psd1" ]; then
  say "Pester $PESTER_VERSION ready ($pester_dir)"
elif ! command -v dotnet >/dev/null 2>&1; then
  say "Pester $PESTER_VERSION NOT installed: no dotnet to fetch it with; Pester tests will be skipped"
else
  tmp=$(mktemp -d)
  cat >"$tmp/fetch-pester.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net$(dotnet --version | cut -d. -f1).0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Pester" Version="[$PESTER_VERSION]" /></ItemGroup>
</Project>
EOF
  if out=$(cd "$tmp" && dotnet restore --packages "$tmp/packages" 2>&1) && [ -f "$tmp/packages/pester/$PESTER_VERSION/tools/Pester.psd1" ]; then
    mkdir -p "$pester_dir.partial" && cp -R "$tmp/packages/pester/$PESTER_VERSION/tools/." "$pester_dir.partial/" &&
      rm -rf "$pester_dir" && mv "$pester_dir.partial" "$pester_dir" &&
      say "Pester $PESTER_VERSION ready ($pester_dir)"
  else
    say "Pester $PESTER_VERSION NOT installed ($(echo "$out" | grep -iE 'error|NU[0-9]' | head -1)); Pester tests will be skipped"
  fi
  rm -rf "$tmp"
fi

# --- ReadyToRun ---------------------------------------------------------------------------------------------------
# The global tool ships PowerShell's own assemblies as IL only, so every pwsh start compiles them method by method:
# about 0.6 s of CPU per start here, and the test suite starts pwsh a dozen times. crossgen2 (NuGet's package for the
# .NET runtime that runs pwsh) compiles the ones every start loads ahead of time, in place; measured on 2026-12-05:
# a bare start 1.1 -> 0.6 s CPU (0.75 -> 0.43 s), the PowerShell test files 15.5 -> 12.4 s. The IL files are kept
# beside them (unix/.wcdoctor-il/) and put back if pwsh does not start afterwards; a marker file makes a second run a no-op.
R2R_ASSEMBLIES="System.Management.Automation Microsoft.PowerShell.ConsoleHost Microsoft.PowerShell.Commands.Utility Microsoft.PowerShell.Commands.Management Microsoft.PowerShell.MarkdownRender Microsoft.ApplicationInsights Newtonsoft.Json pwsh"
if [ "$pwsh_ok" = 1 ]; then
  unix_dir=$(ls -d "$TOOLS"/.store/powershell/"$PWSH_VERSION"/powershell/"$PWSH_VERSION"/tools/net*/any/unix 2>/dev/null | head -1)
  # The newest Microsoft.NETCore.App, as "<version> <its folder>" (the folder without its brackets).
  read -r runtime framework_root < <(dotnet --list-runtimes 2>/dev/null | awk '$1 == "Microsoft.NETCore.App" { v = $2; d = $3 } END { if (v) { gsub(/[][]/, "", d); print v, d } }')
  framework="$framework_root/$runtime"
  marker="$unix_dir/.wcdoctor-readytorun"
  il_dir="$unix_dir/.wcdoctor-il"
  if [ -z "$unix_dir" ] || [ -z "$runtime" ] || [ "$(uname -m)" != x86_64 ] || [ "$(uname -s)" != Linux ]; then
    say "ReadyToRun skipped (only for linux-x64 with the .NET runtime found); pwsh runs as it is, only slower to start"
  elif [ -f "$marker" ] && [ "$(cat "$marker")" = "$runtime" ]; then
    say "ReadyToRun ready ($runtime)"
  else
    tmp=$(mktemp -d)
    cat >"$tmp/fetch-crossgen.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net$(echo "$runtime" | cut -d. -f1).0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Microsoft.NETCore.App.Crossgen2.linux-x64" Version="[$runtime]" /></ItemGroup>
</Project>
EOF
    crossgen="$tmp/packages/microsoft.netcore.app.crossgen2.linux-x64/$runtime/tools/crossgen2"
    if out=$(cd "$tmp" && dotnet restore --packages "$tmp/packages" 2>&1) && [ -x "$crossgen" ]; then
      ok=1
      for a in $R2R_ASSEMBLIES; do
        [ -f "$unix_dir/$a.dll" ] || continue
        mkdir -p "$il_dir" && { [ -f "$il_dir/$a.dll" ] || cp "$unix_dir/$a.dll" "$il_dir/$a.dll"; }
        if ! "$crossgen" "$il_dir/$a.dll" -o "$tmp/$a.dll" -O --targetos linux --targetarch x64 -r "$framework/*.dll" -r "$unix_dir/*.dll" >"$tmp/$a.log" 2>&1; then
          ok=0; say "ReadyToRun: crossgen2 failed on $a ($(tail -1 "$tmp/$a.log"))"; break
        fi
      done
      if [ "$ok" = 1 ]; then
        for a in $R2R_ASSEMBLIES; do [ -f "$tmp/$a.dll" ] && cp "$tmp/$a.dll" "$unix_dir/$a.dll"; done
      fi
      if [ "$ok" = 1 ] && [ "$("$TOOLS/pwsh" -NoLogo -NoProfile -NonInteractive -Command '1 + 1' 2>/dev/null | tr -d '\r')" = 2 ]; then
        echo "$runtime" >"$marker"
        say "ReadyToRun ready ($runtime: $(echo $R2R_ASSEMBLIES | wc -w) assemblies compiled)"
      else
        for a in $R2R_ASSEMBLIES; do [ -f "$il_dir/$a.dll" ] && cp "$il_dir/$a.dll" "$unix_dir/$a.dll"; done
        say "ReadyToRun NOT applied (the IL assemblies are back); pwsh runs as it is, only slower to start"
      fi
    else
      say "ReadyToRun skipped: crossgen2 $runtime could not be fetched ($(echo "$out" | grep -iE 'error|NU[0-9]' | head -1)); pwsh runs as it is"
    fi
    rm -rf "$tmp"
  fi
fi

say "took $(( ($(date +%s%N) - started) / 1000000 )) ms"
exit 0
