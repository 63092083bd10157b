#!/usr/bin/env bash
# Regenerates the man page (swift-argument-parser's generate-manual plugin) and the bash, zsh
# and fish completion scripts from the command's own definition. Run after changing an option;
# CLITests/CLIDocsTests fails until the committed files match the command.
set -euo pipefail
cd "$(dirname "$0")/.."
# The plugin picks the output folder itself (under .build/plugins); the page is copied from there.
swift package generate-manual --date 2026-11-29 >/dev/null
mkdir -p docs/man
cp "$(find .build/plugins/GenerateManual/outputs -name articlekit.1 | head -1)" docs/man/articlekit.1
swift build --product articlekit >/dev/null
bin=$(swift build --show-bin-path)/articlekit
mkdir -p completions
"$bin" --generate-completion-script bash > completions/articlekit.bash
"$bin" --generate-completion-script zsh > completions/_articlekit
"$bin" --generate-completion-script fish > completions/articlekit.fish
echo "wrote docs/man/articlekit.1 and completions/"
