function __articlekit_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __articlekit_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __articlekit_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __articlekit_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __articlekit_parse_tokens -S
    set -l unparsed_tokens (__articlekit_tokens -pc)
    switch $unparsed_tokens[1]
    case 'articlekit'
        __articlekit_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'convert'
            __articlekit_parse_subcommand -r 1 'to=' 'o/output=' 'from=' 'encoding=' 'language=' 'join-chapters' 'no-nonlinear' 'html-site-profiles=' 'max-input=' 'width=' 'title=' 'identifier=' 'cover=' 'resource-path=+' 'raw-html' 'images=' 'image-max=' 'image-quality=' 'raster-cover=' 'extract-media=' 'embed-resources' 'from-list=' 'from-list0=' 'list-root=' 'j/jobs=' 'include=+' 'exclude=+' 'force' 'follow-symlinks' 'shard=' 'report=' 'file-timeout=' 'file-memory=' 'timeout=' 'header=+' 'user-agent=' 'ca-cert=' 'max-download=' 'connections=' 'no-fetch' 'allow-private-network' 'feed-content=' 'since=' 'max-articles=' 'state=' 'on-error=' 'errors=' 'key=' 'q/quiet' 'v/verbose' 'version' 'h/help'
        case 'inspect'
            __articlekit_parse_subcommand 1 'from=' 'encoding=' 'language=' 'join-chapters' 'no-nonlinear' 'html-site-profiles=' 'max-input=' 'version' 'h/help'
        case 'formats'
            __articlekit_parse_subcommand 0 'names' 'version' 'h/help'
        case 'help'
            __articlekit_parse_subcommand -r 1 'version'
        end
    end
end

