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

say "took $(( ($(date +%s%N) - started) / 1000000 )) ms"
exit 0
