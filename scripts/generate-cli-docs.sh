#!/usr/bin/env bash
# Regenerates the man page (swift-argument-parser's generate-manual plugin) and the bash, zsh
# and fish completion scripts from the command's own definition. Run after changing an option;
# CLITests/CLIDocsTests fails until the committed files match the command.
set -euo pipefail
cd "$(dirname "$0")/.."
# The plugin's own tool (generate-manual-tool) run on the debug build: `swift package
# generate-manual` builds everything again in release mode first, which took 15 minutes here.
swift build --product articlekit >/dev/null
swift build --target generate-manual-tool >/dev/null 2>&1 || true
bindir=$(swift build --show-bin-path)
bin=$bindir/articlekit
mkdir -p docs/man
[ -x "$bindir/generate-manual-tool" ] || { echo "generate-manual-tool not built; run swift package generate-manual once" >&2; exit 1; }
"$bindir/generate-manual-tool" "$bin" --date 2026-11-29 --output-directory docs/man >/dev/null
mkdir -p completions
"$bin" --generate-completion-script bash > completions/articlekit.bash
"$bin" --generate-completion-script zsh > completions/_articlekit
"$bin" --generate-completion-script fish > completions/articlekit.fish
echo "wrote docs/man/articlekit.1 and completions/"