function __articlekit_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __articlekit_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __articlekit_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __articlekit_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__articlekit_tokens -p)
    if test -z "$(__articlekit_tokens -t)"
        set -l index (count (__articlekit_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'articlekit' -f
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit" version' -l 'version' -d 'Show the version.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_positional "articlekit" -eq 1' -fa 'convert' -d 'Convert articles, or whole folders of them, from one format to others.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_positional "articlekit" -eq 1' -fa 'inspect' -d 'Show what ArticleKit understood of an input: metadata and an outline of the blocks.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_positional "articlekit" -eq 1' -fa 'formats' -d 'List the formats ArticleKit reads and writes.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_positional "articlekit" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" to' -l 'to' -d 'Output formats, comma-separated (`articlekit formats` lists them).' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" o output' -s 'o' -l 'output' -d 'The output file, - for standard output, or the output folder for several inputs (default: beside the input).' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" from' -l 'from' -d 'The input format, when the file extension does not say it.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" encoding' -l 'encoding' -d 'The input\'s character encoding (default: a BOM or declaration, then UTF-8).' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" language' -l 'language' -d 'The article language as a BCP 47 tag, instead of the detected one.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" join-chapters' -l 'join-chapters' -d 'Read a book (EPUB not made by ArticleKit) as one article with a heading per chapter, not one article per chapter.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" no-nonlinear' -l 'no-nonlinear' -d 'Read a book (EPUB) without its non-linear documents (notes, answers the spine marks linear=no), which otherwise come after the others.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" html-site-profiles' -l 'html-site-profiles' -d 'Web pages: take title preferences per site from this JSON file (the format of Resources/html-sites.json) instead of the built-in ones; none for the generic choice on every site.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" max-input' -l 'max-input' -d 'The most one input may hold, in bytes or with a K, M or G suffix (powers of 1024): a larger file is refused before it is read, and a device, pipe or standard input is refused once it goes past it (default: 1G).' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" width' -l 'width' -d 'Plain-text line width; 0 for no wrapping.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" title' -l 'title' -d 'A title for a book of several articles, or for an article without one.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" identifier' -l 'identifier' -d 'The book identifier (EPUB), instead of one derived from the content.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" cover' -l 'cover' -d 'An image file to use as the cover (EPUB).' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert"' -l 'resource-path' -d 'A folder whose images documents may embed besides their own folder tree, searched after it for relative paths; repeatable (EPUB).' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" raw-html' -l 'raw-html' -d 'Keep raw HTML (Markdown\'s HTML, JSON html blocks) as written in HTML pages and EPUB chapters, for trusted input; by default it is sanitized: no script, event handlers, frames, forms or unsafe URLs.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" images' -l 'images' -d 'What a book does with its images: reader (JPEG or PNG, scaled down, upright, no metadata), keep (as they are), none (left out, captions kept).' -rfka 'reader keep none'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" image-max' -l 'image-max' -d 'The longest side, in pixels, photos in a book are scaled down to (never up).' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" image-quality' -l 'image-quality' -d 'JPEG quality of a book\'s photos, 1-100.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" raster-cover' -l 'raster-cover' -d 'Whether a book also gets a JPEG cover for library views that show no SVG cover: auto (for one book, not in folder batches, where it would double the time a book takes), yes, no.' -rfka 'auto yes no'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" extract-media' -l 'extract-media' -d 'Markdown and HTML output: write every image (local, fetched from the web, or from an EPUB or data: URI) into this folder, named by its content, and refer to it by a relative path.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" embed-resources' -l 'embed-resources' -d 'HTML output: one self-contained file, every image (local or fetched from the web) inside it as a data: URI.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" from-list' -l 'from-list' -d 'Read input paths (and URLs) from a file, or - for standard input, one per line.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" from-list0' -l 'from-list0' -d 'Read input paths (and URLs) from a file, or - for standard input, each ended by a NUL byte as `find -print0` writes them, so names may hold newlines.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" list-root' -l 'list-root' -d 'The folder a list\'s paths are named from below the output folder and hashed by for --shard (default: the deepest folder holding every listed file).' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" j jobs' -s 'j' -l 'jobs' -d 'Worker processes converting files at once (default: the number of cores).' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert"' -l 'include' -d 'Only files matching this glob (`*.txt`, `2024/**/*.md`); repeatable.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert"' -l 'exclude' -d 'Leave out files matching this glob; repeatable.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" force' -l 'force' -d 'Convert even when an output is newer than its input.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" follow-symlinks' -l 'follow-symlinks' -d 'Follow links to files outside an input folder (by default they are skipped, like links to folders; links inside it are followed).'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" shard' -l 'shard' -d 'Only the inputs whose relative path (below the input folder, or from the list\'s root) hashes to shard K of N (1 ≤ K ≤ N), for splitting a corpus across machines.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" report' -l 'report' -d 'Write a JSON report with one record per input.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" file-timeout' -l 'file-timeout' -d 'Seconds one file may take before its worker process is stopped and the file fails.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" file-memory' -l 'file-memory' -d 'The memory each worker process may use, in bytes or with K, M or G; 0 for no limit.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" timeout' -l 'timeout' -d 'Seconds one download may take, body included.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert"' -l 'header' -d 'A header sent with every request, \'Name: value\' (a site you are logged in to wants its Cookie); repeatable. Sent only to the host of the URL given (and its redirects there).' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" user-agent' -l 'user-agent' -d 'The User-Agent header (default: articlekit/VERSION).' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" ca-cert' -l 'ca-cert' -d 'A PEM file of CA certificates to trust besides the system\'s (a company proxy\'s); SSL_CERT_FILE does the same.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" max-download' -l 'max-download' -d 'The most one book may download, pages and images together, in bytes or with K, M or G (default: 500M, as 500 MB).' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" connections' -l 'connections' -d 'Connections open at once across the run (at most 2 to one host).' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" no-fetch' -l 'no-fetch' -d 'Turn the network off: a URL input is an error, and nothing is downloaded.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" allow-private-network' -l 'allow-private-network' -d 'Let what a page refers to (its images) come from loopback, private, link-local and cloud-metadata addresses too; the URLs you give may always be on any address.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" feed-content' -l 'feed-content' -d 'Where a feed item\'s article comes from: page (its page, fetched and extracted), feed (the feed\'s own content, nothing fetched), auto (the default: the feed\'s content when it holds the whole article, else the page).' -rfka 'page feed auto'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" since' -l 'since' -d 'Only feed items published since then: 24h, 7d, 90m, 2w, or a date (2024-05-01); items without a date are kept.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" max-articles' -l 'max-articles' -d 'The most articles taken from each feed, in its order.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" state' -l 'state' -d 'A file that remembers the feed items taken, so a rerun takes only new ones (for a daily cron job); written once the output is.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" on-error' -l 'on-error' -d 'What a record that fails does to a stream: skip (report it and go on; the default) or stop (report it and stop).' -rfka 'stop skip'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" errors' -l 'errors' -d 'Write a stream\'s error lines (one JSON object per failed record) to this file instead of standard error.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" key' -l 'key' -d 'The record field a stream\'s error lines and per-record lines carry as their key (`id`); a WARC page\'s key is its target URI unless named.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" q quiet' -s 'q' -l 'quiet' -d 'No progress bar and no warnings.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" v verbose' -s 'v' -l 'verbose' -d 'List each file as it is converted.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" version' -l 'version' -d 'Show the version.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit convert" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit inspect" from' -l 'from' -d 'The input format, when the file extension does not say it.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit inspect" encoding' -l 'encoding' -d 'The input\'s character encoding (default: a BOM or declaration, then UTF-8).' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit inspect" language' -l 'language' -d 'The article language as a BCP 47 tag, instead of the detected one.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit inspect" join-chapters' -l 'join-chapters' -d 'Read a book (EPUB not made by ArticleKit) as one article with a heading per chapter, not one article per chapter.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit inspect" no-nonlinear' -l 'no-nonlinear' -d 'Read a book (EPUB) without its non-linear documents (notes, answers the spine marks linear=no), which otherwise come after the others.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit inspect" html-site-profiles' -l 'html-site-profiles' -d 'Web pages: take title preferences per site from this JSON file (the format of Resources/html-sites.json) instead of the built-in ones; none for the generic choice on every site.' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit inspect" max-input' -l 'max-input' -d 'The most one input may hold, in bytes or with a K, M or G suffix (powers of 1024): a larger file is refused before it is read, and a device, pipe or standard input is refused once it goes past it (default: 1G).' -rfka ''
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit inspect" version' -l 'version' -d 'Show the version.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit inspect" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit formats" names' -l 'names' -d 'Print only the writers\' names and file extensions, one per line (for scripts).'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit formats" version' -l 'version' -d 'Show the version.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit formats" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'articlekit' -n '__articlekit_should_offer_completions_for_flags_or_options "articlekit help" version' -l 'version' -d 'Show the version.'
